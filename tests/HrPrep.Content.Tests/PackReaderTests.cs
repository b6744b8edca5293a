using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Content.Tests;

public class PackReaderTests
{
    private const string Manifest = """
        pack:
          id: p
          version: 1.0.0
          title: P
          language: en
          license: CC0-1.0
          categories:
            - id: c1
              title: C1
          retired: [q-old]
        """;

    private static string Question(string id, string extra = "", string category = "c1") => $"""
          - id: {id}
            prompt: What is {id}?
            category: {category}
            type: technical
            level: mid
            answer:
              summary: An answer.
        {extra}
        """;

    private static PackReadResult ReadSingle(TempDir dir, string questions)
    {
        string path = dir.File("p.yaml", Manifest + "\nquestions:\n" + questions);
        return PackReader.ReadPaths([path]);
    }

    private static Diagnostic Only(PackReadResult r, string code)
    {
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(code, d.Code);
        return d;
    }

    [Fact]
    public void Reads_the_mini_directory_pack()
    {
        var r = PackReader.ReadPaths([Repo.MiniPack]);
        Assert.Empty(r.Diagnostics);
        var pack = Assert.Single(r.Packs);
        Assert.Equal(("mini", "2.1.0", 8), (pack.Id, pack.Version, pack.Questions.Length));
        Assert.Equal(["alpha", "beta"], pack.Categories.Select(c => c.Id));
        Assert.All(pack.Questions, q => Assert.Equal("mini", q.PackId));
        var caseStudy = pack.Questions.Single(q => q.Type == QuestionType.CaseStudy);
        Assert.Equal(["Team", "Headcount", "Top rated"], caseStudy.Scenario!.Table!.Columns);
        Assert.Equal(["South", "55", "6"], caseStudy.Scenario.Table.Rows[1]);
        Assert.Equal(new DateOnly(2026, 11, 26), caseStudy.LastVerified);
        Assert.Equal(3, pack.Questions[0].Location.Line);
        Assert.EndsWith("questions.yaml", pack.Questions[0].Location.Path);
    }

    [Fact]
    public void Unknown_key_is_located_with_a_suggestion()
    {
        using var dir = new TempDir();
        var d = Only(ReadSingle(dir, Question("q1", "    promt: typo")), "PACK001");
        Assert.EndsWith("p.yaml:19:5: error PACK001: unknown key 'promt' in a question (did you mean 'prompt'?)", d.ToString());
    }

    [Fact]
    public void Review_date_and_attribution_are_read()
    {
        using var dir = new TempDir();
        var r = ReadSingle(dir, Question("q1", "    reviewBy: 2027-02-01\n    attribution:\n      title: \"Prompt from: a list\"\n      url: https://example.org/list") + "\n" + Question("q2", "    attribution: {title: Only a title}"));
        Assert.Empty(r.Diagnostics);
        var questions = r.Packs[0].Questions;
        Assert.Equal(new DateOnly(2027, 2, 1), questions[0].ReviewBy);
        Assert.Equal(new PromptAttribution("Prompt from: a list", "https://example.org/list"), questions[0].Attribution);
        Assert.Null(questions[1].ReviewBy);
        Assert.Equal(new PromptAttribution("Only a title", null), questions[1].Attribution);
    }

