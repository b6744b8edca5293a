using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>
/// <c>moodle</c>: Moodle XML, questions in export order. Whenever the pack or category changes, a <c>&lt;question type="category"&gt;</c> for
/// <c>$course$/pack title/category title</c> (ID number <c>pack/category</c>, description as info),
/// then one <c>&lt;question type="essay"&gt;</c> per question: the prompt and scenario as HTML
/// <c>questiontext</c>, the rubric (model answer, key points, what to listen for, red flags,
/// follow-ups, sources) as HTML <c>graderinfo</c> (shown to graders only), <c>idnumber</c> = the
/// question id, level/type/category/own tags as <c>tags</c>, and response settings from the level
/// (<see cref="ResponseFor"/>). Behavioural questions get a STAR <c>responsetemplate</c>.
/// </summary>
/// <remarks>
/// So that <c>import moodle</c> can read a file back into an equal pack, each pack's manifest and each
/// question's source fields are also written as JSON in XML comments (<c>&lt;!-- hrprep:pack … --&gt;</c>,
/// <c>&lt;!-- hrprep:source … --&gt;</c>); Moodle ignores comments. UTF-8 without byte-order mark,
/// LF line ends, deterministic.
/// </remarks>
public sealed class MoodleXmlExporter : IQuestionExporter
{
    /// <summary>The comment prefix of a pack manifest.</summary>
    public const string PackComment = "hrprep:pack ";

    /// <summary>The comment prefix of a question's source fields.</summary>
    public const string SourceComment = "hrprep:source ";

    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc/>
    public string Name => "moodle";

    /// <inheritdoc/>
    public string Extension => ".xml";

    /// <summary>The essay response settings of a level: answer box height and word limits.</summary>
    /// <param name="FieldLines">The height of the answer box in lines (<c>responsefieldlines</c>).</param>
    /// <param name="MinWords">The minimum word count (<c>minwordlimit</c>).</param>
    /// <param name="MaxWords">The maximum word count (<c>maxwordlimit</c>).</param>
    public sealed record Response(int FieldLines, int MinWords, int MaxWords);

    /// <summary>Response settings by level: entry 10 lines, 50–300 words; mid 15 lines, 80–450 words; senior 20 lines, 120–600 words.</summary>
    public static Response ResponseFor(QuestionLevel level) => level switch
    {
        QuestionLevel.Entry => new Response(10, 50, 300),
        QuestionLevel.Mid => new Response(15, 80, 450),
        _ => new Response(20, 120, 600),
    };

