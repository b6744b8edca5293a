using System.IO.Compression;
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

        // The .NET CLI picked the package for this machine: linux-x64 here, else the "any" package.
        Assert.True(Directory.Exists(Path.Combine(packages.Cache, "hrprep.tool." + ExpectedRid)), $"hrprep.tool.{ExpectedRid} was not installed");

        var version = packages.Run(dir, "dotnet", "hrprep", "--version");
        Check(version);
        Assert.StartsWith($"hrprep {packages.Version}\ncontent {packages.ContentVersion} (hr-performance-management-specialist {packages.ContentVersion}, ", version.StdOut.Replace("\r\n", "\n", StringComparison.Ordinal));

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
        Assert.Contains($"/hrprep.tool.{ExpectedRid}/", new FileInfo(Path.Combine(toolPath, "dotnet-hrprep")).LinkTarget ?? "", StringComparison.Ordinal);
        var version = packages.Run(packages.Root, Path.Combine(toolPath, "dotnet-hrprep"), "--version");
        Check(version);
        Assert.StartsWith($"hrprep {packages.Version}", version.StdOut);
        var sample = packages.Run(packages.Root, Path.Combine(toolPath, "dotnet-hrprep"), "sample", "-n", "3", "-s", "42");
        Check(sample);
        Assert.Contains($"Mock interview: 3 questions, seed 42, content {packages.ContentVersion}", sample.StdOut);
    }

    /// <summary>
    /// On a machine whose RID the tool package does not list, the .NET CLI installs HrPrep.Tool.any
    /// (plain IL, run by dotnet). Simulated with a feed whose pointer package lists another RID and
    /// "any" (the real HrPrep.Tool.any package beside it), installed with its own package cache.
    /// </summary>
    [Fact]
    public void Falls_back_to_the_any_package_when_no_package_matches_the_machine()
    {
        string feed = Path.Combine(packages.Root, "feed-any-fallback");
        Directory.CreateDirectory(feed);
        File.Copy(Path.Combine(packages.Feed, $"HrPrep.Tool.any.{packages.Version}.nupkg"), Path.Combine(feed, $"HrPrep.Tool.any.{packages.Version}.nupkg"));
        string pointer = Path.Combine(feed, $"HrPrep.Tool.{packages.Version}.nupkg");
        File.Copy(Path.Combine(packages.Feed, $"HrPrep.Tool.{packages.Version}.nupkg"), pointer);
        using (var zip = ZipFile.Open(pointer, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("tools/any/any/DotnetToolSettings.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            Assert.Contains("RuntimeIdentifier=\"linux-x64\" Id=\"HrPrep.Tool.linux-x64\"", xml, StringComparison.Ordinal);
            string other = ExpectedRid == "linux-x64" ? "osx-arm64" : "linux-x64";
            xml = xml.Replace("RuntimeIdentifier=\"linux-x64\" Id=\"HrPrep.Tool.linux-x64\"", $"RuntimeIdentifier=\"{other}\" Id=\"HrPrep.Tool.{other}\"", StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("tools/any/any/DotnetToolSettings.xml").Open());
            writer.Write(xml);
        }

        string toolPath = Path.Combine(packages.Root, "any-fallback-tools");
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(packages.Root, "nuget-packages-any"), ["DOTNET_CLI_HOME"] = Path.Combine(packages.Root, "cli-home"), ["DOTNET_NOLOGO"] = "1" };
        Check(Shell.Run(packages.Root, env, "dotnet", "tool", "install", "HrPrep.Tool", "--version", packages.Version, "--add-source", feed, "--tool-path", toolPath));
        Assert.True(Directory.Exists(Path.Combine(toolPath, ".store", "hrprep.tool", packages.Version, "hrprep.tool.any")), "hrprep.tool.any was not installed");
        var version = Shell.Run(packages.Root, Path.Combine(toolPath, "dotnet-hrprep"), "--version");
        Check(version);
        Assert.StartsWith($"hrprep {packages.Version}\ncontent {packages.ContentVersion} ", version.StdOut.Replace("\r\n", "\n", StringComparison.Ordinal));
        var stats = Shell.Run(packages.Root, Path.Combine(toolPath, "dotnet-hrprep"), "stats");
        Check(stats);
        Assert.Contains("questions in 15 categories", stats.StdOut);
    }

    private static string ExpectedRid =>
        OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64 ? "linux-x64" : "any";

    private static void Check(Shell.Result result) => Assert.True(result.ExitCode == 0, result.Output);
}
