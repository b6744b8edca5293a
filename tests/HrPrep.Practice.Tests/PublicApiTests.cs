using HrPrep.Tests.Shared;
using PublicApiGenerator;
using Xunit;

namespace HrPrep.Practice.Tests;

/// <summary>The public API is guarded: any change to it shows up as a golden-file diff to review.</summary>
public class PublicApiTests
{
    [Fact]
    public void Public_api_of_HrPrep_Practice_is_unchanged()
    {
        string api = typeof(AnswerScorer).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });
        Golden.Match("api/HrPrep.Practice.txt", api);
    }
}
