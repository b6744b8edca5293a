using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>
/// <c>qti</c>: a QTI 3.0 content package (zip): <c>imsmanifest.xml</c> and one
/// <c>qti-assessment-item</c> per question at <c>items/PACK/ID.xml</c>, identifier
/// <c>hrprep.PACK.ID</c> (stable: pack and question id only). Each item has the prompt and scenario as
/// XHTML in its body, a <c>qti-extended-text-interaction</c> (expected lines and length from the
/// level), a human-scored <c>SCORE</c> outcome, and the rubric twice: in a
/// <c>qti-rubric-block view="scorer"</c> and in a <c>qti-modal-feedback</c> shown after the response
/// (several platforms drop rubric blocks on import). Deterministic: fixed entry order and timestamps.
/// </summary>
public sealed class QtiPackageExporter : IQuestionExporter
{
    /// <summary>The QTI 3.0 assessment item namespace.</summary>
    public const string ItemNamespace = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";

    /// <summary>The QTI 3.0 content-packaging manifest namespace.</summary>
    public const string ManifestNamespace = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";

    /// <summary>The manifest resource type of a QTI 3.0 item.</summary>
    public const string ItemResourceType = "imsqti_item_xmlv3p0";

    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <inheritdoc/>
    public string Name => "qti";

    /// <inheritdoc/>
    public string Extension => ".zip";

    /// <summary>The item identifier of a question: <c>hrprep.PACK.ID</c>.</summary>
    public static string IdentifierFor(string packId, string questionId) => $"hrprep.{packId}.{questionId}";

