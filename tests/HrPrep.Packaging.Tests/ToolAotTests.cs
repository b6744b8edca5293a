using System.IO.Compression;
using System.Runtime.InteropServices;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Packaging.Tests;

/// <summary>
/// The linux-x64 tool package is a Native AOT executable, and every kind of command works in it:
/// installed from the local feed in a tool path, it runs lint (also with a custom schema that only
/// NJsonSchema reads: a $ref into another file with a sibling keyword, tuple items), exports
/// (anki, csv, html), imports the CSV back, merges, scores an answer and practises one question
/// from redirected input.
/// </summary>
public class ToolAotTests(PackagesFixture packages)
{
    [Fact]
    public void Linux_x64_tool_package_holds_one_native_executable_and_no_managed_assemblies()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"HrPrep.Tool.linux-x64.{packages.Version}.nupkg"));
        const string dir = "tools/any/linux-x64/";
        var command = XmlSettings(zip, dir + "DotnetToolSettings.xml");
        Assert.Equal("executable", command.Runner);
        Assert.Equal("HrPrep.Tool", command.EntryPoint);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".dbg", StringComparison.Ordinal));
        using var exe = zip.GetEntry(dir + "HrPrep.Tool")!.Open();
        var magic = new byte[4];
        exe.ReadExactly(magic);
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, magic);
    }

    [Fact]
    public void Installed_native_tool_runs_every_kind_of_command()
    {
        Assert.True(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64, "the Native AOT package is for linux-x64; run the packaging tests on a linux-x64 machine");
        string work = Path.Combine(packages.Root, "aot-smoke");
        Directory.CreateDirectory(work);
        string toolPath = Path.Combine(packages.Root, "aot-tools");
        Check(packages.Run(work, "dotnet", "tool", "install", "HrPrep.Tool", "--version", packages.Version, "--add-source", packages.Feed, "--tool-path", toolPath));
        string tool = Path.Combine(toolPath, "dotnet-hrprep");
        string target = new FileInfo(tool).LinkTarget ?? "";
        Assert.Contains("/hrprep.tool.linux-x64/", target, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(Path.Combine(toolPath, target))!, "HrPrep.Tool.dll")), "the installed linux-x64 tool has managed assemblies");

        Shell.Result Run(string? input, params string[] args) =>
            Shell.RunWithInput(work, new Dictionary<string, string> { ["HRPREP_TODAY"] = "2026-01-15" }, input, tool, args);

        var version = Run(null, "--version");
        Check(version);
        Assert.StartsWith($"hrprep {packages.Version}\ncontent {packages.ContentVersion} ", version.StdOut.Replace("\r\n", "\n", StringComparison.Ordinal));

        Check(Run(null, "lint", Repo.PathOf("questions"), "--config", Repo.PathOf(".hrprep.yaml")));

        // A custom schema beyond the plain keywords goes through NJsonSchema (reflection-based) in the native build too.
        File.WriteAllText(Path.Combine(work, "ids.json"), """{"definitions":{"id":{"type":"string","pattern":"^[a-z-]+$"}}}""");
        File.WriteAllText(Path.Combine(work, "custom.json"), """
            {"type":"object","required":["pack","questions"],
             "properties":{"questions":{"type":"array","minItems":500,
               "items":{"type":"object","properties":{"id":{"$ref":"ids.json#/definitions/id","maxLength":200}}}},
               "extra":{"type":"array","items":[{"type":"string"}]}}}
            """);
        var custom = Run(null, "lint", Repo.PathOf("questions"), "--schema", Path.Combine(work, "custom.json"));
        Assert.True(custom.ExitCode == 1, custom.Output);
        Assert.Contains("error SCHEMA: 'questions' must have at least 500 items", custom.StdOut, StringComparison.Ordinal);
        Assert.Contains("appraisal-methods.yaml:3:5: error SCHEMA: ", custom.StdOut, StringComparison.Ordinal);
        Assert.Contains("'id' does not match the pattern ^[a-z-]+$", custom.StdOut, StringComparison.Ordinal);

        Check(Run(null, "export", "anki", "-o", "deck.apkg"));
        using (var deck = ZipFile.OpenRead(Path.Combine(work, "deck.apkg")))
        {
            Assert.Contains(deck.Entries, e => e.Name.StartsWith("collection.anki2", StringComparison.Ordinal));
        }

        Check(Run(null, "export", "csv", "-o", "q.csv"));
        Assert.StartsWith("id,pack,category,", File.ReadAllText(Path.Combine(work, "q.csv")), StringComparison.Ordinal);
        Check(Run(null, "export", "html", "-o", "study.html"));
        Assert.Contains("hrpm-methods-001", File.ReadAllText(Path.Combine(work, "study.html")), StringComparison.Ordinal);

        Check(Run(null, "import", "csv", "q.csv", "-o", "imported.yaml"));
        var merge = Run(null, "merge", "imported.yaml", "imported.yaml", "-o", "merged.yaml");
        Check(merge);
        Assert.Contains("report: duplicate 224", merge.StdOut, StringComparison.Ordinal);
        var stats = Run(null, "stats", "merged.yaml");
        Check(stats);
        Assert.Contains("224 questions in 15 categories", stats.StdOut, StringComparison.Ordinal);

        var score = Run("Calibration meetings compare ratings across teams.\n", "score", "hrpm-methods-001", "--answer-file", "-");
        Check(score);
        Assert.Matches(@"^hrpm-methods-001: [0-5] of 5 key points covered", score.StdOut);

        var practice = Run("I would set clear goals and check in often.\n.\n\n", "practice", "--count", "1", "--seed", "1", "--store", "store.json", "--time", "0");
        Check(practice);
        Assert.Contains("Session over: 1 question saved", practice.StdOut, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, "store.json")));
    }

    private static (string Runner, string EntryPoint) XmlSettings(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        var command = System.Xml.Linq.XDocument.Load(stream).Descendants().Single(e => e.Name.LocalName == "Command");
        return (command.Attribute("Runner")!.Value, command.Attribute("EntryPoint")!.Value);
    }

    private static void Check(Shell.Result result) => Assert.True(result.ExitCode == 0, result.Output);
}
