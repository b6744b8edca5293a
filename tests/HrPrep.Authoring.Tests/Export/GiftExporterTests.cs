using System.Text;
using System.Text.Json;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class GiftExporterTests
{
    private static JsonElement ParseWithGiftPegjs(TempDir dir, byte[] gift)
    {
        string path = dir.Bytes("questions.gift.txt", gift);
        var (code, o, e) = NodeTools.Node("parse-gift.mjs", path);
        Assert.True(code == 0, $"gift-pegjs could not parse the export ({code}): {e}\n{Encoding.UTF8.GetString(gift)}");
        return JsonDocument.Parse(o).RootElement.Clone();
    }

    /// <summary>Every question comes back from gift-pegjs as an essay with exactly our title, HTML question text, rubric, id and tags, under its category.</summary>
    private static void AssertParsedBack(QuestionBank bank)
    {
        using var dir = new TempDir();
        var items = ParseWithGiftPegjs(dir, ExportFixtures.Export(new GiftExporter(), bank)).EnumerateArray().ToList();
        var expected = new List<Question>();
        string? category = null;
        var categoryOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.GetProperty("type").GetString() == "Category")
            {
                category = item.GetProperty("title").GetString();
                continue;
            }

            Assert.Equal("Essay", item.GetProperty("type").GetString());
            string id = item.GetProperty("id").GetString()!;
            var q = bank.Questions.Single(x => x.Id == id);
            categoryOf[id] = category!;
            Assert.Equal(PlatformHtml.Title(q), item.GetProperty("title").GetString());
            Assert.Equal("html", item.GetProperty("stem").GetProperty("format").GetString());
            Assert.Equal(PlatformHtml.Question(q), item.GetProperty("stem").GetProperty("text").GetString());
            Assert.Equal("html", item.GetProperty("globalFeedback").GetProperty("format").GetString());
            Assert.Equal(PlatformHtml.Rubric(q), item.GetProperty("globalFeedback").GetProperty("text").GetString());
            Assert.Equal(GiftExporter.TagsFor(q), item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            expected.Add(q);
        }

        Assert.Equal(bank.Questions.Select(q => q.Id).Order(StringComparer.Ordinal), expected.Select(q => q.Id).Order(StringComparer.Ordinal));
        foreach (var q in bank.Questions)
        {
            var pack = bank.FindPack(q.PackId)!;
            Assert.Equal(GiftExporter.CategoryPath(pack.Title, bank.CategoryOf(q).Title), categoryOf[q.Id]);
        }
    }

    [Fact]
    public void Gift_pegjs_parses_every_mini_question_back_as_an_essay_with_the_exact_text() => AssertParsedBack(ExportFixtures.Mini);

    [Fact]
    public void Gift_pegjs_parses_every_shipped_question_back_as_an_essay_with_the_exact_text() =>
        AssertParsedBack(QuestionBank.FromDirectory(Repo.ShippedPack));

    [Fact]
    public void Gift_pegjs_parses_hostile_markup_and_every_gift_special_character_back_exactly()
    {
        AssertParsedBack(ExportFixtures.Hostile);
        var special = ExportFixtures.Single(q => q with
        {
            Prompt = "Colons: tildes ~ equals = hashes # {braces} back\\slash \\n and ::title:: marks\nsecond line // not a comment",
            Answer = new ModelAnswer("Answer with {curly} ~ = # : \\ and a code block:\n\n    x = {1}\n    y = ~2\n", ["{point}", "a=b"]),
            RedFlags = ["#1 red flag: }"],
        });
        AssertParsedBack(special);
    }

    [Fact]
    public void Gift_pegjs_parses_a_prompt_longer_than_a_moodle_name_with_the_name_cut()
    {
        var bank = ExportFixtures.Single(q => q with { Prompt = string.Concat(Enumerable.Repeat("Why: ", 80)).Trim() });
        AssertParsedBack(bank);
        Assert.Equal(GiftExporter.MaxTitle, PlatformHtml.Title(bank.Questions[0]).Length);
        var report = new ExportReport();
        ExportFixtures.Export(new GiftExporter(), bank, new ExportOptions { Report = report });
        Assert.Contains(report.Lines, l => l.Field == "prompt" && l.What.StartsWith("cut to 255", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a~b=c#d{e}f:g\\h", "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h")]
    [InlineData("line\r\nbreak\nagain", "line\\nbreak\\nagain")]
    [InlineData("\\n is not a newline", "\\\\n is not a newline")]
    [InlineData("&#39; entity", "&\\#39; entity")]
    public void Escape_puts_a_backslash_before_each_gift_special_and_writes_line_breaks_as_backslash_n(string text, string escaped) =>
        Assert.Equal(escaped, GiftExporter.Escape(text));

    [Fact]
    public void Export_has_category_lines_id_comments_and_one_line_per_question()
    {
        string gift = ExportFixtures.Text(new GiftExporter(), ExportFixtures.Mini);
        Assert.Contains("\n$CATEGORY: $course$/Mini test pack/Alpha things\n\n// [id:mini-a-001] [tag:level:entry] [tag:type:role-knowledge] [tag:category:alpha] [tag:appraisal] [tag:basics]\n::What is a performance appraisal?::[html]<p>What is a performance appraisal?</p>{####[html]<h4>Model answer</h4><p>An appraisal", gift);
        Assert.Equal(2, gift.Split('\n').Count(l => l.StartsWith("$CATEGORY: ", StringComparison.Ordinal)));
        Assert.Equal(8, gift.Split('\n').Count(l => l.StartsWith("::", StringComparison.Ordinal)));
        Assert.DoesNotContain('\r', gift);
        Assert.Equal("$course$/a//b/c", GiftExporter.CategoryPath("a/b", "c"));
    }

    [Fact]
    public void Reexport_is_byte_identical_and_the_report_names_what_was_flattened_and_dropped()
    {
        var bank = ExportFixtures.Mini;
        var report = new ExportReport();
        byte[] first = ExportFixtures.Export(new GiftExporter(), bank, new ExportOptions { Report = report });
        Assert.Equal(first, ExportFixtures.Export(new GiftExporter(), bank));
        var lines = report.Lines.ToDictionary(l => (l.Field, l.What));
        Assert.Equal(bank.Questions.Length, lines[("answer.summary", GiftExporter.Flattened)].Count);
        Assert.Equal(bank.Questions.Count(q => q.RedFlags.Length > 0), lines[("redFlags", GiftExporter.Flattened)].Count);
        Assert.Equal(bank.Questions.Count(q => q.Related.Length > 0), lines[("related", "dropped (GIFT has no field for it)")].Count);
        Assert.Contains("gift: redFlags flattened into the general feedback", report.ToText("gift"), StringComparison.Ordinal);
    }
}
