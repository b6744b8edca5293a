using System.Runtime.InteropServices;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Packaging.Tests;

/// <summary>
/// The tool builds in every ordinary way from a clean copy of the repository in a folder whose path
/// has spaces, and the built tool runs (<c>--version</c>, <c>stats</c> of the embedded packs):
/// Debug and Release, <c>-o DIR</c>, <c>-r RID</c>, <c>--artifacts-path DIR</c>,
/// <c>UseArtifactsOutput</c>, and a fresh <c>NUGET_PACKAGES</c> given without and with a trailing
/// slash. A change to the pack compiler's source is picked up by the next build (no stale compiler).
/// </summary>
public class BuildVariantTests(PackagesFixture packages)
{
    [Fact]
    public void Tool_builds_every_ordinary_way_from_a_clean_copy_with_spaces_in_its_path_and_runs()
    {
        string root = Path.Combine(packages.Root, "build variants");
        string copy = Path.Combine(root, "repo copy");
        CopyRepository(copy);
        string cache = Path.Combine(root, "nuget packages");
        string tool = Path.Combine(copy, "src", "HrPrep.Tool");
        string rid = RuntimeInformation.RuntimeIdentifier;

        // (arguments, NUGET_PACKAGES or null for the machine's cache, folder where HrPrep.Tool.dll lands)
        var variants = new List<(string[] Args, string? Cache, string Output)>
        {
            (["build", tool], cache, Path.Combine(tool, "bin", "Debug", "net10.0")),
            (["build", tool, "-c", "Release"], cache + "/", Path.Combine(tool, "bin", "Release", "net10.0")),
            (["build", tool, "-c", "Release", "-o", Path.Combine(root, "out dir")], null, Path.Combine(root, "out dir")),
            (["build", tool, "-r", rid], null, Path.Combine(tool, "bin", "Debug", "net10.0", rid)),
            (["build", tool, "--artifacts-path", Path.Combine(root, "artifacts path")], null, Path.Combine(root, "artifacts path", "bin", "HrPrep.Tool", "debug")),
            (["build", tool, "-p:UseArtifactsOutput=true"], null, Path.Combine(copy, "artifacts", "bin", "HrPrep.Tool", "debug")),
        };

        var failures = new List<string>();
        for (int i = 0; i < variants.Count; i++)
        {
            var (args, nugetPackages, output) = variants[i];
            string name = string.Join(' ', args.Skip(2)) + (nugetPackages is null ? "" : $" (NUGET_PACKAGES={nugetPackages})");
            if (i == 2)
            {
                // The pack compiler changes between builds: the next build must rebuild and run it.
                string program = Path.Combine(copy, "src", "HrPrep.PackCompiler", "Program.cs");
                File.WriteAllText(program, File.ReadAllText(program).Replace("\"HrPrep.PackCompiler: {", "\"HrPrep.PackCompiler (edited): {", StringComparison.Ordinal));
            }

            var env = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
            if (nugetPackages is not null)
            {
                env["NUGET_PACKAGES"] = nugetPackages;
            }

            var build = Shell.Run(copy, env, "dotnet", [.. args, "--disable-build-servers", "-nologo"]);
            if (build.ExitCode != 0)
            {
                failures.Add($"dotnet {name}: exit {build.ExitCode}\n{build.Output}");
                continue;
            }

            if (i == 2 && !build.Output.Contains("HrPrep.PackCompiler (edited): 1 pack(s)", StringComparison.Ordinal))
            {
                failures.Add($"dotnet {name}: the edited pack compiler did not run (stale compiler)\n{build.Output}");
            }

            string dll = Path.Combine(output, "HrPrep.Tool.dll");
            if (!File.Exists(dll))
            {
                failures.Add($"dotnet {name}: no {dll}");
                continue;
            }

            var version = Shell.Run(copy, "dotnet", dll, "--version");
            if (version.ExitCode != 0 || !System.Text.RegularExpressions.Regex.IsMatch(version.StdOut.Replace("\r\n", "\n", StringComparison.Ordinal), $@"^hrprep {System.Text.RegularExpressions.Regex.Escape(packages.Version)}\ncontent {System.Text.RegularExpressions.Regex.Escape(packages.ContentVersion)} \(hr-performance-management-specialist {System.Text.RegularExpressions.Regex.Escape(packages.ContentVersion)}, [1-9][0-9]* questions\)\n"))
            {
                failures.Add($"dotnet {name}: --version gave exit {version.ExitCode}\n{version.Output}");
            }

            var stats = Shell.Run(copy, "dotnet", dll, "stats");
            if (stats.ExitCode != 0 || !System.Text.RegularExpressions.Regex.IsMatch(stats.StdOut, $@"^Content {System.Text.RegularExpressions.Regex.Escape(packages.ContentVersion)}: [1-9][0-9]* questions in 15 categories\n"))
            {
                failures.Add($"dotnet {name}: stats gave exit {stats.ExitCode}\n{stats.Output}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Copies the files git tracks (and new files it does not ignore), as a fresh clone would have them.</summary>
    private static void CopyRepository(string destination)
    {
        var files = Shell.Run(Repo.Root, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        Assert.True(files.ExitCode == 0, "git ls-files failed: " + files.Output);
        foreach (string file in files.StdOut.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            string source = Path.Combine(Repo.Root, file);
            if (!File.Exists(source))
            {
                continue; // deleted in the working tree
            }

            string target = Path.Combine(destination, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }
}
