using System.Text;
using System.Xml.Linq;
using HrPrep.Authoring.Diff;
using HrPrep.Authoring.Export;
using HrPrep.Authoring.Import;
using HrPrep.Content;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class MoodleXmlExporterTests
{
    /// <summary>The child elements every essay question has, in the order Moodle's own export writes them.</summary>
    private static readonly string[] EssayElements =
    [
        "name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber", "responseformat",
        "responserequired", "responsefieldlines", "minwordlimit", "maxwordlimit", "attachments", "attachmentsrequired",
        "maxbytes", "filetypeslist", "graderinfo", "responsetemplate", "tags",
    ];

    private static MoodleImportResult RoundTrip(QuestionBank bank, IEnumerable<Question>? questions = null)
    {
        byte[] xml = ExportFixtures.Export(new MoodleXmlExporter(), bank, questions: questions);
        return MoodleXmlImporter.Import(new StringReader(Encoding.UTF8.GetString(xml)), "in.xml");
    }

    private static void AssertSamePacks(QuestionBank bank, MoodleImportResult result)
    {
        Assert.Empty(result.Diagnostics);
        Assert.Equal(bank.Packs.Select(p => p.Id), result.Packs.Select(p => p.Id));
        foreach (var (expected, actual) in bank.Packs.Zip(result.Packs))
        {
            Assert.Empty(FieldDiff.ChangedManifestFields(expected, actual));
            Assert.Equal(expected.Questions.Length, actual.Questions.Length);
            foreach (var (q, r) in expected.Questions.Zip(actual.Questions))
            {
                Assert.Empty(FieldDiff.ChangedFields(q, r));
            }

            Assert.True(expected == actual);
        }
    }

    [Fact]
    public void Import_moodle_reads_the_mini_export_back_into_an_equal_pack() => AssertSamePacks(ExportFixtures.Mini, RoundTrip(ExportFixtures.Mini));

    [Fact]
    public void Import_moodle_reads_the_shipped_pack_back_into_an_equal_pack()
    {
        var bank = QuestionBank.FromDirectory(HrPrep.Tests.Shared.Repo.ShippedPack);
        AssertSamePacks(bank, RoundTrip(bank));
    }

    [Fact]
    public void Import_moodle_reads_hostile_content_back_exactly()
    {
        AssertSamePacks(ExportFixtures.Hostile, RoundTrip(ExportFixtures.Hostile));
        var special = ExportFixtures.Single(q => q with
        {
            Prompt = "Double -- hyphens ---- and a trailing hyphen -\r\nand ]]> <!-- not a comment --> &amp;",
            Answer = new ModelAnswer("Ends with a hyphen -", ["--", "-"]),
            Jurisdiction = "UK",
            Related = ["code-002"],
        });
        AssertSamePacks(special, RoundTrip(special));
    }

    [Fact]
    public void Questions_keep_their_order_when_categories_interleave()
    {
        var bank = ExportFixtures.Mini;
        var pack = bank.Packs[0];
        var interleaved = pack.Questions.OrderBy(q => q.Id[^1]).ThenBy(q => q.Id, StringComparer.Ordinal).ToList();
        Assert.NotEqual(pack.Questions.Select(q => q.Category), interleaved.Select(q => q.Category));
        var result = RoundTrip(bank, interleaved);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(interleaved.Select(q => q.Id), result.Packs.Single().Questions.Select(q => q.Id));
    }

    [Fact]
    public void Export_is_well_formed_moodle_xml_with_every_essay_element_categories_and_html_fields()
    {
        var bank = ExportFixtures.Hostile;
        var doc = XDocument.Parse(ExportFixtures.Text(new MoodleXmlExporter(), bank));
        Assert.Equal("quiz", doc.Root!.Name.LocalName);
        string? category = null;
        string? categoryId = null;
        var seen = new List<string>();
        foreach (var question in doc.Root.Elements())
        {
            Assert.Equal("question", question.Name.LocalName);
            string type = question.Attribute("type")!.Value;
            if (type == "category")
            {
                category = question.Element("category")!.Element("text")!.Value;
                categoryId = question.Element("idnumber")!.Value;
                Assert.Equal("html", question.Element("info")!.Attribute("format")!.Value);
                continue;
            }

            Assert.Equal("essay", type);
            Assert.Equal(EssayElements, question.Elements().Select(e => e.Name.LocalName));
            string id = question.Element("idnumber")!.Value;
            var q = bank.Questions.Single(x => x.Id == id);
            var pack = bank.FindPack(q.PackId)!;
            Assert.Equal(GiftExporter.CategoryPath(pack.Title, bank.CategoryOf(q).Title), category);
            Assert.StartsWith("$course$/", category, StringComparison.Ordinal);
            Assert.Equal($"{q.PackId}/{q.Category}", categoryId);
            Assert.Equal(PlatformHtml.Title(q), question.Element("name")!.Element("text")!.Value);
            foreach (var html in new[] { "questiontext", "generalfeedback", "graderinfo", "responsetemplate" })
            {
                Assert.Equal("html", question.Element(html)!.Attribute("format")!.Value);
            }

            Assert.Equal(PlatformHtml.Question(q), question.Element("questiontext")!.Element("text")!.Value);
            Assert.Equal(PlatformHtml.Rubric(q), question.Element("graderinfo")!.Element("text")!.Value);
            Assert.Equal(string.Empty, question.Element("generalfeedback")!.Element("text")!.Value);
            Assert.Equal(MoodleXmlExporter.TemplateFor(q), question.Element("responsetemplate")!.Element("text")!.Value);
            Assert.Equal("editor", question.Element("responseformat")!.Value);
            Assert.Equal("1", question.Element("responserequired")!.Value);
            var response = MoodleXmlExporter.ResponseFor(q.Level);
            Assert.Equal(response.FieldLines.ToString(System.Globalization.CultureInfo.InvariantCulture), question.Element("responsefieldlines")!.Value);
            Assert.Equal(response.MinWords.ToString(System.Globalization.CultureInfo.InvariantCulture), question.Element("minwordlimit")!.Value);
            Assert.Equal(response.MaxWords.ToString(System.Globalization.CultureInfo.InvariantCulture), question.Element("maxwordlimit")!.Value);
            Assert.Equal(GiftExporter.TagsFor(q), question.Element("tags")!.Elements("tag").Select(t => t.Element("text")!.Value));
            seen.Add(id);
        }

        Assert.Equal(bank.Questions.Select(q => q.Id), seen);
        // The rubric is grader-only: no part of it is in what candidates see.
        Assert.DoesNotContain(doc.Root.Descendants("generalfeedback"), g => g.Value.Length > 0);
    }

    [Fact]
    public void Levels_set_the_answer_box_and_word_limits_and_behavioural_questions_get_a_star_template()
    {
        Assert.True(MoodleXmlExporter.ResponseFor(QuestionLevel.Entry).MaxWords < MoodleXmlExporter.ResponseFor(QuestionLevel.Mid).MaxWords);
        Assert.True(MoodleXmlExporter.ResponseFor(QuestionLevel.Mid).MaxWords < MoodleXmlExporter.ResponseFor(QuestionLevel.Senior).MaxWords);
        Assert.All(Enum.GetValues<QuestionLevel>(), l => Assert.True(MoodleXmlExporter.ResponseFor(l).MinWords < MoodleXmlExporter.ResponseFor(l).MaxWords));
        var behavioral = ExportFixtures.Mini.Questions.First(q => q.Type == QuestionType.Behavioral);
        Assert.Contains("Situation:", MoodleXmlExporter.TemplateFor(behavioral), StringComparison.Ordinal);
        Assert.Equal(string.Empty, MoodleXmlExporter.TemplateFor(ExportFixtures.Mini.Questions.First(q => q.Type == QuestionType.Technical)));
    }

    [Fact]
    public void Reexport_is_byte_identical() =>
        Assert.Equal(ExportFixtures.Export(new MoodleXmlExporter(), ExportFixtures.Hostile), ExportFixtures.Export(new MoodleXmlExporter(), ExportFixtures.Hostile));

    [Fact]
    public void Essays_made_in_moodle_become_imported_questions_and_other_types_are_skipped_with_a_warning()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="category"><category><text>$course$/top/Interviews//HR/Rater bias</text></category></question>
              <question type="essay">
                <name><text>Halo effect</text></name>
                <questiontext format="html"><text><![CDATA[<p>What is the <b>halo effect</b>?</p>]]></text></questiontext>
                <idnumber>hb-001</idnumber>
                <graderinfo format="html"><text>&lt;p&gt;One trait colours every rating.&lt;/p&gt;</text></graderinfo>
                <tags><tag><text>level:senior</text></tag><tag><text>type:technical</text></tag><tag><text>bias</text></tag></tags>
              </question>
              <question type="multichoice"><name><text>Pick one</text></name></question>
            </quiz>
            """;
        var result = MoodleXmlImporter.Import(new StringReader(xml), "made-in-moodle.xml");
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("made-in-moodle.xml:11:4: warning MOODLE003: skipped a 'multichoice' question: only essay questions are imported", warning.ToString());
        var pack = Assert.Single(result.Packs);
        Assert.Equal("interviews-hr", pack.Id);
        Assert.Equal("Interviews/HR", pack.Title);
        Assert.Equal([new Category("rater-bias", "Rater bias", null)], pack.Categories);
        var q = Assert.Single(pack.Questions);
        Assert.Equal(("hb-001", "What is the halo effect?", "rater-bias", QuestionLevel.Senior, QuestionType.Technical, QuestionOrigin.Imported), (q.Id, q.Prompt, q.Category, q.Level, q.Type, q.Origin));
        Assert.Equal(["bias"], q.Tags);
        Assert.Equal("One trait colours every rating.", q.Answer.Summary);
    }

    [Theory]
    [InlineData("<quiz><question type=\"essay\">", "bad.xml:1:", "MOODLE001")]
    [InlineData("<notquiz/>", "bad.xml:1:2: error MOODLE001: the root element is <notquiz>", "MOODLE001")]
    [InlineData("<quiz><!-- hrprep:pack {\"id\": --></quiz>", "bad.xml:1:11: error MOODLE002: unreadable hrprep:pack comment", "MOODLE002")]
    [InlineData("<quiz>\n<question type=\"essay\"><!-- hrprep:source {\"id\": 1} --></question></quiz>", "bad.xml:2:", "MOODLE002")]
    public void Bad_input_is_one_located_error_and_no_pack(string xml, string start, string code)
    {
        var result = MoodleXmlImporter.Import(new StringReader(xml), "bad.xml");
        Assert.True(result.Packs.IsEmpty, string.Join("\n", result.Diagnostics));
        var d = Assert.Single(result.Diagnostics);
        Assert.StartsWith(start, d.ToString(), StringComparison.Ordinal);
        Assert.Equal(code, d.Code);
        Assert.DoesNotContain('\n', d.ToString());
    }

    [Fact]
    public void Duplicate_ids_are_an_error()
    {
        string xml = ExportFixtures.Text(new MoodleXmlExporter(), ExportFixtures.Mini);
        var bank = ExportFixtures.Mini;
        var twice = bank.Questions.Concat([bank.Questions[0]]);
        xml = Encoding.UTF8.GetString(ExportFixtures.Export(new MoodleXmlExporter(), bank, questions: twice));
        var result = MoodleXmlImporter.Import(new StringReader(xml), "twice.xml");
        Assert.Contains(result.Diagnostics, d => d.Code == "MOODLE004" && d.Message.Contains("'mini-a-001' appears twice", StringComparison.Ordinal));
        Assert.True(result.HasErrors);
    }
}
