using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>Issue 12: <c>import markdown</c> over folders: duplicates, ids, reports, summary, lint-clean output.</summary>
public class ImportMarkdownCommandTests
{
    private static readonly string[] Fields = ["finance", "it", "health", "retail", "legal", "media", "energy", "travel"];
    private static readonly string[] Roles = ["Data Analyst", "Project Coordinator", "Office Manager", "Payroll Clerk", "Quality Lead"];

    /// <summary>A page in the seed's format; questions deliberately use the footer's words.</summary>
    private static string Page(string role, string field, int questions)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# {role} Interview Prep\n\nWelcome to the {role} Interview Preparation! This resource helps you prepare.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"A {role} in {field} keeps the work on track.\n\n## Sample Questions\n\n");
        for (int i = 1; i <= questions; i++)
        {
            string q = (i % 3) switch
            {
                0 => $"How would you visit a {field} site and follow us-style checklists for step {i}?",
                1 => $"What would you do if a {field} report said click here to approve item {i}?",
                _ => $"Describe how you stay updated on {field} rules for task {i}.",
            };
            sb.Append(CultureInfo.InvariantCulture, $"{i}. {q}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"{questions + 1}. [CLICK HERE FOR MORE QUESTIONS](https://example.org/{field})\n\n");
        sb.Append("## Explore Further\n\nFor more resources, visit [our site](https://example.org).\n\n## Connect with Us\n\nStay updated. Follow us on [a network](https://example.org/n).\n");
        return sb.ToString();
    }

    /// <summary>Every role in every field (duplicate role names across folders), plus one empty page.</summary>
    private static string Corpus(TempDir dir)
    {
        string root = Path.Combine(dir.Path, "corpus");
        foreach (var field in Fields)
        {
            foreach (var role in Roles)
            {
                dir.File(Path.Combine("corpus", field, role + ".md"), Page(role, field, 5));
            }
        }

        dir.File(Path.Combine("corpus", "finance", "Controller.md"), Page("Controller", "finance", 3));
        return root;
    }

    [Fact]
    public void A_corpus_with_duplicate_roles_imports_every_question_with_unique_ids()
    {
        using var dir = new TempDir();
        string corpus = Corpus(dir);
        string empty = dir.File(Path.Combine("corpus", "retail", "Broken.md"), "# Broken Interview Prep\n\nNo questions yet.\n");
        string outDir = Path.Combine(dir.Path, "out");
        string reportPath = Path.Combine(dir.Path, "report.json");
        var (code, o, e) = Cli.Run("import", "markdown", corpus, "-o", outDir, "--report", reportPath);

        // The page without questions is an error (exit 1); every other page is written.
        Assert.Equal(1, code);
        Assert.Contains($"{empty}:1:1: error IMPORT002: the page has no numbered questions", e);
        Assert.Contains("wrote 41 packs to", o);
        Assert.Contains("hrprep: import: 42 pages read, 203 questions imported into 41 packs, 1 page without questions, 40 packs renamed; skipped 246 lines (link item 41, promotional 41, promotional section 164)", e);
        var packs = PackReader.ReadPaths([outDir]).GetPacksOrThrow();
        Assert.Equal(41, packs.Length);
        Assert.Equal(203, packs.Sum(p => p.Questions.Length));
        Assert.Equal(203, packs.SelectMany(p => p.Questions).Select(q => q.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(packs.SelectMany(p => p.Questions), q => Assert.StartsWith(q.PackId + "-", q.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(packs.SelectMany(p => p.Questions), q => q.Prompt.Contains("CLICK HERE", StringComparison.Ordinal));
        Assert.Contains(packs.SelectMany(p => p.Questions), q => q.Prompt.Contains("click here", StringComparison.Ordinal));

        // Mirror layout; duplicates qualified by folder, which stays in the metadata.
        var analyst = PackReader.ReadPaths([Path.Combine(outDir, "finance", "finance-data-analyst.yaml")]).GetPacksOrThrow()[0];
        Assert.Equal("Data Analyst (finance)", analyst.Title);
        Assert.Equal("Data Analyst", analyst.Role);
        Assert.EndsWith("Imported from the folder 'finance'.", analyst.Description, StringComparison.Ordinal);
        Assert.Equal("finance-data-analyst-001", analyst.Questions[0].Id);
        Assert.True(File.Exists(Path.Combine(outDir, "finance", "controller.yaml")));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path, ".*"));
        Assert.Contains("pack id 'data-analyst' is given by pages in several folders; this one is 'it-data-analyst' (folder it)", e);

        // The report holds every skipped line with path and line, the renames and the summary.
        using var json = JsonDocument.Parse(File.ReadAllText(reportPath));
        var skipped = json.RootElement.GetProperty("skipped");
        Assert.Equal(246, skipped.GetArrayLength());
        Assert.Contains(skipped.EnumerateArray(), s => s.GetProperty("path").GetString() == Path.Combine(corpus, "it", "Data Analyst.md") && s.GetProperty("line").GetInt32() == 14 && s.GetProperty("reason").GetString() == "link item" && s.GetProperty("text").GetString() == "6. [CLICK HERE FOR MORE QUESTIONS](https://example.org/it)");
        Assert.Equal(40, json.RootElement.GetProperty("renamed").GetArrayLength());
        Assert.Equal(203, json.RootElement.GetProperty("summary").GetProperty("questions imported").GetInt32());

        // Linted, the collection shows the placeholder family and page wording only: no identity, schema or hygiene finding.
        var lint = Cli.Run("lint", outDir, "--format", "json");
        using var findings = JsonDocument.Parse(lint.Out);
        var codes = findings.RootElement.GetProperty("findings").EnumerateArray().Select(f => (Code: f.GetProperty("code").GetString()!, Severity: f.GetProperty("severity").GetString()!)).ToList();
        Assert.NotEmpty(codes);
        string[] allowed = ["HP201", "HP202", "HP203", "HP204", "HP602", "HP110", "HP301", "HP302", "HP303", "HP304"];
        Assert.Empty(codes.Select(c => c.Code).Distinct().Except(allowed));
        Assert.All(codes.Where(c => c.Severity == "error"), c => Assert.Equal("HP203", c.Code));
        Assert.Equal(203, codes.Count(c => c.Code == "HP203"));
    }

    [Fact]
    public void Reimporting_gives_the_same_files_and_existing_outputs_need_force()
    {
        using var dir = new TempDir();
        string corpus = Corpus(dir);
        string outDir = Path.Combine(dir.Path, "out");
        Assert.Equal(0, Cli.Run("import", "markdown", corpus, "-o", outDir).Code);
        var first = Directory.GetFiles(outDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();

        var again = Cli.Run("import", "markdown", corpus, "-o", outDir);
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists; pass --force to replace it", again.Err);
        Assert.Contains("nothing was written", again.Err);

        // --against the output itself: those packs are the ones being replaced, not collisions.
        var forced = Cli.Run("import", "markdown", corpus, "-o", outDir, "--force", "--against", outDir);
        Assert.True(forced.Code == 0, forced.Err);
        var second = Directory.GetFiles(outDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Flat_layout_and_duplicate_policies()
    {
        using var dir = new TempDir();
        string corpus = Corpus(dir);
        string flat = Path.Combine(dir.Path, "flat");
        Assert.Equal(0, Cli.Run("import", "markdown", corpus, "-o", flat, "--layout", "flat").Code);
        Assert.Equal(41, Directory.GetFiles(flat).Length);
        Assert.Empty(Directory.GetDirectories(flat));

        string failed = Path.Combine(dir.Path, "failed");
        var fail = Cli.Run("import", "markdown", corpus, "-o", failed, "--on-duplicate", "fail");
        Assert.Equal(1, fail.Code);
        Assert.Contains("error IMPORT003: pack id 'data-analyst' is given by ", fail.Err);
        Assert.False(Directory.Exists(failed));

        string merged = Path.Combine(dir.Path, "merged");
        var merge = Cli.Run("import", "markdown", corpus, "-o", merged, "--on-duplicate", "merge", "--layout", "flat");
        Assert.True(merge.Code == 0, merge.Err);
        var packs = PackReader.ReadPaths([merged]).GetPacksOrThrow();
        Assert.Equal(6, packs.Length);
        Assert.Equal(40, packs.Single(p => p.Id == "data-analyst").Questions.Length);
        Assert.Equal("data-analyst-040", packs.Single(p => p.Id == "data-analyst").Questions[^1].Id);
        Assert.Equal(2, Cli.Run("import", "markdown", corpus, "-o", merged, "--on-duplicate", "rename").Code);
    }

    [Fact]
    public void Ids_of_existing_packs_are_never_reused()
    {
        using var dir = new TempDir();
        string page = dir.File(Path.Combine("pages", "Payroll Clerk.md"), Page("Payroll Clerk", "finance", 3));
        string existing = dir.File(Path.Combine("questions", "hand.yaml"), """
            pack:
              id: hand-made
              version: 1.0.0
              title: Hand made
              language: en
              license: CC-BY-4.0
              categories:
                - id: general
                  title: General
            questions:
              - id: payroll-clerk-002
                prompt: Who owns this id?
                category: general
                type: technical
                level: mid
                answer:
                  summary: A hand-written question that happens to use an id the importer would make.
            """);
        string outDir = Path.Combine(dir.Path, "out");
        var clash = Cli.Run("import", "markdown", page, "-o", Path.Combine(outDir, "p.yaml"), "--against", Path.Combine(dir.Path, "questions"));
        Assert.Equal(1, clash.Code);
        Assert.Contains($"{existing}:11:5: error IMPORT004: question id 'payroll-clerk-002' of pack 'hand-made' already exists", clash.Err);
        Assert.False(Directory.Exists(outDir));

        // An existing pack with the same id: the new page is qualified by its folder.
        dir.File(Path.Combine("questions", "hand.yaml"), File.ReadAllText(existing).Replace("id: hand-made", "id: payroll-clerk", StringComparison.Ordinal).Replace("payroll-clerk-002", "pc-1", StringComparison.Ordinal));
        var renamed = Cli.Run("import", "markdown", page, "-o", Path.Combine(outDir, "p.yaml"), "--against", Path.Combine(dir.Path, "questions"));
        Assert.True(renamed.Code == 0, renamed.Err);
        Assert.Equal("pages-payroll-clerk", PackReader.ReadPaths([Path.Combine(outDir, "p.yaml")]).GetPacksOrThrow()[0].Id);
    }

    [Fact]
    public void A_text_report_lists_every_skipped_line()
    {
        using var dir = new TempDir();
        string page = dir.File("Clerk.md", Page("Clerk", "retail", 2));
        string report = Path.Combine(dir.Path, "r.txt");
        var run = Cli.Run("import", "markdown", page, "--report", report);
        Assert.Equal(0, run.Code);
        Assert.Contains("prompt: What would you do if a retail report said click here to approve item 1?", run.Out);
        Assert.Contains($"{page}:11: note: skipped link item: 3. [CLICK HERE FOR MORE QUESTIONS](https://example.org/retail)", run.Err);
        var lines = File.ReadAllLines(report);
        Assert.Equal(
            [$"{page}:3: skipped (promotional): Welcome to the Clerk Interview Preparation! This resource helps you prepare.",
             $"{page}:11: skipped (link item): 3. [CLICK HERE FOR MORE QUESTIONS](https://example.org/retail)",
             $"{page}:13: skipped (promotional section): ## Explore Further"],
            lines.Take(3));
        Assert.Contains("questions imported: 2", lines);
        Assert.Contains("skipped (promotional section): 4", lines);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void A_page_over_the_readers_limit_fails_clearly_and_writes_nothing()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder("# Huge Role Interview Prep\n\n## Sample Questions\n\n");
        for (int i = 1; i <= 100_001; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i}. What is step {i}?\n");
        }

        string page = dir.File("Huge Role.md", sb.ToString());
        string small = dir.File("Small Role.md", Page("Small Role", "it", 2));
        string outDir = Path.Combine(dir.Path, "out");
        var run = Cli.Run("import", "markdown", page, small, "-o", outDir);
        Assert.Equal(1, run.Code);
        Assert.Contains($"{page}:1:1: error IMPORT005: the page has 100,001 questions, over the reader's limit of 100,000 per file; split the page", run.Err);
        Assert.Contains("nothing was written", run.Err);
        Assert.False(Directory.Exists(outDir));
    }
}
