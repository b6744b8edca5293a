using HrPrep.Authoring.Merge;
using HrPrep.Packs;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>
/// stats, list and merge on many small packs: stats and list keep only what they print (see
/// <c>BankLoader</c>), merge reads many inputs in parallel. What they print must not change.
/// </summary>
public class ManyPacksReaderTests
{
    private static string RolePack(int i, string extra = "") => $"""
        pack:
          id: p
          version: 1.0.0
          title: P
          language: en
          license: CC0-1.0
          categories:
            - id: c1
              title: C1
        questions:
          - id: q{i}-a
            prompt: What is role {i} about?
            category: c1
            type: technical
            level: {(i % 3 == 0 ? "senior" : "mid")}
            tags: [t{i % 2}]
            answer:
              summary: Role {i} answers here{extra}.
              keyPoints: [one, two]
          - id: q{i}-b
            prompt: How would role {i} handle a conflict?
            category: c1
            type: behavioral
            level: entry
            answer:
              summary: By talking first.
        """;

    [Fact]
    public void Stats_and_list_of_the_shipped_sources_print_what_the_embedded_packs_print()
    {
        // The embedded packs are compiled from questions/ and always held whole; reading questions/
        // keeps each question without the texts stats and the list table do not print.
        foreach (string[] args in new string[][] { ["stats"], ["stats", "--format", "json"], ["stats", "--level", "senior"], ["stats", "--tag", "calibration", "--type", "behavioral"],
            ["stats", "--pack", "hr-performance-management-specialist"], ["list"], ["list", "--category", "rater-bias"], ["list", "--tag", "mbo"] })
        {
            var embedded = Cli.Run(args);
            var read = Cli.Run([args[0], Repo.PathOf("questions"), .. args[1..]]);
            Assert.Equal(0, embedded.Code);
            Assert.Equal((embedded.Code, embedded.Out, embedded.Err), (read.Code, read.Out, read.Err));
        }
    }

    [Fact]
    public void Search_and_json_still_see_the_answers()
    {
        using var dir = new TempDir();
        for (int i = 0; i < 30; i++)
        {
            dir.File($"role-{i:D2}/role-{i:D2}.yaml", RolePack(i, i == 17 ? " with zebras" : string.Empty).Replace("id: p", $"id: p{i}", StringComparison.Ordinal));
        }

        // "zebras" is in one answer only: a search over trimmed questions would find nothing.
        var stats = Cli.Run("stats", dir.Path, "--search", "zebras", "--format", "json");
        Assert.Equal(0, stats.Code);
        Assert.Contains("\"total\": 1,", stats.Out);
        var list = Cli.Run("list", dir.Path, "--search", "zebras");
        Assert.Equal(0, list.Code);
        Assert.Contains("q17-a", list.Out);
        Assert.EndsWith("\n1 question\n", list.Out);
        var json = Cli.Run("list", dir.Path, "--format", "json", "--tag", "t1");
        Assert.Equal(0, json.Code);
        Assert.Contains("Role 17 answers here with zebras.", json.Out);
        Assert.Contains("\"two\"", json.Out);
        var all = Cli.Run("stats", dir.Path, "--format", "json");
        Assert.Contains("\"total\": 60,", all.Out);
    }

    [Fact]
    public void Merge_of_many_inputs_gives_what_merging_them_one_by_one_gives()
    {
        using var dir = new TempDir();
        var paths = Enumerable.Range(0, 40).Select(i => Path.GetDirectoryName(dir.File($"role-{i:D2}/role-{i:D2}.yaml", RolePack(i)))!).ToList();

        // A duplicate question in two inputs, resolved as a duplicate.
        paths.Add(paths[3]);
        string output = Path.Combine(dir.Path, "merged.yaml");
        var (code, o, e) = Cli.Run(["merge", .. paths, "-o", output]);
        Assert.True(code == 0, e);

        var (inputs, errors) = PackInputs.ReadEach(paths);
        Assert.Empty(errors);
        var expected = PackMerger.Merge(inputs).Pack!;
        var written = Assert.Single(PackReader.ReadPaths([output]).GetPacksOrThrow());
        Assert.Equal(expected.Questions, written.Questions);
        Assert.Equal(82, inputs.Sum(i => i.Pack.Questions.Length));
        Assert.StartsWith($"merged 41 inputs (82 questions) into p {expected.Version}: 80 questions in 1 category\n", o);
    }

    [Fact]
    public void Merge_of_many_inputs_reports_every_bad_input_in_order_and_writes_nothing()
    {
        using var dir = new TempDir();
        var paths = Enumerable.Range(0, 30).Select(i => Path.GetDirectoryName(dir.File($"role-{i:D2}/role-{i:D2}.yaml", RolePack(i)))!).ToList();
        File.WriteAllText(Path.Combine(paths[21], $"role-21.yaml"), "questions: [broken\n");
        File.WriteAllText(Path.Combine(paths[4], $"role-04.yaml"), RolePack(4).Replace("level: entry", "level: expert", StringComparison.Ordinal));
        paths.Insert(9, Path.Combine(dir.Path, "empty-dir"));
        Directory.CreateDirectory(paths[9]);
        string output = Path.Combine(dir.Path, "merged.yaml");

        var (code, o, e) = Cli.Run(["merge", .. paths, "-o", output]);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, o);
        var lines = e.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 4, e);
        Assert.Matches(@"role-04\.yaml:\d+:\d+: error PACK004: ", lines[0]);
        Assert.StartsWith($"{paths[9]}:1:1: error MERGE004: no pack found here", lines[1]);
        Assert.Matches(@"role-21\.yaml:\d+:\d+: error YAML001: ", lines[2]);
        Assert.StartsWith("hrprep: error INPUT: 3 problems in the inputs; nothing was written", lines[3]);
        Assert.False(File.Exists(output));

        // A path that does not exist: unreadable input, exit 3.
        paths[25] = Path.Combine(dir.Path, "nope");
        Assert.Equal(3, Cli.Run(["merge", .. paths, "-o", output]).Code);
        Assert.False(File.Exists(output));
    }
}