    [Theory]
    [InlineData("    reviewBy: 2027-02-30", "p.yaml:19:15: error PACK005: 'reviewBy' value '2027-02-30' is not a real date")]
    [InlineData("    reviewBy: 01/02/2027", "p.yaml:19:15: error PACK005: 'reviewBy' value '01/02/2027' is not valid: use a date as YYYY-MM-DD")]
    [InlineData("    reviewBy: 20270201", "p.yaml:19:15: error PACK003: 'reviewBy' must be text, found a number; quote it to make it text")]
    [InlineData("    attribution:\n      title: T\n      url: http://example.org/x", "p.yaml:21:12: error PACK005: 'url' value 'http://example.org/x' is not valid: use an absolute https URL")]
    [InlineData("    attribution:\n      url: https://example.org/x", "p.yaml:20:7: error PACK002: 'attribution' is missing the required key 'title'")]
    [InlineData("    attribution:\n      title: ''", "p.yaml:20:14: error PACK011: 'title' must not be empty")]
    [InlineData("    attribution:\n      title: T\n      link: https://example.org/x", "p.yaml:21:7: error PACK001: unknown key 'link' in 'attribution'; allowed: title, url")]
    [InlineData("    attribution: The brief", "p.yaml:19:18: error PACK003: 'attribution' must be a mapping, found a string")]
    public void Bad_review_date_or_attribution_is_one_located_error(string extra, string expected)
    {
        using var dir = new TempDir();
        var r = ReadSingle(dir, Question("q1", extra));
        var d = Assert.Single(r.Diagnostics);
        Assert.EndsWith(expected, d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_enum_value_lists_the_allowed_values()
    {
        using var dir = new TempDir();
        string q = Question("q1").Replace("level: mid", "level: medium", StringComparison.Ordinal);
        var d = Only(ReadSingle(dir, q), "PACK004");
        Assert.Contains("'level' value 'medium' is not one of: entry, mid, senior", d.Message);
        Assert.Equal((16, 12), (d.Line, d.Column));
    }

    [Fact]
    public void Missing_required_field_is_reported_at_the_question()
    {
        using var dir = new TempDir();
        string q = Question("q1").Replace("    prompt: What is q1?\n", string.Empty, StringComparison.Ordinal);
        var d = Only(ReadSingle(dir, q), "PACK002");
        Assert.Equal("a question is missing the required key 'prompt'", d.Message);
        Assert.Equal((12, 5), (d.Line, d.Column));
    }

    [Fact]
    public void Number_where_text_is_expected_suggests_quoting()
    {
        using var dir = new TempDir();
        string q = Question("q1").Replace("prompt: What is q1?", "prompt: 42", StringComparison.Ordinal);
        var d = Only(ReadSingle(dir, q), "PACK003");
        Assert.Equal("'prompt' must be text, found a number; quote it to make it text", d.Message);
    }

    [Fact]
    public void Duplicate_ids_in_a_pack_name_the_first_location()
    {
        using var dir = new TempDir();
        var d = Only(ReadSingle(dir, Question("q1") + Question("q1")), "PACK006");
        Assert.Matches(@"duplicate question id 'q1' \(first defined at .*p\.yaml:12:5\)", d.Message);
        Assert.Equal(19, d.Line);
    }

    [Fact]
    public void Duplicate_ids_across_files_of_a_directory_pack_are_found()
    {
        using var dir = new TempDir();
        dir.File("pk/pack.yaml", Manifest);
        dir.File("pk/a.yaml", "questions:\n" + Question("q1"));
        dir.File("pk/b.yaml", "questions:\n" + Question("q1"));
        var d = Only(PackReader.ReadPaths([dir.Path]), "PACK006");
        Assert.EndsWith("b.yaml", d.Path);
        Assert.Contains("a.yaml:2:5", d.Message);
    }

    [Fact]
    public void Duplicate_ids_across_packs_are_found()
    {
        using var dir = new TempDir();
        dir.File("one.yaml", Manifest + "\nquestions:\n" + Question("q1"));
        dir.File("two.yaml", Manifest.Replace("id: p", "id: p2", StringComparison.Ordinal) + "\nquestions:\n" + Question("q1"));
        var d = Only(PackReader.ReadPaths([dir.Path]), "PACK006");
        Assert.Contains("also used in pack 'p'", d.Message);
    }

    [Fact]
    public void Undeclared_category_is_reported_with_a_suggestion()
    {
        using var dir = new TempDir();
        var d = Only(ReadSingle(dir, Question("q1", category: "c2")), "PACK007");
        Assert.Contains("category 'c2' is not declared in pack 'p' (did you mean 'c1'?)", d.Message);
    }

    [Fact]
    public void Retired_id_cannot_come_back()
    {
        using var dir = new TempDir();
        Only(ReadSingle(dir, Question("q-old")), "PACK013");
    }

    [Fact]
    public void Question_file_without_a_manifest_belongs_to_no_pack()
    {
        using var dir = new TempDir();
        dir.File("loose/a.yaml", "questions:\n" + Question("q1"));
        var d = Only(PackReader.ReadPaths([dir.Path]), "PACK009");
        Assert.Contains("belongs to no pack", d.Message);
    }

    [Theory]
    [InlineData("", "PACK008")]
    [InlineData("# only a comment\n", "PACK008")]
    [InlineData("- a\n- b\n", "PACK003")]
    [InlineData("just a scalar\n", "PACK003")]
    [InlineData("{}\n", "PACK008")]
    [InlineData("pack: 3\n", "PACK003")]
    [InlineData("questions: {}\n", "PACK003")]
    public void Files_of_the_wrong_shape_get_one_located_error(string text, string code)
    {
        using var dir = new TempDir();
        var r = PackReader.ReadPaths([dir.File("x.yaml", text)]);
        Assert.Contains(r.Diagnostics, d => d.Code == code && d.Line >= 0);
        Assert.True(r.HasErrors);
        Assert.Empty(r.Packs);
    }

    [Fact]
    public void Missing_path_is_an_io_error()
    {
        var d = Only(PackReader.ReadPaths(["/nonexistent/pack"]), "IO001");
        Assert.Equal("/nonexistent/pack:1:1: error IO001: no such file or directory", d.ToString());
    }

    [Fact]
    public void All_problems_of_a_file_are_reported_in_position_order()
    {
        using var dir = new TempDir();
        string q = Question("BadId", "    colour: red").Replace("type: technical", "type: tech", StringComparison.Ordinal);
        var r = ReadSingle(dir, q);
        Assert.Equal(["PACK005", "PACK004", "PACK001"], r.Diagnostics.Select(d => d.Code));
        Assert.True(r.Diagnostics.Select(d => d.Line).SequenceEqual(r.Diagnostics.Select(d => d.Line).Order()));
    }

    [Fact]
    public void Streams_are_grouped_like_files()
    {
        var files = new Dictionary<string, Stream>
        {
            ["x/pack.yaml"] = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Manifest)),
            ["x/q.yaml"] = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("questions:\n" + Question("q1"))),
        };
        var r = PackReader.ReadStreams(files);
        Assert.Empty(r.Diagnostics);
        Assert.Equal("q1", Assert.Single(Assert.Single(r.Packs).Questions).Id);
    }

    /// <summary>A corpus of many small packs: role packs, a directory pack, and files with every kind of problem.</summary>
    private static void ManySmallPacks(TempDir dir)
    {
        for (int i = 0; i < 300; i++)
        {
            string body = (i % 50) switch
            {
                7 => "questions: [broken\n",                                                   // YAML error
                13 => Manifest.Replace("id: p", $"id: p{i}", StringComparison.Ordinal) + "\nquestions:\n" + Question($"q{i}", category: "nope"), // undeclared category
                21 => Manifest.Replace("id: p", $"id: p{i}", StringComparison.Ordinal) + "\nquestions:\n" + Question("q3"),   // duplicate id across packs
                29 => "questions:\n" + Question($"loose{i}"),                                    // belongs to no pack
                _ => Manifest.Replace("id: p", $"id: p{i}", StringComparison.Ordinal) + "\nquestions:\n" + Question($"q{i}") + Question($"r{i}"),
            };
            dir.File($"roles/role-{i:D3}/role-{i:D3}.yaml", body);
        }

        dir.File("roles/dir-pack/pack.yaml", Manifest.Replace("id: p", "id: dirpack", StringComparison.Ordinal));
        dir.File("roles/dir-pack/a.yaml", "questions:\n" + Question("d1") + Question("d2"));
        dir.File("roles/dir-pack/b.yaml", "questions:\n" + Question("d1"));
    }

    private static string Describe(PackReadResult r) => string.Join("\n", [
        .. r.Packs.Select(p => $"{p.Id} {p.Version}: " + string.Join(", ", p.Questions.Select(q => $"{q.Id}@{q.Location}/{q.PackId}/{q.Prompt}/{q.Answer.Summary}"))),
        .. r.Diagnostics.Select(d => d.ToString()),
        .. r.Files.Select(f => $"{f.Path} {f.Questions.Length} {f.Diagnostics.Length} {f.DeclaresPack}")]);

    [Fact]
    public void Reading_in_batches_on_several_threads_gives_what_reading_file_by_file_gives()
    {
        using var dir = new TempDir();
        ManySmallPacks(dir);
        var expansion = PackReader.ExpandPaths([dir.Path]);
        Assert.Equal(303, expansion.Files.Length);
        string oneByOne = Describe(PackReader.Assemble(expansion.Files.Select(f => PackReader.ReadFile(f)), expansion.Diagnostics));
        foreach (string code in new[] { "YAML001", "PACK006", "PACK007", "PACK009" })
        {
            Assert.Contains("error " + code, oneByOne, StringComparison.Ordinal);
        }

        foreach (int threads in new[] { 1, 2, 3, 8 })
        {
            var r = PackReader.Read([dir.Path], new PackReadOptions { MaxDegreeOfParallelism = threads });
            Assert.Equal(oneByOne, Describe(r));
            Assert.Equal(expansion.Files, r.Files.Select(f => f.Path));
        }
    }

    [Fact]
    public void A_trimmed_read_keeps_what_the_trim_keeps_and_finds_the_same_problems()
    {
        using var dir = new TempDir();
        ManySmallPacks(dir);
        var full = PackReader.Read([dir.Path]);
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var trimmed = PackReader.Read([dir.Path], new PackReadOptions
        {
            TrimQuestion = q =>
            {
                seen.Add(q.Id + "@" + q.Location);
                return q with { Prompt = string.Empty, Answer = new ModelAnswer("cut", []) };
            },
        });

        Assert.Equal(full.Diagnostics.Select(d => d.ToString()), trimmed.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(full.Packs.Select(p => p with { Questions = [] }), trimmed.Packs.Select(p => p with { Questions = [] }));
        Assert.Equal(
            full.Packs.SelectMany(p => p.Questions).Select(q => (q.Id, q.PackId, q.Category, q.Location)),
            trimmed.Packs.SelectMany(p => p.Questions).Select(q => (q.Id, q.PackId, q.Category, q.Location)));
        Assert.All(trimmed.Packs.SelectMany(p => p.Questions), q => Assert.Equal(("", "cut"), (q.Prompt, q.Answer.Summary)));
        Assert.All(trimmed.Files.SelectMany(f => f.Questions), q => Assert.Equal("cut", q.Answer.Summary));

        // Applied once to every valid question of every file, the ones assembling then rejects included.
        Assert.Equal(full.Files.Sum(f => f.Questions.Length), seen.Count);
        Assert.True(seen.Count > full.Packs.Sum(p => p.Questions.Length));
    }

    [Fact]
    public void Streams_are_trimmed_too()
    {
        var files = new Dictionary<string, Stream>
        {
            ["x/pack.yaml"] = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Manifest)),
            ["x/q.yaml"] = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("questions:\n" + Question("q1"))),
        };
        var r = PackReader.Read(files, new PackReadOptions { TrimQuestion = q => q with { Prompt = "?" } });
        Assert.Empty(r.Diagnostics);
        Assert.Equal("?", Assert.Single(Assert.Single(r.Packs).Questions).Prompt);
    }

    [Fact]
    public void Directory_with_10000_files_reads_without_crashing()
    {
        using var dir = new TempDir();
        dir.File("big/pack.yaml", Manifest);
        for (int i = 0; i < 10_000; i++)
        {
            dir.File($"big/q{i:D5}.yaml", i % 1000 == 7 ? "questions: [broken\n" : "questions:\n" + Question($"q{i}"));
        }

        var r = PackReader.ReadPaths([dir.Path]);
        Assert.Equal(10, r.Diagnostics.Length);
        Assert.All(r.Diagnostics, d => Assert.Equal("YAML001", d.Code));
        Assert.Equal(9990, Assert.Single(r.Packs).Questions.Length);
    }
}
