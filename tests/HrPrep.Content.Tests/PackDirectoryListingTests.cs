using HrPrep.Packs;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Content.Tests;

/// <summary>Listing a collection's files in parallel finds exactly what one recursive listing finds.</summary>
public class PackDirectoryListingTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(70)]
    [InlineData(300)]
    public void The_parallel_listing_finds_the_same_files_as_the_sequential_one(int packs)
    {
        using var dir = new TempDir();
        dir.File("top.yaml", "x");
        dir.File("TOP2.YML", "x");
        dir.File("notes.txt", "x");
        dir.File(".hidden-top.yaml", "x");
        dir.File(".hidden-dir/inside.yaml", "x");
        Directory.CreateDirectory(Path.Combine(dir.Path, "empty"));
        for (int i = 0; i < packs; i++)
        {
            string role = $"role-{i:D4}";
            dir.File($"{role}/{role}.yaml", "x");
            if (i % 3 == 0)
            {
                dir.File($"{role}/more/deeper/q.yml", "x");
                dir.File($"{role}/.hidden/q.yaml", "x");
                dir.File($"{role}/.h.yaml", "x");
                dir.File($"{role}/readme.md", "x");
                dir.File($"{role}/Q.YaMl", "x");
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            // Links to a folder and to a file are listed however the platform's recursive listing lists them.
            Directory.CreateSymbolicLink(Path.Combine(dir.Path, "linked-dir"), Path.Combine(dir.Path, "role-0000"));
            File.CreateSymbolicLink(Path.Combine(dir.Path, "role-0001", "linked.yaml"), Path.Combine(dir.Path, "top.yaml"));
        }

        var sequential = PackReader.FindYamlFiles(dir.Path, parallelFrom: int.MaxValue).Order(StringComparer.Ordinal).ToList();
        var parallel = PackReader.FindYamlFiles(dir.Path, parallelFrom: 1).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(sequential, parallel);

        // The listing is what it should be: every pack file, the nested and mixed-case ones, no hidden entries, nothing else.
        int nested = (packs + 2) / 3;
        int links = OperatingSystem.IsWindows() ? 0 : 1;
        Assert.Contains(Path.Combine(dir.Path, "role-0000", "more", "deeper", "q.yml"), parallel);
        Assert.DoesNotContain(parallel, p => p.Contains("/.", StringComparison.Ordinal) || p.Contains("\\.", StringComparison.Ordinal));
        Assert.DoesNotContain(parallel, p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal));
        Assert.InRange(parallel.Count, 2 + packs + (2 * nested) + links, 2 + packs + (2 * nested) + links + 3);

        // And the expansion every reader uses lists the same files in the same order either way.
        Assert.Equal(sequential, PackReader.ExpandPaths([dir.Path]).Files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_directory_is_still_a_located_error()
    {
        using var dir = new TempDir();
        var expansion = PackReader.ExpandPaths([Path.Combine(dir.Path, "nope")]);
        Assert.Empty(expansion.Files);
        Assert.Equal(DiagnosticCodes.Unreadable, Assert.Single(expansion.Diagnostics).Code);
    }
}
