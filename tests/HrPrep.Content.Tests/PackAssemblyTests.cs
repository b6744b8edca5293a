using HrPrep.Packs;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Content.Tests;

/// <summary>Assembling packs from read files: the result does not depend on the order the files come in, and small and large packs are checked alike.</summary>
public class PackAssemblyTests
{
    private static string Describe(PackReadResult r) =>
        string.Join("\n", r.Packs.Select(p => $"{p.Id} {p.Location} [{string.Join(",", p.Questions.Select(q => $"{q.Id}@{q.Location}/{q.PackId}"))}]"))
        + "\n--\n" + string.Join("\n", r.Diagnostics.Select(d => d.ToString()));

    [Fact]
    public void The_files_order_does_not_change_the_packs_or_the_problems()
    {
        var paths = PackReader.ExpandPaths([Repo.PathOf("tests", "fixtures"), Repo.ShippedPack]).Files;
        var files = paths.Select(p => PackReader.ReadFile(p)).ToList();
        var assembled = PackReader.Assemble(files);
        Assert.True(assembled.Packs.Length > 1 && assembled.Diagnostics.Length > 0, "the fixtures give several packs and problems");
        string expected = Describe(assembled);

        var random = new Random(11);
        for (int round = 0; round < 5; round++)
        {
            var shuffled = files.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Describe(PackReader.Assemble(shuffled)));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public void Duplicate_retired_and_undeclared_ids_are_found_in_small_and_large_packs(int size)
    {
        using var dir = new TempDir();
        var categories = Enumerable.Range(1, size).Select(i => $"    - id: cat-{i}\n      title: C{i}").ToList();
        var retired = Enumerable.Range(1, size).Select(i => $"old-{i}").ToList();
        string manifest = $"""
            pack:
              id: p
              version: 1.0.0
              title: P
              language: en
              license: CC0-1.0
              categories:
            {string.Join("\n", categories)}
              retired: [{string.Join(", ", retired)}]
            """;
        dir.File("p/pack.yaml", manifest);
        string Q(string id, string category) => $"""
              - id: {id}
                prompt: What is {id}?
                category: {category}
                type: technical
                level: mid
                answer:
                  summary: An answer.

            """;

        // Questions 1..size+2 in a.yaml (past the scan limit when size is 12); then b.yaml repeats the
        // first and the last of them, uses a retired id and a near-miss category.
        var a = Enumerable.Range(1, size + 2).Select(i => Q($"q-{i}", $"cat-{1 + ((i - 1) % size)}"));
        dir.File("p/a.yaml", "questions:\n" + string.Concat(a));
        dir.File("p/b.yaml", "questions:\n" + Q("q-1", "cat-1") + Q($"q-{size + 2}", "cat-1") + Q($"old-{size}", "cat-1") + Q("q-new", "cat-l"));

        var result = PackReader.ReadPaths([Path.Combine(dir.Path, "p")]);
        var pack = Assert.Single(result.Packs);
        Assert.Equal(size + 2, pack.Questions.Length);
        Assert.Equal(Enumerable.Range(1, size + 2).Select(i => $"q-{i}"), pack.Questions.Select(q => q.Id));
        var problems = result.Diagnostics.Select(d => $"{d.Code} {d.Message}").ToList();
        Assert.Contains(problems, m => m.StartsWith(DiagnosticCodes.DuplicateId + " duplicate question id 'q-1' (first defined at ", StringComparison.Ordinal) && m.Contains("a.yaml", StringComparison.Ordinal));
        Assert.Contains(problems, m => m.StartsWith($"{DiagnosticCodes.DuplicateId} duplicate question id 'q-{size + 2}'", StringComparison.Ordinal));
        Assert.Contains($"{DiagnosticCodes.RetiredId} question id 'old-{size}' is retired in pack 'p' and cannot be used again", problems);
        Assert.Contains($"{DiagnosticCodes.UndeclaredCategory} category 'cat-l' is not declared in pack 'p' (did you mean 'cat-1'?)", problems);
        Assert.Equal(4, problems.Count);
    }
}
