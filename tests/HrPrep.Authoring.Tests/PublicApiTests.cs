using HrPrep.Authoring.Schema;
using HrPrep.Tests.Shared;
using PublicApiGenerator;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>The public API of HrPrep.Authoring is guarded: any change shows up as a golden-file diff to review.</summary>
public class PublicApiTests
{
    [Fact]
    public void Public_api_of_HrPrep_Authoring_is_unchanged()
    {
        string api = typeof(PackSchemaValidator).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"],
        });
        Golden.Match("api/HrPrep.Authoring.txt", api);
    }
}
