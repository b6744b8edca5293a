using HrPrep.Authoring.Lint;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>Lint's result order: findings grouped by path and sorted per group come out exactly as one sort of them all.</summary>
public class LintFindingOrderTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(7, 50)]
    [InlineData(2_000, 20_000)]
    public void Sorting_per_path_equals_one_sort_of_every_finding(int seed, int count)
    {
        var random = new Random(seed);
        // Paths that share prefixes, differ in case and in a trailing character (ordinal order matters),
        // and equal strings that are different instances (grouping must be by value).
        string[] paths = ["a.yaml", "a.yaml ", "A.yaml", "b/a.yaml", "b/a.yml", "b/ä.yaml", "b-c.yaml", "b/c/d.yaml", "z.yaml"];
        string[] codes = ["HP110", "HP201", "HP203", "SCHEMA001", "PACK004"];
        var findings = new List<LintFinding>();
        for (int i = 0; i < count; i++)
        {
            string path = new string(paths[random.Next(paths.Length)].AsSpan());
            findings.Add(new LintFinding(path, random.Next(1, 6), random.Next(1, 4), (LintSeverity)random.Next(0, 3), codes[random.Next(codes.Length)], "message " + random.Next(0, 4)));
        }

        var expected = findings.ToList();
        expected.Sort(LintFinding.Compare);
        var actual = LintEngine.SortFindings(findings);

        Assert.Equal(expected.Count, actual.Length);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(LintFinding.Compare(expected[i], actual[i]) == 0, $"position {i}: expected {expected[i]}, got {actual[i]}");
        }

        // Nothing lost or doubled: the same findings, each as often as given.
        Assert.Equal(findings.Select(f => f.ToString()).Order(StringComparer.Ordinal), actual.Select(f => f.ToString()).Order(StringComparer.Ordinal));
    }
}
