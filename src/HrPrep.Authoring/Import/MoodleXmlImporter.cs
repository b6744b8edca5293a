using HrPrep.Packs;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using HrPrep.Authoring.Export;
using HrPrep.Content;

namespace HrPrep.Authoring.Import;

/// <summary>The packs read from a Moodle XML file, and every problem found.</summary>
/// <param name="Packs">One pack per pack found, in first-appearance order.</param>
/// <param name="Diagnostics">Located problems (<c>file:line:col</c>); when any is an error, no pack should be written.</param>
public sealed record MoodleImportResult(ImmutableArray<QuestionPack> Packs, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Reads Moodle XML back into packs. A file written by <c>export moodle</c> comes back exactly: each
/// pack's manifest and each question's fields are read from the <c>hrprep:pack</c> and
/// <c>hrprep:source</c> comments the exporter wrote. Essay questions without them (made in Moodle, or
/// exported by Moodle, which drops comments) are rebuilt from the visible fields: id from
/// <c>idnumber</c>, prompt from the question text, model answer from the grader information (as
/// text), level, type and tags from the tags, pack and category from the category path; such
/// questions are marked <c>origin: imported</c>. Other question types are skipped with a warning.
/// </summary>
public static class MoodleXmlImporter
{
    /// <summary>Reads Moodle XML text.</summary>
    /// <param name="reader">The XML.</param>
    /// <param name="path">The file name used in diagnostics and question locations.</param>
    public static MoodleImportResult Import(TextReader reader, string path)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        XDocument document;
        try
        {
            using var xml = XmlReader.Create(reader, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation(path, ex.LineNumber, ex.LinePosition), AuthoringDiagnosticCodes.MoodleXml, "not well-formed XML: " + DiagnosticText.OneLine(ex.Message)));
            return new MoodleImportResult([], [.. diagnostics]);
        }

        if (document.Root is not { Name.LocalName: "quiz" } quiz)
        {
            diagnostics.Add(Diagnostic.Error(At(path, document.Root), AuthoringDiagnosticCodes.MoodleXml, $"the root element is <{document.Root?.Name.LocalName}>; Moodle XML has <quiz>"));
            return new MoodleImportResult([], [.. diagnostics]);
        }

        var packs = new List<PackBuilder>();
        var byId = new Dictionary<string, PackBuilder>(StringComparer.Ordinal);
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        PackBuilder? manifestPack = null;
        (PackBuilder Pack, string Category)? current = null;

        PackBuilder PackFor(string id, Func<PackBuilder> create)
        {
            if (!byId.TryGetValue(id, out var p))
            {
                byId[id] = p = create();
                packs.Add(p);
            }

            return p;
        }

        foreach (var node in quiz.Nodes())
        {
            if (node is XComment comment && Payload(comment, MoodleXmlExporter.PackComment) is { } packJson)
            {
                try
                {
                    var manifest = ReadManifest(packJson, At(path, comment));
                    manifestPack = PackFor(manifest.Id, () => new PackBuilder(manifest, fromComment: true));
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    diagnostics.Add(Diagnostic.Error(At(path, comment), AuthoringDiagnosticCodes.MoodleComment, "unreadable hrprep:pack comment: " + DiagnosticText.OneLine(ex.Message)));
                }

                continue;
            }

            if (node is not XElement { Name.LocalName: "question" } question)
            {
                continue;
            }

            string type = (string?)question.Attribute("type") ?? string.Empty;
            if (type == "category")
            {
                current = Category(question, manifestPack, PackFor);
                continue;
            }

            if (type != "essay")
            {
                diagnostics.Add(new Diagnostic(path, Line(question), Column(question), DiagnosticSeverity.Warning, AuthoringDiagnosticCodes.MoodleSkipped, $"skipped a '{type}' question: only essay questions are imported"));
                continue;
            }

            Question q;
            var source = question.Nodes().OfType<XComment>().FirstOrDefault(c => Payload(c, MoodleXmlExporter.SourceComment) is not null);
            if (source is not null)
            {
                try
                {
                    q = ReadQuestion(Payload(source, MoodleXmlExporter.SourceComment)!, At(path, question));
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    diagnostics.Add(Diagnostic.Error(At(path, source), AuthoringDiagnosticCodes.MoodleComment, "unreadable hrprep:source comment: " + DiagnosticText.OneLine(ex.Message)));
                    continue;
                }
            }
            else
            {
                current ??= Category(null, manifestPack, PackFor);
                q = FromVisibleFields(question, current.Value.Pack.Id, current.Value.Category, At(path, question));
            }

            if (seen.TryGetValue(q.Id, out var first))
            {
                diagnostics.Add(Diagnostic.Error(At(path, question), AuthoringDiagnosticCodes.MoodleDuplicateId, $"question id '{q.Id}' appears twice (first at line {first.Line}); every idnumber must be unique"));
                continue;
            }

            seen[q.Id] = q.Location;
            var pack = byId.TryGetValue(q.PackId, out var p) ? p : current?.Pack ?? PackFor(q.PackId, () => PackBuilder.Skeleton(q.PackId, q.PackId));
            pack.Questions.Add(pack.Id == q.PackId ? q : q with { PackId = pack.Id });
            pack.AddCategory(q.Category, q.Category, null);
        }

        return new MoodleImportResult([.. packs.Where(p => p.Questions.Count > 0).Select(p => p.Build())], [.. diagnostics]);
    }

    private static (PackBuilder, string) Category(XElement? question, PackBuilder? manifestPack, Func<string, Func<PackBuilder>, PackBuilder> packFor)
    {
        string path = question?.Element("category")?.Element("text")?.Value ?? "$course$/Imported/Imported";
        string idnumber = question?.Element("idnumber")?.Value.Trim() ?? string.Empty;
        var parts = SplitPath(path);
        string categoryTitle = parts.Count > 0 ? parts[^1] : "Imported";
        string packTitle = parts.Count > 1 ? parts[^2] : "Imported";
        int slash = idnumber.IndexOf('/', StringComparison.Ordinal);
        string packId = slash > 0 ? idnumber[..slash] : manifestPack?.Id ?? MarkdownImporter.Slug(packTitle);
        string categoryId = slash > 0 ? idnumber[(slash + 1)..] : MarkdownImporter.Slug(categoryTitle);
        var pack = packFor(packId, () => PackBuilder.Skeleton(packId, packTitle));
        string? description = question?.Element("info")?.Element("text")?.Value is { Length: > 0 } info ? SafeHtml.StripTags(info) : null;
        pack.AddCategory(categoryId, categoryTitle, description);
        return (pack, categoryId);
    }

    /// <summary>Splits a Moodle category path on single slashes (<c>//</c> is a literal slash) and drops <c>$course$</c>, <c>$system$</c>… and <c>top</c>.</summary>
    internal static List<string> SplitPath(string path)
    {
        var parts = new List<string>();
        var part = new System.Text.StringBuilder();
        for (int i = 0; i < path.Length; i++)
        {
            if (path[i] == '/' && i + 1 < path.Length && path[i + 1] == '/')
            {
                part.Append('/');
                i++;
            }
            else if (path[i] == '/')
            {
                parts.Add(part.ToString().Trim());
                part.Clear();
            }
            else
            {
                part.Append(path[i]);
            }
        }

        parts.Add(part.ToString().Trim());
        return parts.Where((p, i) => p.Length > 0 && !(i == 0 && p.StartsWith('$')) && !(i <= 1 && p == "top")).ToList();
    }

    private static Question FromVisibleFields(XElement e, string packId, string category, SourceLocation at)
    {
        string Text(string element) => e.Element(element)?.Element("text")?.Value ?? string.Empty;
        var tags = e.Element("tags")?.Elements("tag").Select(t => t.Element("text")?.Value.Trim() ?? string.Empty).Where(t => t.Length > 0).ToList() ?? [];
        string? Tag(string prefix) => tags.FirstOrDefault(t => t.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
        string name = Text("name").Trim();
        string id = e.Element("idnumber")?.Value.Trim() is { Length: > 0 } n ? n : MarkdownImporter.Slug(packId + " " + name);
        string prompt = SafeHtml.StripTags(Text("questiontext"));
        string answer = SafeHtml.StripTags(Text("graderinfo"));
        return new Question
        {
            Id = id,
            PackId = packId,
            Prompt = prompt.Length > 0 ? prompt : name,
            Category = category,
            Type = SchemaNames.TryParseType(Tag("type:"), out var type) ? type : QuestionType.RoleKnowledge,
            Level = SchemaNames.TryParseLevel(Tag("level:"), out var level) ? level : QuestionLevel.Mid,
            Origin = QuestionOrigin.Imported,
            Tags = [.. tags.Where(t => !t.StartsWith("type:", StringComparison.Ordinal) && !t.StartsWith("level:", StringComparison.Ordinal) && !t.StartsWith("category:", StringComparison.Ordinal))],
            Answer = new ModelAnswer(answer.Length > 0 ? answer : MarkdownImporter.PlaceholderAnswer, []),
            Location = at,
        };
    }

    private static Question ReadQuestion(string json, SourceLocation at)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        Scenario? scenario = null;
        if (r.TryGetProperty("scenario", out var s))
        {
            ScenarioTable? table = null;
            if (s.TryGetProperty("table", out var t))
            {
                table = new ScenarioTable(
                    OptionalString(t, "caption"),
                    Strings(t, "columns"),
                    [.. t.GetProperty("rows").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetString()!).ToImmutableArray())]);
            }

            scenario = new Scenario(s.GetProperty("text").GetString()!, table);
        }

        var answer = r.GetProperty("answer");
        return new Question
        {
            Id = r.GetProperty("id").GetString()!,
            PackId = r.GetProperty("pack").GetString()!,
            Prompt = r.GetProperty("prompt").GetString()!,
            Category = r.GetProperty("category").GetString()!,
            Type = SchemaNames.TryParseType(r.GetProperty("type").GetString(), out var type) ? type : throw new FormatException("unknown type"),
            Level = SchemaNames.TryParseLevel(r.GetProperty("level").GetString(), out var level) ? level : throw new FormatException("unknown level"),
            Origin = SchemaNames.TryParseOrigin(r.GetProperty("origin").GetString(), out var origin) ? origin : throw new FormatException("unknown origin"),
            Tags = Strings(r, "tags"),
            Scenario = scenario,
            Answer = new ModelAnswer(answer.GetProperty("summary").GetString()!, Strings(answer, "keyPoints")),
            FollowUps = Strings(r, "followUps"),
            LookFor = Strings(r, "lookFor"),
            RedFlags = Strings(r, "redFlags"),
            Jurisdiction = OptionalString(r, "jurisdiction"),
            Sources = [.. r.GetProperty("sources").EnumerateArray().Select(x => new SourceReference(x.GetProperty("title").GetString()!, OptionalString(x, "url")))],
            Related = Strings(r, "related"),
            LastVerified = OptionalString(r, "lastVerified") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            ReviewBy = OptionalString(r, "reviewBy") is { } rb ? DateOnly.ParseExact(rb, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Attribution = r.TryGetProperty("attribution", out var a) ? new PromptAttribution(a.GetProperty("title").GetString()!, OptionalString(a, "url")) : null,
            Location = at,
        };
    }

    private static QuestionPack ReadManifest(string json, SourceLocation at)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        return new QuestionPack
        {
            Id = r.GetProperty("id").GetString()!,
            Version = r.GetProperty("version").GetString()!,
            Title = r.GetProperty("title").GetString()!,
            Role = OptionalString(r, "role"),
            Description = OptionalString(r, "description"),
            Language = r.GetProperty("language").GetString()!,
            License = r.GetProperty("license").GetString()!,
            Authors = Strings(r, "authors"),
            Disclaimer = OptionalString(r, "disclaimer"),
            Homepage = OptionalString(r, "homepage"),
            Categories = [.. r.GetProperty("categories").EnumerateArray().Select(c => new Category(c.GetProperty("id").GetString()!, c.GetProperty("title").GetString()!, OptionalString(c, "description")))],
            Retired = Strings(r, "retired"),
            Questions = [],
            Location = at,
        };
    }

    private static ImmutableArray<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(x => x.GetString()!)] : [];

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The JSON after <paramref name="prefix"/> in a comment (white space around it allowed), or null.</summary>
    private static string? Payload(XComment comment, string prefix)
    {
        string value = comment.Value.Trim();
        return value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : null;
    }

    private static SourceLocation At(string path, XObject? node) => new(path, Line(node), Column(node));

    private static int Line(XObject? node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;

    private static int Column(XObject? node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LinePosition : 1;


    /// <summary>A pack being read: its manifest (from the comment, or a skeleton) and its questions.</summary>
    private sealed class PackBuilder(QuestionPack manifest, bool fromComment)
    {
        private readonly List<Category> categories = [.. manifest.Categories];

        public string Id => manifest.Id;

        public List<Question> Questions { get; } = [];

        public static PackBuilder Skeleton(string id, string title) => new(
            new QuestionPack { Id = id, Version = "0.1.0", Title = title, Language = "en", License = "NOASSERTION", Categories = [], Questions = [] },
            fromComment: false);

        /// <summary>Adds a category a skeleton manifest does not have yet (a manifest from the comment already lists its own).</summary>
        public void AddCategory(string id, string title, string? description)
        {
            if (!fromComment && !categories.Any(c => string.Equals(c.Id, id, StringComparison.Ordinal)))
            {
                categories.Add(new Category(id, title, description));
            }
        }

        public QuestionPack Build() => manifest with { Categories = [.. categories], Questions = [.. Questions] };
    }
}
