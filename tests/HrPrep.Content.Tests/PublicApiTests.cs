using HrPrep.Content;
using HrPrep.Tests.Shared;
using PublicApiGenerator;
using Xunit;

namespace HrPrep.Content.Tests;

/// <summary>The public API is guarded: any change to it shows up as a golden-file diff to review.</summary>
public class PublicApiTests
{
    [Fact]
    public void Public_api_of_HrPrep_Content_is_unchanged()
    {
        string api = typeof(QuestionBank).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });
        Golden.Match("api/HrPrep.Content.txt", api);
    }

    [Fact]
    public void Public_api_of_HrPrep_Packs_is_unchanged()
    {
        string api = typeof(HrPrep.Packs.PackReader).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });
        Golden.Match("api/HrPrep.Packs.txt", api);
    }
}