    /// <summary>The response template of a question: a STAR outline for behavioural questions, otherwise empty.</summary>
    public static string TemplateFor(Question q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return q.Type == QuestionType.Behavioral
            ? "<p><strong>Situation:</strong> </p><p><strong>Task:</strong> </p><p><strong>Action:</strong> </p><p><strong>Result:</strong> </p>"
            : string.Empty;
    }

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };
        using var x = XmlWriter.Create(output, settings);
        x.WriteStartDocument();
        x.WriteStartElement("quiz");
        var packsWritten = new HashSet<string>(StringComparer.Ordinal);
        (string Pack, string Category)? current = null;
        foreach (var e in OrderedBatches.Map(source.Questions, q => new Essay(q, PlatformHtml.Question(q), PlatformHtml.Rubric(q), QuestionJson(q))))
        {
            var q = e.Q;
            if (current is not { } c || !string.Equals(c.Pack, q.PackId, StringComparison.Ordinal) || !string.Equals(c.Category, q.Category, StringComparison.Ordinal))
            {
                // Questions stay in export order (so an import gives the same order); the category switches when it changes.
                current = (q.PackId, q.Category);
                var pack = source.PackOf(q);
                if (packsWritten.Add(pack.Id))
                {
                    x.WriteComment(SafeComment(PackComment + PackJson(pack)));
                }

                WriteCategory(x, pack, source.Bank.CategoryOf(q));
            }

            WriteEssay(x, e, options.Report);
        }

        x.WriteEndElement();
        x.WriteEndDocument();
        x.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteCategory(XmlWriter x, QuestionPack pack, Category category)
    {
        x.WriteStartElement("question");
        x.WriteAttributeString("type", "category");
        x.WriteStartElement("category");
        x.WriteElementString("text", GiftExporter.CategoryPath(pack.Title, category.Title));
        x.WriteEndElement();
        Html(x, "info", category.Description is null ? string.Empty : "<p>" + SafeHtml.EscapeLines(category.Description) + "</p>");
        x.WriteElementString("idnumber", pack.Id + "/" + category.Id);
        x.WriteEndElement();
    }

    private sealed record Essay(Question Q, string QuestionHtml, string RubricHtml, string Json);

    private static void WriteEssay(XmlWriter x, Essay e, ExportReport? report)
    {
        var q = e.Q;
        var response = ResponseFor(q.Level);
        x.WriteStartElement("question");
        x.WriteAttributeString("type", "essay");
        x.WriteStartElement("name");
        x.WriteElementString("text", PlatformHtml.Title(q));
        x.WriteEndElement();
        Html(x, "questiontext", e.QuestionHtml);
        Html(x, "generalfeedback", string.Empty);
        x.WriteElementString("defaultgrade", "1");
        x.WriteElementString("penalty", "0");
        x.WriteElementString("hidden", "0");
        x.WriteElementString("idnumber", q.Id);
        x.WriteElementString("responseformat", "editor");
        x.WriteElementString("responserequired", "1");
        x.WriteElementString("responsefieldlines", Invariant(response.FieldLines));
        x.WriteElementString("minwordlimit", Invariant(response.MinWords));
        x.WriteElementString("maxwordlimit", Invariant(response.MaxWords));
        x.WriteElementString("attachments", "0");
        x.WriteElementString("attachmentsrequired", "0");
        x.WriteElementString("maxbytes", "0");
        x.WriteElementString("filetypeslist", string.Empty);
        Html(x, "graderinfo", e.RubricHtml);
        Html(x, "responsetemplate", TemplateFor(q));
        x.WriteStartElement("tags");
        foreach (var tag in GiftExporter.TagsFor(q))
        {
            x.WriteStartElement("tag");
            x.WriteElementString("text", tag);
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteComment(SafeComment(SourceComment + e.Json));
        x.WriteEndElement();
        if (report is not null)
        {
            if (PlatformHtml.TitleCut(q))
            {
                report.Add(q.Id, "prompt", "cut to 255 characters in the question name (the question text has it whole)");
            }

            report.AddPresent(q, "kept only in the hrprep:source comment (Moodle has no field for it; a Moodle re-export loses it)", "origin", "related", "lastVerified", "reviewBy", "attribution");
        }
    }

    private static void Html(XmlWriter x, string element, string html)
    {
        x.WriteStartElement(element);
        x.WriteAttributeString("format", "html");
        x.WriteElementString("text", html);
        x.WriteEndElement();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Makes JSON safe inside an XML comment: no <c>--</c> (a JSON string's second hyphen is written <c>\u002d</c>).</summary>
    internal static string SafeComment(string text)
    {
        while (text.Contains("--", StringComparison.Ordinal))
        {
            text = text.Replace("--", "-\\u002d", StringComparison.Ordinal);
        }

        return text;
    }

    internal static string QuestionJson(Question q) => Json(w => QuestionJsonWriter.Write(w, q));

    internal static string PackJson(QuestionPack p) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("version", p.Version);
        w.WriteString("title", p.Title);
        Optional(w, "role", p.Role);
        Optional(w, "description", p.Description);
        w.WriteString("language", p.Language);
        w.WriteString("license", p.License);
        Strings(w, "authors", p.Authors);
        Optional(w, "disclaimer", p.Disclaimer);
        Optional(w, "homepage", p.Homepage);
        w.WriteStartArray("categories");
        foreach (var c in p.Categories)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("title", c.Title);
            Optional(w, "description", c.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "retired", p.Retired);
        w.WriteEndObject();
    });

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, CompactJson))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
