using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CsCheck;
using HrPrep.Authoring.Diff;
using HrPrep.Authoring.Export;
using HrPrep.Authoring.Import;
using HrPrep.Authoring.Schema;
using HrPrep.Authoring.Writing;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests;

public class ImportTests
{
    private static readonly string Brief = Repo.PathOf("tests", "fixtures", "seed", "HR Performance Management Specialist.md");

    [Theory]
    [InlineData("\uF8FFüöÄ Overview", "🚀 Overview")]
    [InlineData("\uF8FFüìù Sample Questions", "📝 Sample Questions")]
    [InlineData("\uF8FFüåê Explore Further", "🌐 Explore Further")]
    [InlineData("\uF8FFüì± Connect with Us", "📱 Connect with Us")]
    [InlineData("you‚Äôre", "you’re")]
    [InlineData("caf√©", "café")]
    [InlineData("cafÃ©", "café")]
    [InlineData("Ã‰valuation", "Évaluation")]
    [InlineData("â€œquotedâ€\u009D", "“quoted”")]
    [InlineData("Évaluation café résumé", "Évaluation café résumé")]
    [InlineData("plain ASCII", "plain ASCII")]
    [InlineData("日本語 🚀", "日本語 🚀")]
    public void Mojibake_is_repaired_and_real_text_is_left_alone(string input, string expected)
    {
        Assert.Equal(expected, MojibakeRepair.Repair(input));
    }

    [Fact]
    public void The_real_brief_contains_the_mojibake_it_must_repair()
    {
        string text = File.ReadAllText(Brief);
        foreach (var garbled in new[] { "üöÄ", "üìù", "üåê", "üì±" })
        {
            Assert.Contains(garbled, text);
        }

        string repaired = MojibakeRepair.Repair(text);
        Assert.Contains("## 🚀 Overview", repaired);
        Assert.Contains("## 📝 Sample Questions", repaired);
        Assert.Contains("## 🌐 Explore Further", repaired);
        Assert.Contains("## 📱 Connect with Us", repaired);
        Assert.DoesNotContain("\uF8FF", repaired);
    }