    /// <summary>The item's path inside the package: <c>items/PACK/ID.xml</c>.</summary>
    public static string PathFor(string packId, string questionId) => $"items/{packId}/{questionId}.xml";

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var resources = new List<(string Identifier, string Href)>();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var chunk in source.Questions.Chunk(OrderedBatches.BatchSize))
        {
            // The HTML of a chunk is rendered in parallel and checked as XML in one pass; the items are
            // then written one by one straight into their zip entries.
            var html = new (string Question, string Rubric)[chunk.Length];
            Parallel.For(0, chunk.Length, i => html[i] = (Xhtml(PlatformHtml.Question(chunk[i])), Xhtml(PlatformHtml.Rubric(chunk[i]))));
            if (!WellFormed(html.SelectMany(h => new[] { h.Question, h.Rubric })))
            {
                for (int i = 0; i < chunk.Length; i++)
                {
                    html[i] = (Checked(html[i].Question, chunk[i], "prompt", options.Report), Checked(html[i].Rubric, chunk[i], "rubric", options.Report));
                }
            }

            for (int i = 0; i < chunk.Length; i++)
            {
                var q = chunk[i];
                string href = PathFor(q.PackId, q.Id);
                resources.Add((IdentifierFor(q.PackId, q.Id), href));
                var entry = zip.CreateEntry(href, CompressionLevel.Fastest);
                entry.LastWriteTime = AnkiPackageExporter.EntryTime;
                using (var to = entry.Open())
                {
                    WriteItem(to, q, source.PackOf(q), html[i].Question, html[i].Rubric);
                }

                if (options.Report is { } report)
                {
                    report.AddPresent(q, "dropped (a QTI item has no field for it)", "origin", "related", "lastVerified", "reviewBy", "attribution", "tags", "type");
                    report.Add(q.Id, "category", "dropped (items only: no assessment test or sections are written)");
                }
            }
        }

        var manifest = zip.CreateEntry("imsmanifest.xml", CompressionLevel.Fastest);
        manifest.LastWriteTime = AnkiPackageExporter.EntryTime;
        using (var to = manifest.Open())
        {
            WriteManifest(to, resources);
        }
    }

    private static XmlWriterSettings Settings => new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    private static void WriteManifest(Stream to, List<(string Identifier, string Href)> resources)
    {
        using var x = XmlWriter.Create(to, Settings);
        x.WriteStartDocument();
        x.WriteStartElement("manifest", ManifestNamespace);
        x.WriteAttributeString("xmlns", "xsi", null, Xsi);
        x.WriteAttributeString("xsi", "schemaLocation", Xsi, ManifestNamespace + " https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd");
        x.WriteAttributeString("identifier", "hrprep-qti-package");
        x.WriteStartElement("metadata", ManifestNamespace);
        x.WriteElementString("schema", ManifestNamespace, "QTI Package");
        x.WriteElementString("schemaversion", ManifestNamespace, "3.0.0");
        x.WriteEndElement();
        x.WriteStartElement("organizations", ManifestNamespace);
        x.WriteEndElement();
        x.WriteStartElement("resources", ManifestNamespace);
        foreach (var (identifier, href) in resources)
        {
            x.WriteStartElement("resource", ManifestNamespace);
            x.WriteAttributeString("identifier", identifier);
            x.WriteAttributeString("type", ItemResourceType);
            x.WriteAttributeString("href", href);
            x.WriteStartElement("file", ManifestNamespace);
            x.WriteAttributeString("href", href);
            x.WriteEndElement();
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    /// <summary>The item XML of one question (UTF-8), as the package holds it.</summary>
    public static byte[] ItemBytes(Question q, QuestionPack pack, ExportReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(pack);
        using var ms = new MemoryStream(4096);
        WriteItem(ms, q, pack, Checked(Xhtml(PlatformHtml.Question(q)), q, "prompt", report), Checked(Xhtml(PlatformHtml.Rubric(q)), q, "rubric", report));
        return ms.ToArray();
    }

    private static void WriteItem(Stream to, Question q, QuestionPack pack, string question, string rubric)
    {
        using (var x = XmlWriter.Create(to, Settings))
        {
            var response = MoodleXmlExporter.ResponseFor(q.Level);
            x.WriteStartDocument();
            x.WriteStartElement("qti-assessment-item", ItemNamespace);
            x.WriteAttributeString("xmlns", "xsi", null, Xsi);
            x.WriteAttributeString("xsi", "schemaLocation", Xsi, ItemNamespace + " https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd");
            x.WriteAttributeString("identifier", IdentifierFor(q.PackId, q.Id));
            x.WriteAttributeString("title", PlatformHtml.Title(q));
            x.WriteAttributeString("adaptive", "false");
            x.WriteAttributeString("time-dependent", "false");
            x.WriteAttributeString("xml", "lang", null, pack.Language);

            x.WriteStartElement("qti-response-declaration", ItemNamespace);
            x.WriteAttributeString("identifier", "RESPONSE");
            x.WriteAttributeString("cardinality", "single");
            x.WriteAttributeString("base-type", "string");
            x.WriteEndElement();
            x.WriteStartElement("qti-outcome-declaration", ItemNamespace);
            x.WriteAttributeString("identifier", "SCORE");
            x.WriteAttributeString("cardinality", "single");
            x.WriteAttributeString("base-type", "float");
            x.WriteAttributeString("external-scored", "human");
            x.WriteAttributeString("normal-maximum", "1");
            x.WriteEndElement();
            x.WriteStartElement("qti-outcome-declaration", ItemNamespace);
            x.WriteAttributeString("identifier", "FEEDBACK");
            x.WriteAttributeString("cardinality", "single");
            x.WriteAttributeString("base-type", "identifier");
            x.WriteEndElement();

            x.WriteStartElement("qti-item-body", ItemNamespace);
            x.WriteStartElement("qti-rubric-block", ItemNamespace);
            x.WriteAttributeString("use", "scoring");
            x.WriteAttributeString("view", "scorer");
            x.WriteStartElement("qti-content-body", ItemNamespace);
            x.WriteRaw(rubric);
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteStartElement("div", ItemNamespace);
            x.WriteAttributeString("class", "hrprep-question");
            x.WriteRaw(question);
            x.WriteEndElement();
            x.WriteStartElement("qti-extended-text-interaction", ItemNamespace);
            x.WriteAttributeString("response-identifier", "RESPONSE");
            x.WriteAttributeString("expected-lines", response.FieldLines.ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("expected-length", (response.MaxWords * 6).ToString(CultureInfo.InvariantCulture));
            x.WriteEndElement();
            x.WriteEndElement();

            x.WriteStartElement("qti-response-processing", ItemNamespace);
            x.WriteStartElement("qti-set-outcome-value", ItemNamespace);
            x.WriteAttributeString("identifier", "FEEDBACK");
            x.WriteStartElement("qti-base-value", ItemNamespace);
            x.WriteAttributeString("base-type", "identifier");
            x.WriteString("RUBRIC");
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();

            x.WriteStartElement("qti-modal-feedback", ItemNamespace);
            x.WriteAttributeString("outcome-identifier", "FEEDBACK");
            x.WriteAttributeString("identifier", "RUBRIC");
            x.WriteAttributeString("show-hide", "show");
            x.WriteAttributeString("title", "Rubric");
            x.WriteStartElement("qti-content-body", ItemNamespace);
            x.WriteRaw(rubric);
            x.WriteEndElement();
            x.WriteEndElement();

            x.WriteEndElement();
            x.WriteEndDocument();
        }
    }

    /// <summary>Turns the HTML of <see cref="PlatformHtml"/> into XHTML for a QTI body: void elements closed (<c>&lt;br/&gt;</c>, <c>&lt;hr/&gt;</c>).</summary>
    internal static string Xhtml(string html) =>
        html.Replace("<br>", "<br/>", StringComparison.Ordinal).Replace("<hr>", "<hr/>", StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="xhtml"/> when it is well-formed XML; otherwise (an entity XML does not know, say)
    /// the same content as escaped text, and the report says so.
    /// </summary>
    internal static string Checked(string xhtml, Question q, string field, ExportReport? report)
    {
        if (WellFormed([xhtml]))
        {
            return xhtml;
        }

        report?.Add(q.Id, field, "HTML that is not well-formed XHTML: written as escaped text");
        return "<p>" + SafeHtml.Escape(SafeHtml.StripTags(xhtml)) + "</p>";
    }

    /// <summary>True when every fragment is well-formed XML on its own (each is read inside its own element, all in one reader).</summary>
    internal static bool WellFormed(IEnumerable<string> fragments)
    {
        var sb = new StringBuilder("<x>");
        foreach (var f in fragments)
        {
            sb.Append("<f>").Append(f).Append("</f>");
        }

        sb.Append("</x>");
        try
        {
            using var reader = XmlReader.Create(new StringReader(sb.ToString()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
