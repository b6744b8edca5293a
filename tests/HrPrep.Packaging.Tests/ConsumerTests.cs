using System.Text.RegularExpressions;
using HrPrep.Content;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Packaging.Tests;

/// <summary>A fresh console project restores HrPrep.Content from the packed .nupkg (not a project
/// reference) and runs the README's quick start, proving the embedded packs are in the package.</summary>
public partial class ConsumerTests(PackagesFixture packages)
{
    [Fact]
    public void Readme_quick_start_compiles_and_runs_against_the_packed_library()
    {
        string readme = File.ReadAllText(Repo.PathOf("README.md"));
        var block = QuickStart().Match(readme);
        Assert.True(block.Success, "README has no ```csharp block under '## Library quick start'");

        string dir = Path.Combine(packages.Root, "consumer");
        Directory.CreateDirectory(dir);
        packages.WriteNuGetConfig(dir);
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="HrPrep.Content" Version="{packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), block.Groups[1].Value);

        var run = packages.Run(dir, "dotnet", "run", "-c", "Release");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(File.Exists(Path.Combine(packages.Cache, "hrprep.content", packages.Version, $"hrprep.content.{packages.Version}.nupkg")), "HrPrep.Content was not restored from the package feed");
        Assert.True(File.Exists(Path.Combine(packages.Cache, "hrprep.packs", packages.Version, $"hrprep.packs.{packages.Version}.nupkg")), "HrPrep.Packs (HrPrep.Content's dependency) was not restored from the package feed");

        var bank = QuestionBank.Default;
        var lines = run.StdOut.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Assert.Equal(bank.ContentVersion, lines[0]);
        Assert.Equal(bank["hrpm-goals-001"].Prompt, lines[1]);
        string expectedSample = "sample: " + string.Join(" ", bank.Sample(new SampleRequest
        {
            Count = 8,
            Seed = 42,
            Quotas = [new SampleQuota(2, "underperformance"), new SampleQuota(2, Level: QuestionLevel.Senior)],
            Exclude = ["hrpm-role-001"],
        }).Questions.Select(q => q.Id));
        Assert.Contains(expectedSample, lines);
        int senior = bank.Query().InCategory("rater-bias").AtLevel(QuestionLevel.Senior).WithType(QuestionType.Situational, QuestionType.CaseStudy).CountMatches();
        Assert.Contains($"senior rater-bias situational/case questions: {senior}", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\d+\.\d\d hrpm-[a-z0-9-]+$"));
    }

    [GeneratedRegex(@"## Library quick start.*?```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStart();
}
