using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Packaging.Tests;

/// <summary>The packed tool installs both ways and runs as <c>dotnet hrprep</c>.</summary>
public class ToolInstallTests(PackagesFixture packages)
{
    [Fact]
    public void Installs_as_a_local_tool_and_runs_as_dotnet_hrprep()
    {
        string dir = Path.Combine(packages.Root, "local-tool");
        Directory.CreateDirectory(dir);
        Check(packages.Run(dir, "dotnet", "new", "tool-manifest"));
        Check(packages.Run(dir, "dotnet", "tool", "install", "HrPrep.Tool", "--version", packages.Version, "--add-source", packages.Feed));

        var version = packages.Run(dir, "dotnet", "hrprep", "--version");
        Check(version);
        Assert.StartsWith($"hrprep {packages.Version}\ncontent {packages.Version} (hr-performance-management-specialist {packages.Version}, ", version.StdOut.Replace("\r\n", "\n", StringComparison.Ordinal));

        var stats = packages.Run(dir, "dotnet", "hrprep", "stats", Repo.PathOf("questions"));
        Check(stats);
        Assert.Contains("questions in 15 categories", stats.StdOut);

        var lint = packages.Run(dir, "dotnet", "hrprep", "lint", Repo.PathOf("questions"), "--config", Repo.PathOf(".hrprep.yaml"));
        Check(lint);

        var lintEmbedded = packages.Run(dir, "dotnet", "hrprep", "lint");
        Check(lintEmbedded);

        var bad = packages.Run(dir, "dotnet", "hrprep", "list", "/nonexistent/pack");
        Assert.Equal(3, bad.ExitCode);
    }

    [Fact]
    public void Installs_as_a_global_style_tool_in_a_tool_path()
    {
        string toolPath = Path.Combine(packages.Root, "global-tools");
        Check(packages.Run(packages.Root, "dotnet", "tool", "install", "HrPrep.Tool", "--version", packages.Version, "--add-source", packages.Feed, "--tool-path", toolPath));
        var version = packages.Run(packages.Root, Path.Combine(toolPath, "dotnet-hrprep"), "--version");
        Check(version);
        Assert.StartsWith($"hrprep {packages.Version}", version.StdOut);
        var sample = packages.Run(packages.Root, Path.Combine(toolPath, "dotnet-hrprep"), "sample", "-n", "3", "-s", "42");
        Check(sample);
        Assert.Contains("Mock interview: 3 questions, seed 42, content 1.1.0", sample.StdOut);
    }

    private static void Check(Shell.Result result) => Assert.True(result.ExitCode == 0, result.Output);
}
