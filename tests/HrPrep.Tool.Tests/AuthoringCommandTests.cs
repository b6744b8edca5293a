using HrPrep.Authoring.Schema;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

public class NewCommandTests
{
    [Fact]
    public void New_scaffolds_a_pack_that_passes_the_reader_and_the_schema()
    {
        using var dir = new TempDir();
        var (code, o, e) = Cli.Run("new", "data-analyst", "-o", dir.Path);
        Assert.True(code == 0, e);
        string target = Path.Combine(dir.Path, "data-analyst");
        Assert.Contains("Created", o);
        Assert.Equal(["general.yaml", "pack.yaml"], Directory.GetFiles(target).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(target))
        {
            string text = File.ReadAllText(file);
            Assert.StartsWith("# yaml-language-server: $schema=", text, StringComparison.Ordinal);
            var read = SafeYamlReader.ReadText(file, text);
            Assert.Empty(PackSchemaValidator.Default.Validate(read.Root!));
        }

        var pack = Assert.Single(PackReader.ReadPaths([target]).GetPacksOrThrow());
        Assert.Equal("data-analyst", pack.Id);
        Assert.Equal("0.1.0", pack.Version);
        var example = Assert.Single(pack.Questions);
        Assert.Equal("data-analyst-general-001", example.Id);
        Assert.Null(example.LastVerified); // nobody has checked the example's facts: no date (a promise)
        Assert.Contains("*Example (invented):*", example.Answer.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void New_refuses_a_non_empty_folder_and_bad_ids()
    {
        using var dir = new TempDir();
        dir.File("p/keep.txt", "mine");
        var (code, _, e) = Cli.Run("new", "p", "-o", dir.Path);
        Assert.Equal(1, code);
        Assert.Contains("already exists and is not empty; nothing was written", e);
        Assert.Equal(["keep.txt"], Directory.GetFiles(Path.Combine(dir.Path, "p")).Select(f => Path.GetFileName(f)!));
        var bad = Cli.Run("new", "Bad_Id", "-o", dir.Path);
        Assert.Equal(2, bad.Code);
        Assert.StartsWith("hrprep: error USAGE: 'Bad_Id' is not a valid pack id", bad.Err, StringComparison.Ordinal);
    }
}

public class MergeCommandTests
{
    private static string Edited(TempDir dir, string name, Func<string, string> edit)
    {
        string target = Path.Combine(dir.Path, name);
        Directory.CreateDirectory(target);
        foreach (var f in Directory.GetFiles(Repo.MiniPack))
        {
            File.WriteAllText(Path.Combine(target, Path.GetFileName(f)), edit(File.ReadAllText(f)));
        }

        return target;
    }

    [Fact]
    public void Merge_writes_a_directory_pack_and_a_report()
    {
        using var dir = new TempDir();
        string team = Edited(dir, "team", t => t.Replace("What is a performance appraisal?", "What is an appraisal, really?").Replace("version: 2.1.0", "version: 2.2.0"));
        string output = Path.Combine(dir.Path, "out");
        string report = Path.Combine(dir.Path, "report.txt");
        var (code, o, e) = Cli.Run("merge", Repo.MiniPack, team, "-o", output, "--on-conflict", "newest", "--report", report);
        Assert.True(code == 0, e);
        Assert.Contains("merged 2 inputs (16 questions) into mini 2.2.0: 8 questions in 2 categories", o);
        Assert.Contains("report: duplicate 7, conflict-resolved 1", o);
        var pack = Assert.Single(PackReader.ReadPaths([output]).GetPacksOrThrow());
        Assert.Equal("What is an appraisal, really?", pack.Questions.Single(q => q.Id == "mini-a-001").Prompt);
        string text = File.ReadAllText(report);
        Assert.Contains("conflict-resolved mini-a-001: question 'mini-a-001' differs between inputs; --on-conflict newest kept the copy from " + team, text);
        Assert.Equal(["alpha.yaml", "beta.yaml", "pack.yaml"], Directory.GetFiles(output).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Merge_report_as_json()
    {
        using var dir = new TempDir();
        string report = Path.Combine(dir.Path, "r.json");
        var (code, _, e) = Cli.Run("merge", Repo.MiniPack, Repo.MiniPack, "-o", Path.Combine(dir.Path, "o.yaml"), "--report", report);
        Assert.True(code == 0, e);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(16, doc.RootElement.GetProperty("inputQuestions").GetInt32());
        Assert.Equal(8, doc.RootElement.GetProperty("outputQuestions").GetInt32());
        var entries = doc.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(8, entries.Count);
        Assert.All(entries, x => Assert.Equal("duplicate", x.GetProperty("reason").GetString()));
        Assert.Equal(2, entries[0].GetProperty("locations").GetArrayLength());
    }

    [Fact]
    public void Merge_conflict_under_fail_exits_1_and_writes_nothing()
    {
        using var dir = new TempDir();
        string team = Edited(dir, "team", t => t.Replace("What is a performance appraisal?", "Changed?"));
        string output = Path.Combine(dir.Path, "out.yaml");
        var (code, o, e) = Cli.Run("merge", Repo.MiniPack, team, "-o", output, "--report", Path.Combine(dir.Path, "r.txt"));
        Assert.Equal(1, code);
        Assert.Empty(o);
        var lines = e.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^.+questions\.yaml:3:5: error MERGE010: question 'mini-a-001' has different content at .+questions\.yaml:3:5 \(fields: prompt\)", lines[0]);
        Assert.Contains(Path.Combine(team, "questions.yaml"), lines[0]);
        Assert.Contains(Path.Combine(Repo.MiniPack, "questions.yaml"), lines[0]);
        Assert.Equal("hrprep: error MERGE: 1 problem; nothing was written", lines[1]);
        Assert.Equal(["questions.yaml", "pack.yaml"], Directory.GetFiles(team).Select(f => Path.GetFileName(f)!).OrderDescending(StringComparer.Ordinal));
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(Path.Combine(dir.Path, "r.txt")));
    }

    [Fact]
    public void Merge_never_overwrites_an_input_without_in_place()
    {
        using var dir = new TempDir();
        string a = Edited(dir, "a", t => t);
        string before = File.ReadAllText(Path.Combine(a, "questions.yaml"));
        var (code, _, e) = Cli.Run("merge", a, Repo.MiniPack, "-o", a);
        Assert.Equal(2, code);
        Assert.Contains("would overwrite the input", e);
        Assert.Equal(before, File.ReadAllText(Path.Combine(a, "questions.yaml")));

        var inPlace = Cli.Run("merge", a, Repo.MiniPack, "--in-place");
        Assert.True(inPlace.Code == 0, inPlace.Err);
        Assert.Equal(["alpha.yaml", "beta.yaml", "pack.yaml"], Directory.GetFiles(a).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        Assert.Equal(8, PackReader.ReadPaths([a]).GetPacksOrThrow()[0].Questions.Length);
    }

    [Fact]
    public void Merge_refuses_to_replace_a_directory_with_other_files_and_paths_with_several_packs()
    {
        using var dir = new TempDir();
        string notes = dir.File("out/notes.txt", "keep me");
        var (code, _, e) = Cli.Run("merge", Repo.MiniPack, Repo.MiniPack, "-o", Path.Combine(dir.Path, "out"));
        Assert.Equal(1, code);
        Assert.Contains("holds notes.txt, which is not a pack file", e);
        Assert.Equal("keep me", File.ReadAllText(notes));

        string both = Path.Combine(dir.Path, "both");
        Directory.CreateDirectory(both);
        File.Copy(Path.Combine(Repo.PathOf("tests", "fixtures", "packs", "mini-next"), "mini.yaml"), Path.Combine(both, "one.yaml"));
        File.WriteAllText(Path.Combine(both, "two.yaml"), File.ReadAllText(Path.Combine(both, "one.yaml")).Replace("id: mini\n", "id: other\n").Replace("id: mini-", "id: other-"));
        var several = Cli.Run("merge", both, Repo.MiniPack, "-o", Path.Combine(dir.Path, "x.yaml"));
        Assert.Equal(1, several.Code);
        Assert.Contains("error MERGE004: this path holds 2 packs (mini, other); give each pack's own path", several.Err);
    }

    [Fact]
    public void Merge_dry_run_prints_the_report_and_writes_nothing()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.yaml");
        var (code, o, _) = Cli.Run("merge", Repo.MiniPack, Repo.MiniPack, "-o", output, "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("  duplicate mini-a-001: identical copies of 'mini-a-001' in 2 inputs were collapsed into one [", o);
        Assert.Contains("dry run: would write " + output, o);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Merge_of_a_pack_with_itself_reproduces_it_byte_for_byte()
    {
        using var dir = new TempDir();
        string once = Path.Combine(dir.Path, "once.yaml");
        string twice = Path.Combine(dir.Path, "twice.yaml");
        Assert.Equal(0, Cli.Run("merge", Repo.MiniPack, Repo.MiniPack, "-o", once).Code);
        Assert.Equal(0, Cli.Run("merge", once, once, "-o", twice).Code);
        Assert.Equal(File.ReadAllText(once), File.ReadAllText(twice));
        var read = SafeYamlReader.ReadText(once, File.ReadAllText(once));
        Assert.Empty(PackSchemaValidator.Default.Validate(read.Root!));
    }

    [Fact]
    public void Merge_bad_inputs_are_clear_and_write_nothing()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.yaml");
        var missing = Cli.Run("merge", Repo.MiniPack, Path.Combine(dir.Path, "nope"), "-o", output);
        Assert.Equal(3, missing.Code);
        Assert.Contains("nope:1:1: error IO001: no such file or directory", missing.Err);
        string fr = Edited(dir, "fr", t => t.Replace("language: en", "language: fr"));
        var languages = Cli.Run("merge", Repo.MiniPack, fr, "-o", output);
        Assert.Equal(1, languages.Code);
        Assert.Contains("error MERGE001: the inputs are in different languages", languages.Err);
        string reused = Edited(dir, "reused", t => t.Replace("id: mini-a-004", "id: mini-old-001"));
        var retired = Cli.Run("merge", Repo.MiniPack, reused, "-o", output);
        Assert.Equal(1, retired.Code);
        Assert.Contains("error PACK013: question id 'mini-old-001' is retired", retired.Err);
        Assert.Equal(2, Cli.Run("merge", Repo.MiniPack, "-o", output).Code);
        Assert.False(File.Exists(output));
    }
}

public class DiffCommandTests
{
    private static readonly string Next = Repo.PathOf("tests", "fixtures", "packs", "mini-next");

    [Fact]
    public void Diff_text_lists_every_kind_of_change_and_fails_a_too_small_bump()
    {
        var (code, o, e) = Cli.Run("diff", Repo.MiniPack, Next);
        Assert.Equal(1, code);
        Assert.Empty(e);
        Golden.Match("diff-mini-next.txt", o);
    }

    [Fact]
    public void Diff_json()
    {
        var (code, o, _) = Cli.Run("diff", Repo.MiniPack, Next, "--format", "json");
        Assert.Equal(1, code);
        Golden.Match("diff-mini-next.json", o);
    }

    [Fact]
    public void Diff_of_identical_packs_is_ok_and_a_sufficient_bump_passes()
    {
        var same = Cli.Run("diff", Repo.MiniPack, Repo.MiniPack);
        Assert.Equal(0, same.Code);
        Assert.Contains("required bump: none; declared: none\n  ok\n", same.Out);
        using var dir = new TempDir();
        string major = dir.File("mini.yaml", File.ReadAllText(Path.Combine(Next, "mini.yaml")).Replace("version: 2.2.0", "version: 3.0.0"));
        var ok = Cli.Run("diff", Repo.MiniPack, major);
        Assert.Equal(0, ok.Code);
        Assert.Contains("declared: major\n  ok\n", ok.Out);
    }

    [Fact]

    [Trait("Category", "External")]
    public void Diff_base_reads_old_from_git()
    {
        using var dir = new TempDir();
        string packDir = Path.Combine(dir.Path, "packs", "mini");
        Directory.CreateDirectory(packDir);
        foreach (var f in Directory.GetFiles(Repo.MiniPack))
        {
            File.Copy(f, Path.Combine(packDir, Path.GetFileName(f)));
        }

        Git(dir.Path, "init", "-q");
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "v1");
        File.WriteAllText(Path.Combine(packDir, "questions.yaml"), File.ReadAllText(Path.Combine(packDir, "questions.yaml")).Replace("What is a performance appraisal?", "What is an appraisal?"));
        var (code, o, e) = Cli.Run("diff", packDir, "--base", "HEAD");
        Assert.Equal(1, code);
        Assert.Contains("changed    mini-a-001: prompt", o);
        Assert.Contains("FAIL: version 2.1.0 is too low; the changes need at least 2.1.1", o);
        Assert.Empty(e);

        var missing = Cli.Run("diff", packDir, "--base", "no-such-branch");
        Assert.Equal(3, missing.Code);
        Assert.Equal("hrprep: error GIT: git revision 'no-such-branch' not found\n", missing.Err);
    }

    [Fact]
    public void Diff_base_outside_a_repository_and_usage_errors()
    {
        using var dir = new TempDir();
        string file = dir.File("p.yaml", File.ReadAllText(Path.Combine(Next, "mini.yaml")));
        var outside = Cli.Run("diff", file, "--base", "HEAD");
        Assert.Equal(3, outside.Code);
        Assert.StartsWith("hrprep: error GIT: ", outside.Err, StringComparison.Ordinal);
        Assert.Single(outside.Err.TrimEnd('\n').Split('\n'));
        Assert.Equal(2, Cli.Run("diff", file).Code);
        Assert.Equal(2, Cli.Run("diff", file, file, "--base", "HEAD").Code);
    }

    private static void Git(string dir, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(info)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
    }
}

public class ImportCommandTests
{
    private static readonly string Brief = Repo.PathOf("tests", "fixtures", "seed", "HR Performance Management Specialist.md");

    [Fact]
    public void Import_markdown_to_stdout_and_to_a_file()
    {
        var (code, o, e) = Cli.Run("import", "markdown", Brief);
        Assert.Equal(0, code);
        Assert.StartsWith("# yaml-language-server: $schema=", o, StringComparison.Ordinal);
        Assert.Contains("prompt: How do you ensure that performance goals align with the overall organizational objectives?", o);
        Assert.EndsWith("hrprep: import: 1 page read, 5 questions imported into 1 pack, 0 pages without questions, 0 packs renamed; skipped 9 lines (link item 1, promotional 2, promotional section 6); repaired mojibake on 1 page; --report FILE lists every skipped line\n", e, StringComparison.Ordinal);

        using var dir = new TempDir();
        string target = Path.Combine(dir.Path, "draft.yaml");
        var written = Cli.Run("import", "markdown", Brief, "-o", target, "--id", "hr-draft");
        Assert.Equal(0, written.Code);
        var pack = Assert.Single(PackReader.ReadPaths([target]).GetPacksOrThrow());
        Assert.Equal("hr-draft", pack.Id);
        Assert.Equal(1, Cli.Run("import", "markdown", Brief, "-o", target).Code);
        Assert.Equal(2, Cli.Run("import", "markdown", Brief, "--id", "Not_An_Id").Code);
        Assert.Equal(2, Cli.Run("import", "markdown", Brief, "--prefix", "X").Code);
        Assert.Equal(0, Cli.Run("import", "markdown", Brief, "-o", target, "--force").Code);
    }

    [Fact]
    public void Import_markdown_bad_input()
    {
        using var dir = new TempDir();
        var missing = Cli.Run("import", "markdown", Path.Combine(dir.Path, "nope.md"));
        Assert.Equal(3, missing.Code);
        Assert.Contains("error IO001:", missing.Err);
        string empty = dir.File("empty.md", "# Title\n\nNo questions.\n");
        var none = Cli.Run("import", "markdown", empty, "-o", Path.Combine(dir.Path, "x.yaml"));
        Assert.Equal(1, none.Code);
        Assert.Contains("has no numbered questions", none.Err);
        Assert.False(File.Exists(Path.Combine(dir.Path, "x.yaml")));
        string cp1252 = dir.Bytes("latin.md", System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("# Café Manager Interview Prep\n\n1. What makes a great café?\n"));
        var latin = Cli.Run("import", "markdown", cp1252);
        Assert.Equal(0, latin.Code);
        Assert.Contains("prompt: What makes a great café?", latin.Out);
        Assert.Contains("id: cafe-manager", latin.Out);
    }

    [Fact]
    public void Import_several_pages_into_a_directory()
    {
        using var dir = new TempDir();
        string other = dir.File("other.md", "# Data Analyst Interview Questions\n\nAnalysts turn data into decisions.\n\n1. Tell me about a time you found an error in a report.\n2. What would you do if two dashboards disagree?\n");
        string outDir = Path.Combine(dir.Path, "drafts");
        var (code, o, e) = Cli.Run("import", "markdown", Brief, other, "-o", outDir);
        Assert.True(code == 0, e);
        Assert.Equal(["data-analyst.yaml", "hr-performance-management-specialist.yaml"], Directory.GetFiles(outDir).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        var analyst = PackReader.ReadPaths([Path.Combine(outDir, "data-analyst.yaml")]).GetPacksOrThrow()[0];
        Assert.Equal([QuestionType.Behavioral, QuestionType.Situational], analyst.Questions.Select(q => q.Type));
        Assert.Equal("data-analyst-001", analyst.Questions[0].Id);
        Assert.Contains("wrote", o);
    }

    [Fact]
    public void Import_csv_with_located_errors_writes_nothing()
    {
        using var dir = new TempDir();
        string csv = dir.File("q.csv", "id,pack,category,type,level,prompt,answer\nq-1,p,c,essay,mid,P?,A\n");
        string target = Path.Combine(dir.Path, "out.yaml");
        var (code, _, e) = Cli.Run("import", "csv", csv, "-o", target);
        Assert.Equal(1, code);
        Assert.Contains("q.csv:2:4: error CSV003: 'type' value 'essay'", e);
        Assert.False(File.Exists(target));

        string good = dir.File("g.csv", "id,pack,category,type,level,prompt,answer,tags\nq-1,p,c,technical,mid,\"'=SUM(A1)?\",A,\"x\ny\"\n");
        var ok = Cli.Run("import", "csv", good, "-o", target);
        Assert.True(ok.Code == 0, ok.Err);
        var q = Assert.Single(PackReader.ReadPaths([target]).GetPacksOrThrow()[0].Questions);
        Assert.Equal("=SUM(A1)?", q.Prompt);
        Assert.Equal(["x", "y"], q.Tags);
    }
}
