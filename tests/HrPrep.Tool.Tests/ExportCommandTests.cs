using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

public class ExportCommandTests
{
    private static readonly string Mini = Repo.MiniPack;

    private const string BrokenPack = """
        pack:
          id: broken
          version: 1.0.0
          title: Broken
          language: en
          license: CC0-1.0
          categories: [{id: a, title: A}]
        questions:
          - id: broken-001
            prompt: Valid question?
            category: a
            type: technical
            level: mid
            answer: {summary: Yes.}
          - id: broken-002
            prompt: Unknown category and level
            category: nope
            type: technical
            level: expert
            answer: {summary: No.}
        """;

    [Theory]
    [InlineData("csv")]
    [InlineData("markdown")]
    [InlineData("json")]
    public void Export_writes_the_file_and_reports_the_count(string format)
    {
        using var dir = new TempDir();
        string target = Path.Combine(dir.Path, "out." + format);
        var (code, o, e) = Cli.Run("export", format, Mini, "--level", "mid", "-o", target);
        Assert.Equal(0, code);
        Assert.Empty(o);
        Assert.Equal($"hrprep: wrote 3 questions as {format} to {target}\n", e);
        Assert.True(new FileInfo(target).Length > 100);
        Assert.Equal(["out." + format], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Json_export_equals_list_json_with_the_same_filters()
    {
        using var dir = new TempDir();
        string target = Path.Combine(dir.Path, "q.json");
        Assert.Equal(0, Cli.Run("export", "json", Mini, "--category", "beta", "--type", "case-study", "--type", "technical", "-o", target).Code);
        var (_, list, _) = Cli.Run("list", Mini, "--category", "beta", "--type", "case-study", "--type", "technical", "--format", "json");
        Assert.Equal(list, File.ReadAllText(target));
    }

    [Fact]
    public void Export_without_paths_reads_the_embedded_packs()
    {
        using var dir = new TempDir();
        string target = Path.Combine(dir.Path, "all.csv");
        var (code, _, e) = Cli.Run("export", "csv", "-o", target);
        Assert.Equal(0, code);
        Assert.Matches(@"^hrprep: wrote \d{3} questions as csv to ", e);
        Assert.Contains("hrpm-goals-001", File.ReadAllText(target));
    }

    [Fact]
    public void Anki_export_of_the_embedded_packs_is_byte_identical_across_runs()
    {
        using var dir = new TempDir();
        string a = Path.Combine(dir.Path, "a.apkg");
        string b = Path.Combine(dir.Path, "b.apkg");
        Assert.Equal(0, Cli.Run("export", "anki", "-o", a).Code);
        Assert.Equal(0, Cli.Run("export", "anki", "--reverse", "-o", b).Code);
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Equal(0, Cli.Run("export", "anki", "-o", b).Code);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Equal(["a.apkg", "b.apkg"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_existing_output_is_replaced_as_a_whole()
    {
        using var dir = new TempDir();
        string target = dir.File("out.json", new string('x', 1_000_000));
        Assert.Equal(0, Cli.Run("export", "json", Mini, "--category", "alpha", "-o", target).Code);
        var (_, list, _) = Cli.Run("list", Mini, "--category", "alpha", "--format", "json");
        Assert.Equal(list, File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Invalid_packs_print_findings_exit_1_and_write_nothing()
    {
        using var dir = new TempDir();
        string pack = dir.File("broken.yaml", BrokenPack);
        string fresh = Path.Combine(dir.Path, "fresh.csv");
        string existing = dir.File("old.csv", "old content\n");
        var first = Cli.Run("export", "csv", pack, "-o", fresh);
        var second = Cli.Run("export", "csv", pack, "-o", existing);
        Assert.Equal(1, first.Code);
        Assert.Equal(1, second.Code);
        Assert.Matches(@"broken\.yaml:\d+:\d+: error PACK00\d: ", first.Err);
        Assert.Contains("nothing was done", first.Err);
        Assert.False(File.Exists(fresh));
        Assert.Equal("old content\n", File.ReadAllText(existing));
        Assert.Equal(["broken.yaml", "old.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Output_equal_to_an_input_is_refused_with_exit_2()
    {
        using var dir = new TempDir();
        string original = File.ReadAllText(Path.Combine(Mini, "questions.yaml"));
        string pack = dir.File("pack.yaml", File.ReadAllText(Path.Combine(Mini, "pack.yaml")));
        string questions = dir.File("questions.yaml", original);
        var asFile = Cli.Run("export", "json", pack, "-o", pack);
        var inDirectory = Cli.Run("export", "json", dir.Path, "-o", questions);
        Assert.Equal(2, asFile.Code);
        Assert.Equal(2, inDirectory.Code);
        Assert.Contains("hrprep: error USAGE: the output", asFile.Err);
        Assert.Contains("is one of the inputs", inDirectory.Err);
        Assert.Equal(original, File.ReadAllText(questions));
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("")]
    public void Unknown_format_or_missing_output_is_a_usage_error(string format)
    {
        using var dir = new TempDir();
        var (code, _, e) = format.Length == 0 ? Cli.Run("export", "csv", Mini) : Cli.Run("export", format, Mini, "-o", Path.Combine(dir.Path, "x"));
        Assert.Equal(2, code);
        Assert.StartsWith("hrprep: error USAGE: ", e);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Missing_output_directory_is_a_usage_error()
    {
        using var dir = new TempDir();
        var (code, _, e) = Cli.Run("export", "csv", Mini, "-o", Path.Combine(dir.Path, "no", "such", "out.csv"));
        Assert.Equal(2, code);
        Assert.Contains("does not exist", e);
    }

    [Theory]
    [InlineData("gift")]
    [InlineData("moodle")]
    [InlineData("qti")]
    [InlineData("brightspace")]
    public void Platform_exports_print_a_summary_of_what_they_could_not_carry_and_list_it_with_report(string format)
    {
        using var dir = new TempDir();
        string target = Path.Combine(dir.Path, "out." + format);
        var (code, o, e) = Cli.Run("export", format, Mini, "--category", "alpha", "-o", target);
        Assert.Equal(0, code);
        Assert.Empty(o);
        string[] lines = e.TrimEnd('\n').Split('\n');
        Assert.Equal($"hrprep: wrote 4 questions as {format} to {target}", lines[0]);
        Assert.Matches($"^hrprep: {format} could not carry [0-9]+ fields as they are \\(.*\\); --report lists them$", Assert.Single(lines[1..]));
        byte[] first = File.ReadAllBytes(target);

        (code, _, e) = Cli.Run("export", format, Mini, "--category", "alpha", "--report", "-o", target);
        Assert.Equal(0, code);
        lines = e.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length > 2, e);
        Assert.All(lines[1..], l => Assert.Matches($"^{format}: [A-Za-z.]+ .+: [0-9]+ questions? \\(mini-a-[0-9]{{3}}.*\\)$", l));
        Assert.Equal(first, File.ReadAllBytes(target));
    }

    [Fact]
    public void Export_moodle_then_import_moodle_gives_back_the_pack()
    {
        using var dir = new TempDir();
        string xml = Path.Combine(dir.Path, "mini.xml");
        Assert.Equal(0, Cli.Run("export", "moodle", Mini, "-o", xml).Code);
        string restored = Path.Combine(dir.Path, "restored");
        var (code, o, e) = Cli.Run("import", "moodle", xml, "-o", restored);
        Assert.True(code == 0, e);
        Assert.Contains("(mini, 8 questions)", o);
        var original = HrPrep.Content.QuestionBank.FromDirectory(Mini).Packs.Single();
        var back = HrPrep.Content.QuestionBank.FromDirectory(restored).Packs.Single();
        Assert.True(original == back);

        File.WriteAllText(xml, "<quiz><question type=\"essay\">");
        (code, _, e) = Cli.Run("import", "moodle", xml, "-o", Path.Combine(dir.Path, "bad"));
        Assert.Equal(1, code);
        Assert.StartsWith($"{xml}:1:", e);
        Assert.Contains("error MOODLE001: not well-formed XML", e);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "bad")));
    }

    [Fact]
    public void Crowdanki_writes_a_folder_with_deck_json_replaces_its_own_export_and_refuses_other_folders()
    {
        using var dir = new TempDir();
        string target = Path.Combine(dir.Path, "deck");
        var (code, _, e) = Cli.Run("export", "crowdanki", Mini, "-o", target);
        Assert.True(code == 0, e);
        Assert.Equal(["deck.json"], Directory.GetFiles(target).Select(Path.GetFileName));
        byte[] first = File.ReadAllBytes(Path.Combine(target, "deck.json"));
        Assert.Equal(0, Cli.Run("export", "crowdanki", Mini, "--level", "mid", "-o", target).Code);
        Assert.NotEqual(first, File.ReadAllBytes(Path.Combine(target, "deck.json")));
        Assert.Equal(["deck"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));

        string other = Path.Combine(dir.Path, "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        (code, _, e) = Cli.Run("export", "crowdanki", Mini, "-o", other);
        Assert.Equal(2, code);
        Assert.Contains("not a previous crowdanki export", e);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(other, "notes.txt")));
        Assert.Equal(2, Cli.Run("export", "crowdanki", Mini, "-o", Path.Combine(other, "notes.txt")).Code);
    }
}
