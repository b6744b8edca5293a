using System.Diagnostics;
using HrPrep.Tests.Shared;
using Xunit;

[assembly: AssemblyFixture(typeof(HrPrep.Packaging.Tests.PackagesFixture))]
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

// Every test here runs dotnet pack/publish/tool install: left out by --filter-not-trait "Category=External".
[assembly: Trait("Category", "External")]

namespace HrPrep.Packaging.Tests;

/// <summary>Packs the solution once into a temporary folder feed, with an isolated NuGet package cache.</summary>
public sealed class PackagesFixture : IDisposable
{
    public PackagesFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "hrprep-packaging-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Cache = Path.Combine(Root, "nuget-packages");
        Directory.CreateDirectory(Feed);
        foreach (var project in new[] { "HrPrep.Packs", "HrPrep.Content", "HrPrep.Authoring", "HrPrep.Practice", "HrPrep.Tool" })
        {
            var result = Shell.Run(Repo.Root, "dotnet", "pack", Repo.PathOf("src", project, project + ".csproj"), "-c", "Release", "-o", Feed, "-p:PackageOutputPath=" + Feed);
            Assert.True(result.ExitCode == 0, $"dotnet pack {project} failed:\n" + result.Output);
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string Cache { get; }

    /// <summary>The library and tool version (Directory.Build.props: Version).</summary>
    public string Version => "2.2.0";

    /// <summary>The content version of the shipped packs (Directory.Build.props: HrPrepContentVersion), separate from <see cref="Version"/>.</summary>
    public string ContentVersion => "1.1.0";

    /// <summary>Runs a command with the isolated package cache.</summary>
    public Shell.Result Run(string workingDirectory, params string[] args) =>
        Shell.Run(workingDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Cache, ["DOTNET_CLI_HOME"] = Path.Combine(Root, "cli-home"), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" }, args[0], args[1..]);

    /// <summary>Writes a nuget.config that adds the local feed to the machine's default sources.</summary>
    public void WriteNuGetConfig(string directory) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="hrprep-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class Shell
{
    public sealed record Result(int ExitCode, string Output, string StdOut);

    public static Result Run(string workingDirectory, string file, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), file, args);

    public static Result Run(string workingDirectory, IDictionary<string, string> env, string file, params string[] args) =>
        RunWithInput(workingDirectory, env, null, file, args);

    /// <summary>Runs a program; <paramref name="input"/>, when not null, is written to its standard input.</summary>
    public static Result RunWithInput(string workingDirectory, IDictionary<string, string> env, string? input, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
        };
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        // Nested dotnet commands must not inherit the test host's MSBuild/test-platform settings.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH" || k.StartsWith("TESTINGPLATFORM", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(key);
        }

        // Each nested build uses its own MSBuild nodes: a node left alive by another build on the machine
        // (node reuse) must not be borrowed and then lost ("MSB4166: Child node exited prematurely").
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var p = Process.Start(psi)!;
        if (input is not null)
        {
            p.StandardInput.Write(input);
            p.StandardInput.Close();
        }

        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new Result(p.ExitCode, stdout + stderr.Result, stdout);
    }
}
