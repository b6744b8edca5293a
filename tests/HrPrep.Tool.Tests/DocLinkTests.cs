using System.Text;
using System.Text.RegularExpressions;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>Every relative link of README.md, docs/*.md and the packages' PACKAGE.md files points to a file
/// of the repository, and a link with a fragment to a heading of that file (GitHub's heading ids).</summary>
public partial class DocLinkTests
{
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (string page in DocumentationPages())
        {
            data.Add(Path.GetRelativePath(Repo.Root, page).Replace('\\', '/'));
        }

        return data;
    }

    private static IEnumerable<string> DocumentationPages() =>
        new[] { Repo.PathOf("README.md") }
            .Concat(Directory.GetFiles(Repo.PathOf("docs"), "*.md").Order(StringComparer.Ordinal))
            .Concat(Directory.GetDirectories(Repo.PathOf("src")).Select(d => Path.Combine(d, "PACKAGE.md")).Where(File.Exists).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves(string page)
    {
        string path = Repo.PathOf(page.Split('/'));
        var problems = new List<string>();
        foreach (var (line, target) in Links(File.ReadAllText(path)))
        {
            if (Regex.IsMatch(target, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase))
            {
                continue; // https:, mailto: … are not files of the repository
            }

            string file = target, fragment = "";
            int hash = target.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                file = target[..hash];
                fragment = target[(hash + 1)..];
            }

            string resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!resolved.StartsWith(Repo.Root, StringComparison.Ordinal))
            {
                problems.Add($"{page}:{line}: '{target}' points outside the repository");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                problems.Add($"{page}:{line}: '{target}': no such file");
            }
            else if (fragment.Length > 0)
            {
                if (!resolved.EndsWith(".md", StringComparison.Ordinal))
                {
                    problems.Add($"{page}:{line}: '{target}': a fragment into a file that is not Markdown");
                }
                else if (!HeadingIds(File.ReadAllText(resolved)).Contains(fragment))
                {
                    problems.Add($"{page}:{line}: '{target}': no heading with the id '{fragment}' in {Path.GetFileName(resolved)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_docs_page_is_linked_from_the_readme()
    {
        var linked = Links(File.ReadAllText(Repo.PathOf("README.md"))).Select(l => l.Target.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(Repo.PathOf("docs"), "*.md").Select(p => "docs/" + Path.GetFileName(p)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.True(linked.Contains(p), $"README.md does not link to {p}"));
    }

    [Theory]
    [InlineData("## `import markdown`", "import-markdown")]
    [InlineData("### Study formats: `anki`, `csv`, `json`", "study-formats-anki-csv-json")]
    [InlineData("## `anki`: stable decks you can re-import", "anki-stable-decks-you-can-re-import")]
    [InlineData("### Evidence and currency rules (HP7xx)", "evidence-and-currency-rules-hp7xx")]
    [InlineData("## Scheduler: FSRS-6", "scheduler-fsrs-6")]
    [InlineData("## See [the format](x.md) now", "see-the-format-now")]
    public void Heading_ids_follow_github(string heading, string id)
    {
        Assert.Contains(id, HeadingIds(heading + "\n"));
    }

    [Fact]
    public void Links_inside_code_are_not_links_and_repeated_headings_are_numbered()
    {
        string text = "see [a](a.md) and `[b](b.md)`\n```sh\n[c](c.md)\n# not a heading\n```\n## X\n## X\n";
        Assert.Equal(["a.md"], Links(text).Select(l => l.Target));
        Assert.Equal(["x", "x-1"], HeadingIds(text).Order(StringComparer.Ordinal));
    }

    /// <summary>Links outside fenced code blocks and code spans, with their line numbers.</summary>
    private static IEnumerable<(int Line, string Target)> Links(string markdown)
    {
        bool fence = false;
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fence = !fence;
                continue;
            }

            if (fence)
            {
                continue;
            }

            string text = CodeSpan().Replace(lines[i], "");
            foreach (Match m in Link().Matches(text))
            {
                yield return (i + 1, m.Groups[1].Value);
            }
        }
    }

    /// <summary>The ids GitHub gives the headings of a page: the heading's text without markup, lower case,
    /// only letters, digits, '-', '_' and spaces kept, spaces turned into '-'; repeats get -1, -2 ….</summary>
    private static HashSet<string> HeadingIds(string markdown)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        bool fence = false;
        foreach (string line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fence = !fence;
                continue;
            }

            var heading = Heading().Match(line);
            if (fence || !heading.Success)
            {
                continue;
            }

            string text = Link().Replace(heading.Groups[1].Value, m => m.Value[1..m.Value.IndexOf(']', StringComparison.Ordinal)]);
            var id = new StringBuilder();
            foreach (char c in text.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    id.Append(c);
                }
                else if (c == ' ')
                {
                    id.Append('-');
                }
            }

            string slug = id.ToString();
            int n = seen.TryGetValue(slug, out int count) ? count : 0;
            seen[slug] = n + 1;
            ids.Add(n == 0 ? slug : $"{slug}-{n}");
        }

        return ids;
    }

    [GeneratedRegex(@"(`+)(?:(?!\1).)+?\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[[^\]]*\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();
}
