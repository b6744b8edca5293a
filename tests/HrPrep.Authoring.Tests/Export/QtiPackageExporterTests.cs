using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class QtiPackageExporterTests
{
    private static readonly XNamespace Cp = QtiPackageExporter.ManifestNamespace;
    private static readonly XNamespace Qti = QtiPackageExporter.ItemNamespace;

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        });
    }

    private static XDocument Xml(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    /// <summary>Flow content as one string: the element's inner XML without namespace declarations.</summary>
    private static string Inner(XElement e) =>
        string.Concat(e.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))).Replace($" xmlns=\"{QtiPackageExporter.ItemNamespace}\"", string.Empty, StringComparison.Ordinal);

    /// <summary>HTML as the XML parser reads it (void elements closed, entities resolved), serialised like <see cref="Inner"/>.</summary>
    private static string Normalised(string html) =>
        Inner(XElement.Parse($"<x xmlns=\"{QtiPackageExporter.ItemNamespace}\">{html.Replace("<br>", "<br/>", StringComparison.Ordinal)}</x>"));

    [Fact]
    public void Manifest_lists_every_item_with_its_stable_identifier_and_the_package_holds_nothing_else()
    {
        var bank = ExportFixtures.Hostile;
        var entries = Entries(ExportFixtures.Export(new QtiPackageExporter(), bank));
        var manifest = Xml(entries["imsmanifest.xml"]).Root!;
        Assert.Equal(Cp + "manifest", manifest.Name);
        Assert.Equal("3.0.0", manifest.Element(Cp + "metadata")!.Element(Cp + "schemaversion")!.Value);
        var resources = manifest.Element(Cp + "resources")!.Elements(Cp + "resource").ToList();
        Assert.Equal(bank.Questions.Select(q => QtiPackageExporter.IdentifierFor(q.PackId, q.Id)), resources.Select(r => r.Attribute("identifier")!.Value));
        foreach (var (q, r) in bank.Questions.Zip(resources))
        {
            string href = QtiPackageExporter.PathFor(q.PackId, q.Id);
            Assert.Equal(QtiPackageExporter.ItemResourceType, r.Attribute("type")!.Value);
            Assert.Equal(href, r.Attribute("href")!.Value);
            Assert.Equal(href, Assert.Single(r.Elements(Cp + "file")).Attribute("href")!.Value);
            Assert.True(entries.ContainsKey(href), href);
        }

        Assert.Equal(resources.Count + 1, entries.Count);
        Assert.Equal("hrprep.hostile.hostile-001", QtiPackageExporter.IdentifierFor("hostile", "hostile-001"));
    }

    [Fact]
    public void Every_item_has_an_extended_text_interaction_and_the_rubric_in_a_scorer_rubric_block_and_in_feedback()
    {
        var bank = ExportFixtures.Hostile;
        var entries = Entries(ExportFixtures.Export(new QtiPackageExporter(), bank));
        foreach (var q in bank.Questions)
        {
            var item = Xml(entries[QtiPackageExporter.PathFor(q.PackId, q.Id)]).Root!;
            Assert.Equal(Qti + "qti-assessment-item", item.Name);
            Assert.Equal(QtiPackageExporter.IdentifierFor(q.PackId, q.Id), item.Attribute("identifier")!.Value);
            Assert.Equal(PlatformHtml.Title(q), item.Attribute("title")!.Value);
            Assert.Equal("RESPONSE", item.Element(Qti + "qti-response-declaration")!.Attribute("identifier")!.Value);
            Assert.Contains(item.Elements(Qti + "qti-outcome-declaration"), o => o.Attribute("identifier")!.Value == "SCORE" && o.Attribute("external-scored")!.Value == "human");
            var body = item.Element(Qti + "qti-item-body")!;
            var interaction = Assert.Single(body.Elements(Qti + "qti-extended-text-interaction"));
            Assert.Equal("RESPONSE", interaction.Attribute("response-identifier")!.Value);
            Assert.Equal(MoodleXmlExporter.ResponseFor(q.Level).FieldLines.ToString(System.Globalization.CultureInfo.InvariantCulture), interaction.Attribute("expected-lines")!.Value);
            var rubric = Assert.Single(body.Elements(Qti + "qti-rubric-block"));
            Assert.Equal("scorer", rubric.Attribute("view")!.Value);
            string expectedRubric = Normalised(PlatformHtml.Rubric(q));
            Assert.Equal(expectedRubric, Inner(rubric.Element(Qti + "qti-content-body")!));
            var feedback = item.Element(Qti + "qti-modal-feedback")!;
            Assert.Equal("RUBRIC", feedback.Attribute("identifier")!.Value);
            Assert.Equal("show", feedback.Attribute("show-hide")!.Value);
            Assert.Equal(expectedRubric, Inner(feedback.Element(Qti + "qti-content-body")!));
            Assert.Equal("RUBRIC", item.Element(Qti + "qti-response-processing")!.Descendants(Qti + "qti-base-value").Single().Value);
            Assert.Equal(Normalised(PlatformHtml.Question(q)), Inner(body.Element(Qti + "div")!));
        }
    }

    [Fact]
    public void Items_render_in_the_citolab_qti_player_in_headless_chromium_with_their_prompt_and_a_text_box()
    {
        foreach (var bank in new[] { ExportFixtures.Mini, ExportFixtures.Hostile, QuestionBank.FromDirectory(Repo.ShippedPack) })
        {
            using var dir = new TempDir();
            var entries = Entries(ExportFixtures.Export(new QtiPackageExporter(), bank));
            foreach (var (name, bytes) in entries)
            {
                string file = Path.Combine(dir.Path, name);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
            }

            string[] hrefs = [.. bank.Questions.Select(q => QtiPackageExporter.PathFor(q.PackId, q.Id))];
            var (code, o, e) = NodeTools.Node("check-qti.mjs", [dir.Path, .. hrefs]);
            Assert.True(code == 0, $"check-qti.mjs failed ({code}): {e}");
            var r = JsonDocument.Parse(o).RootElement;
            Assert.Empty(r.GetProperty("pageErrors").EnumerateArray());
            Assert.Empty(r.GetProperty("consoleErrors").EnumerateArray());
            Assert.Empty(r.GetProperty("externalRequests").EnumerateArray());
            var items = r.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(bank.Questions.Length, items.Count);
            foreach (var (q, item) in bank.Questions.Zip(items))
            {
                Assert.Equal(QtiPackageExporter.IdentifierFor(q.PackId, q.Id), item.GetProperty("identifier").GetString());
                string text = item.GetProperty("text").GetString()!;
                foreach (var line in q.Prompt.Split('\n'))
                {
                    Assert.Contains(line.Trim(), text, StringComparison.Ordinal);
                }

                Assert.True(item.GetProperty("textBox").GetBoolean(), $"{q.Id}: no visible text box");
                Assert.Equal("TEXTAREA", item.GetProperty("textBoxTag").GetString());
                Assert.True(item.GetProperty("rubricPresent").GetBoolean());
            }
        }
    }

    [Fact]
    public void Reexport_is_byte_identical_and_an_item_does_not_depend_on_the_other_questions()
    {
        var bank = ExportFixtures.Mini;
        byte[] all = ExportFixtures.Export(new QtiPackageExporter(), bank);
        Assert.Equal(all, ExportFixtures.Export(new QtiPackageExporter(), bank));
        var q = bank.Questions[3];
        var alone = Entries(ExportFixtures.Export(new QtiPackageExporter(), bank, questions: [q]));
        string href = QtiPackageExporter.PathFor(q.PackId, q.Id);
        Assert.Equal(Entries(all)[href], alone[href]);
    }

    [Fact]
    public void Html_that_is_not_well_formed_xml_is_written_as_escaped_text_and_reported()
    {
        var q = ExportFixtures.Mini.Questions[0];
        var report = new ExportReport();
        Assert.Equal("<p>a<br/>b</p>", QtiPackageExporter.Checked(QtiPackageExporter.Xhtml("<p>a<br>b</p>"), q, "prompt", report));
        Assert.Equal("<p>x &amp; y &#39;z&#39;</p>", QtiPackageExporter.Checked("<p>x &amp; y &#39;z&#39;</p>", q, "prompt", report));
        Assert.True(report.IsEmpty);
        Assert.Equal("<p>a\u00a0b</p>", QtiPackageExporter.Checked("<p>a&nbsp;b</p>", q, "rubric", report));
        Assert.Equal("<p>unclosed</p>", QtiPackageExporter.Checked("<p><b>unclosed</p>", q, "rubric", report));
        Assert.Equal(2, Assert.Single(report.Lines).Count);
        Assert.True(QtiPackageExporter.WellFormed(["<p>a</p>", "text", ""]));
        Assert.False(QtiPackageExporter.WellFormed(["<p>a</p>", "<p>"]));
        Assert.False(QtiPackageExporter.WellFormed(["<p>", "</p>"]));
    }

    [Fact]
    public void Item_bytes_equal_the_package_entry_and_keep_markdown_as_html()
    {
        var bank = ExportFixtures.Single(q => q with { Answer = new ModelAnswer("Fine **bold** answer", ["point"]) });
        var q0 = bank.Questions[0];
        byte[] item = QtiPackageExporter.ItemBytes(q0, bank.Packs[0]);
        Assert.Contains("<strong>bold</strong>", System.Text.Encoding.UTF8.GetString(item), StringComparison.Ordinal);
        Assert.Equal(item, Entries(ExportFixtures.Export(new QtiPackageExporter(), bank))[QtiPackageExporter.PathFor(q0.PackId, q0.Id)]);
    }
}