    [Fact]
    public void Importing_the_real_brief_gives_the_golden_skeleton()
    {
        var result = MarkdownImporter.Import(File.ReadAllText(Brief));
        var pack = result.Pack;
        Assert.True(result.MojibakeRepaired);
        Assert.Equal("HR Performance Management Specialist", pack.Role);
        Assert.Equal(5, pack.Questions.Length);
        Assert.All(pack.Questions, q => Assert.Equal(QuestionOrigin.Imported, q.Origin));
        Assert.All(pack.Questions, q => Assert.Equal(MarkdownImporter.PlaceholderAnswer, q.Answer.Summary));
        Assert.DoesNotContain(pack.Questions, q => q.Prompt.Contains("CLICK", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("A HR Performance Management Specialist is a professional", pack.Description, StringComparison.Ordinal);

        string yaml = PackYamlWriter.ToSingleFileText(pack, new PackYamlWriterOptions { SchemaReference = "../schema/question-pack.schema.json" });
        Golden.Match("import-brief.yaml.txt", yaml);
        Golden.Match("import-brief-skipped.txt", string.Join("\n", result.Skipped.Select(s => $"{s.Line}: {s.Reason}: {s.Text}")) + "\n");
        var read = PackGen.ReadText(yaml);
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        Assert.Empty(PackSchemaValidator.Default.Validate(SafeYamlReader.ReadText("b.yaml", yaml).Root!));
    }

    [Fact]
    public void Imported_prompts_are_the_brief_questions_verbatim()
    {
        var shipped = PackReader.ReadPaths([Repo.ShippedPack]).GetPacksOrThrow()[0].Questions.Where(q => q.Origin == QuestionOrigin.Brief).Select(q => q.Prompt).Order(StringComparer.Ordinal);
        var imported = MarkdownImporter.Import(File.ReadAllText(Brief)).Pack.Questions.Select(q => q.Prompt).Order(StringComparer.Ordinal);
        Assert.Equal(shipped, imported);
    }

    [Fact]
    public void Pages_without_title_or_questions_are_rejected()
    {
        Assert.Throws<FormatException>(() => MarkdownImporter.Import("no title here\n1. A question?\n"));
        Assert.Throws<FormatException>(() => MarkdownImporter.Import("# Title\n\nJust text.\n"));
    }

    [Theory]
    [InlineData("Tell me about a time you gave hard feedback.", QuestionType.Behavioral)]
    [InlineData("What would you do if a manager refused to rate?", QuestionType.Situational)]
    [InlineData("What is a 360-degree review?", QuestionType.RoleKnowledge)]
    public void Type_is_guessed_from_the_wording(string prompt, QuestionType expected) =>
        Assert.Equal(expected, MarkdownImporter.GuessType(prompt));

    // ---- CSV ----

    /// <summary>The real CSV export of the questions (with their packs from <paramref name="packs"/>).</summary>
    internal static string ToCsv(IEnumerable<Question> questions, IEnumerable<QuestionPack> packs)
    {
        using var ms = new MemoryStream();
        new CsvExporter().Write(ms, new ExportSource(new QuestionBank(packs), questions), new ExportOptions());
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public void Csv_round_trips_the_shipped_pack_with_its_manifest()
    {
        var shipped = PackReader.ReadPaths([Repo.ShippedPack]).GetPacksOrThrow()[0];
        var result = CsvImporter.Import(new StringReader(ToCsv(shipped.Questions, [shipped])), "shipped.csv", [shipped]);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var back = Assert.Single(result.Packs);
        Assert.True(shipped == back, string.Join(", ", shipped.Questions.Zip(back.Questions).SelectMany(p => FieldDiff.ChangedFields(p.First, p.Second)).Distinct()));
    }

    [Fact]
    public void Csv_round_trips_arbitrary_single_line_list_items()
    {
        // Limits of the format: list items are single lines, and a cell starting with an apostrophe
        // before = + - @ is read as a guarded formula, so the generator avoids leading apostrophes.
        static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ').Trim().TrimStart('\'').Trim() is { Length: > 0 } t ? t : "x";
        static string NoGuard(string s) => s.TrimStart('\'') is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t : "x";
        static ImmutableArray<string> Lines(ImmutableArray<string> items) => [.. items.Select(OneLine)];
        var withQuestions = new Coverage("had questions to round-trip");
        var withLists = new Coverage("had a question with sources, follow-ups and an attribution");
        PackGen.Pack().Select(p => p with
        {
            Questions = [.. p.Questions.Select(q => q with
            {
                Prompt = NoGuard(q.Prompt),
                Answer = new ModelAnswer(NoGuard(q.Answer.Summary), Lines(q.Answer.KeyPoints)),
                Scenario = null,
                FollowUps = Lines(q.FollowUps),
                LookFor = Lines(q.LookFor),
                RedFlags = Lines(q.RedFlags),
                Sources = [.. q.Sources.Select(s => new SourceReference(OneLine(s.Title).TrimEnd('>'), s.Url) is { Title.Length: > 0 } r ? r : new SourceReference("t", s.Url))],
                Attribution = q.Attribution is { } at ? new PromptAttribution(OneLine(at.Title).TrimEnd('>') is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t : "t", at.Url) : null,
            })],
        }).Sample(pack =>
        {
            var result = CsvImporter.Import(new StringReader(ToCsv(pack.Questions, [pack])), "p.csv", [pack]);
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            withQuestions.Count(!pack.Questions.IsEmpty);
            withLists.Count(pack.Questions.Any(q => q.Sources.Length > 0 && q.FollowUps.Length > 0 && q.Attribution is not null));
            if (pack.Questions.IsEmpty)
            {
                Assert.Empty(result.Packs);
                return;
            }

            var back = Assert.Single(result.Packs);
            Assert.Empty(FieldDiff.ChangedManifestFields(pack, back));
            Assert.Equal(pack.Questions.Length, back.Questions.Length);
            for (int i = 0; i < pack.Questions.Length; i++)
            {
                var a = pack.Questions[i];
                var b = back.Questions[i];
                Assert.True(a == b, $"{a.Id}: {string.Join(", ", FieldDiff.ChangedFields(a, b))}: [{string.Join("|", a.LookFor)}] vs [{string.Join("|", b.LookFor)}] [{string.Join("|", a.Sources)}] vs [{string.Join("|", b.Sources)}]");
            }
        }, iter: 300);
        withQuestions.AssertAtLeast(0.6);
        withLists.AssertAtLeast(0.15);
    }

    [Fact]
    public void Csv_formula_guard_is_removed()
    {
        Assert.Equal("=SUM(A1)", CsvColumns.Unguard("'=SUM(A1)"));
        Assert.Equal("-5 points", CsvColumns.Unguard("'-5 points"));
        Assert.Equal("'quoted'", CsvColumns.Unguard("'quoted'"));
        Assert.Equal(("A source", "https://example.org/x"), CsvColumns.ParseSource("A source <https://example.org/x>"));
        Assert.Equal(("Just a title", (string?)null), CsvColumns.ParseSource("Just a title"));
    }

    [Fact]
    public void Csv_errors_are_located()
    {
        string csv = "id,pack,category,type,level,prompt,answer\r\nq-1,p,c,essay,mid,\"Multi\nline?\",A\r\nBad_Id,p,c,technical,mid,P?,A\r\n";
        var result = CsvImporter.Import(new StringReader(csv), "bad.csv");
        Assert.Equal(
            ["bad.csv:2:4: error CSV003: 'type' value 'essay' is not one of: role-knowledge, technical, behavioral, situational, case-study",
             "bad.csv:4:1: error CSV003: 'id' value 'Bad_Id' is not valid: use lower-case letters, digits and single hyphens, starting with a letter, at most 64 characters"],
            result.Diagnostics.Select(d => d.ToString()));
        var unknown = CsvImporter.Import(new StringReader("id,colour\r\n"), "u.csv");
        Assert.Contains(unknown.Diagnostics, d => d.ToString().StartsWith("u.csv:1:2: error CSV002: unknown column 'colour'", StringComparison.Ordinal));
        Assert.Contains(unknown.Diagnostics, d => d.Message == "required column 'pack' is missing");
        var open = CsvImporter.Import(new StringReader("id,pack,category,type,level,prompt,answer\r\nq,p,c,technical,mid,\"never closed,A\r\n"), "o.csv");
        Assert.Equal("o.csv:2:1: error CSV001: a quoted field opened on line 2 is not closed", Assert.Single(open.Diagnostics).ToString());
    }

    [Fact]
    public void Csv_review_date_and_attribution_are_read_and_checked_with_their_column()
    {
        const string Header = "id,pack,category,type,level,prompt,answer,review_by,attribution\r\n";
        var good = CsvImporter.Import(new StringReader(Header + "q-1,p,c,technical,mid,What?,A,2027-02-01,The brief <https://example.org/list>\r\n"), "g.csv");
        Assert.False(good.HasErrors, string.Join("\n", good.Diagnostics));
        var q = Assert.Single(Assert.Single(good.Packs).Questions);
        Assert.Equal(new DateOnly(2027, 2, 1), q.ReviewBy);
        Assert.Equal(new PromptAttribution("The brief", "https://example.org/list"), q.Attribution);

        var bad = CsvImporter.Import(new StringReader(Header + "q-1,p,c,technical,mid,What?,A,2027-02-30,The brief <http://example.org/list>\r\n"), "b.csv");
        Assert.Equal(
            ["b.csv:2:8: error CSV003: 'reviewBy' value '2027-02-30' is not a real date",
             "b.csv:2:9: error CSV003: attribution URL 'http://example.org/list' is not valid: use an absolute https URL"],
            bad.Diagnostics.Select(d => d.ToString()));
    }
}
