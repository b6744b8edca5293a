using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Packs.Yaml;

namespace HrPrep.Packs;

/// <summary>
/// One pack file as read and bound: its manifest, its questions (not yet checked against the pack's
/// categories and retired ids, see <see cref="PackReader.Assemble"/>) and its own diagnostics.
/// </summary>
/// <param name="Path">The file's path or name.</param>
/// <param name="Manifest">The file's valid <c>pack</c> manifest (without questions), or null.</param>
/// <param name="Questions">The file's valid questions, in file order; a question with any error is left out.</param>
/// <param name="Diagnostics">The file's problems (reading and binding), in the order found.</param>
public sealed record PackFile(string Path, QuestionPack? Manifest, ImmutableArray<Question> Questions, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The file's YAML tree when it was asked for (and the file could be parsed); otherwise null.</summary>
    public YamlNode? Root { get; init; }

    /// <summary>True when the file's document is a mapping.</summary>
    public bool IsMapping { get; init; }

    /// <summary>True when the file's document is a mapping with a <c>pack</c> key (valid or not).</summary>
    public bool DeclaresPack { get; init; }

    /// <summary>True when any of the file's own diagnostics is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Binds a YAML tree to the pack model: the one authority on what a valid pack file is. Every
/// problem is a located diagnostic (codes <c>PACK001</c>..<c>PACK013</c>); a question or manifest
/// with any error is left out of the result, never half-filled.
/// </summary>
public static class PackFileBinder
{
    private static readonly string[] RootKeys = ["pack", "questions"];
    private static readonly string[] PackKeys = ["id", "version", "title", "role", "description", "language", "license", "authors", "disclaimer", "homepage", "categories", "retired"];
    private static readonly string[] PackRequired = ["id", "version", "title", "language", "license", "categories"];
    private static readonly string[] CategoryKeys = ["id", "title", "description"];
    private static readonly string[] CategoryRequired = ["id", "title"];
    private static readonly string[] QuestionKeys = ["id", "prompt", "category", "type", "level", "origin", "tags", "scenario", "answer", "followUps", "lookFor", "redFlags", "jurisdiction", "sources", "related", "lastVerified", "reviewBy", "attribution"];
    private static readonly string[] QuestionRequired = ["id", "prompt", "category", "type", "level", "answer"];
    private static readonly string[] AnswerKeys = ["summary", "keyPoints"];
    private static readonly string[] AnswerRequired = ["summary"];
    private static readonly string[] ScenarioKeys = ["text", "table"];
    private static readonly string[] ScenarioRequired = ["text"];
    private static readonly string[] TableKeys = ["caption", "columns", "rows"];
    private static readonly string[] TableRequired = ["columns", "rows"];
    private static readonly string[] SourceKeys = ["title", "url"];
    private static readonly string[] SourceRequired = ["title"];
    private static readonly string[] AttributionKeys = ["title", "url"];
    private static readonly string[] AttributionRequired = ["title"];

    /// <summary>Binds one file's YAML read result; the result's diagnostics are the reader's followed by the binder's.</summary>
    /// <param name="read">The file as read by <see cref="SafeYamlReader"/>.</param>
    /// <param name="options">The limits (questions per file), or null for the defaults.</param>
    /// <param name="keepTree">Keep the YAML tree in <see cref="PackFile.Root"/>.</param>
    public static PackFile Bind(YamlReadResult read, YamlReaderOptions? options = null, bool keepTree = false)
    {
        ArgumentNullException.ThrowIfNull(read);
        options ??= YamlReaderOptions.Default;
        var diagnostics = new List<Diagnostic>(read.Diagnostics);
        var (manifest, questions) = Bind(read.Root, options, diagnostics);
        var map = read.Root as YamlMapping;
        return new PackFile(read.Path, manifest, questions, [.. diagnostics])
        {
            Root = keepTree ? read.Root : null,
            IsMapping = map is not null,
            DeclaresPack = map?.Get("pack") is not null,
        };
    }

    private static (QuestionPack? Manifest, ImmutableArray<Question> Questions) Bind(YamlNode? root, YamlReaderOptions options, List<Diagnostic> diagnostics)
    {
        var r = new NodeReader(diagnostics);
        if (root is null)
        {
            return (null, []);
        }

        if (root is YamlScalar { Kind: ScalarKind.Null })
        {
            r.Error(root.Start, DiagnosticCodes.EmptyFile, "the file is empty; a pack file holds a mapping with 'pack' and/or 'questions'");
            return (null, []);
        }

        if (root is not YamlMapping map)
        {
            r.Error(root.Start, DiagnosticCodes.WrongKind, $"a pack file must be a mapping with 'pack' and/or 'questions', found {root.KindName}");
            return (null, []);
        }

        r.Keys(map, "a pack file", RootKeys, []);
        if (map.Entries.Count == 0)
        {
            r.Error(map.Start, DiagnosticCodes.EmptyFile, "the file has neither 'pack' nor 'questions'");
        }

        QuestionPack? manifest = map.Get("pack") is { } packNode ? BindManifest(r, packNode) : null;
        var questions = ImmutableArray<Question>.Empty;
        if (map.Get("questions") is { } questionsNode)
        {
            var items = r.Items(questionsNode, "questions");
            if (items.Count > options.MaxQuestionsPerFile)
            {
                r.Error(questionsNode.Start, DiagnosticCodes.TooManyQuestions, string.Create(CultureInfo.InvariantCulture, $"the file has {items.Count} questions, over the limit of {options.MaxQuestionsPerFile}"));
            }
            else
            {
                var builder = ImmutableArray.CreateBuilder<Question>(items.Count);
                foreach (var item in items)
                {
                    if (BindQuestion(r, item, manifest?.Id ?? string.Empty) is { } q)
                    {
                        builder.Add(q);
                    }
                }

                questions = builder.DrainToImmutable();
            }
        }

        return (manifest, questions);
    }

    private static QuestionPack? BindManifest(NodeReader r, YamlNode node)
    {
        if (r.Mapping(node, "'pack'") is not { } m)
        {
            return null;
        }

        int before = r.Diagnostics.Count;
        r.Keys(m, "the pack manifest", PackKeys, PackRequired);
        string? id = r.Text(m.Get("id"), "id", pattern: Patterns.Id(), patternHint: Patterns.IdHint);
        string? version = r.Text(m.Get("version"), "version", pattern: Patterns.SemVer(), patternHint: Patterns.VersionHint);
        string? title = r.Text(m.Get("title"), "title");
        string? role = r.Text(m.Get("role"), "role");
        string? description = r.Text(m.Get("description"), "description");
        string? language = r.Text(m.Get("language"), "language", pattern: Patterns.Language(), patternHint: Patterns.LanguageHint);
        string? license = r.Text(m.Get("license"), "license", pattern: Patterns.License(), patternHint: Patterns.LicenseHint);
        var authors = r.TextList(m.Get("authors"), "authors");
        string? disclaimer = r.Text(m.Get("disclaimer"), "disclaimer");
        string? homepage = Url(r, m.Get("homepage"), "homepage", Patterns.Url(), Patterns.UrlHint);
        var retired = r.TextList(m.Get("retired"), "retired", Patterns.Id(), Patterns.IdHint, unique: true);

        var categoryIds = new HashSet<string>(StringComparer.Ordinal);
        var categoryItems = r.Items(m.Get("categories"), "categories");
        var categories = ImmutableArray.CreateBuilder<Category>(categoryItems.Count);
        if (m.Get("categories") is YamlSequence { Items.Count: 0 } emptyCategories)
        {
            r.Error(emptyCategories.Start, DiagnosticCodes.EmptyValue, "'categories' must list at least one category");
        }

        foreach (var item in categoryItems)
        {
            if (r.Mapping(item, "a category") is not { } cm)
            {
                continue;
            }

            r.Keys(cm, "a category", CategoryKeys, CategoryRequired);
            string? cid = r.Text(cm.Get("id"), "id", pattern: Patterns.Id(), patternHint: Patterns.IdHint);
            string? ctitle = r.Text(cm.Get("title"), "title");
            string? cdesc = r.Text(cm.Get("description"), "description");
            if (cid is not null && !categoryIds.Add(cid))
            {
                r.Error(cm.Get("id")!.Start, DiagnosticCodes.DuplicateId, $"category '{cid}' is declared more than once");
                continue;
            }

            if (cid is not null && ctitle is not null)
            {
                categories.Add(new Category(cid, ctitle, cdesc));
            }
        }

        if (r.Diagnostics.Count > before || id is null || version is null || title is null || language is null || license is null)
        {
            return null;
        }

        return new QuestionPack
        {
            Id = id,
            Version = version,
            Title = title,
            Role = role,
            Description = description,
            Language = language,
            License = license,
            Authors = authors,
            Disclaimer = disclaimer,
            Homepage = homepage,
            Categories = categories.DrainToImmutable(),
            Retired = retired,
            Questions = [],
            Location = m.Start,
        };
    }

    private static Question? BindQuestion(NodeReader r, YamlNode node, string packId)
    {
        if (r.Mapping(node, "a question") is not { } m)
        {
            return null;
        }

        int before = r.Diagnostics.Count;
        r.Keys(m, "a question", QuestionKeys, QuestionRequired);
        string? id = r.Text(m.Get("id"), "id", pattern: Patterns.Id(), patternHint: Patterns.IdHint);
        string? prompt = r.Text(m.Get("prompt"), "prompt");
        string? category = r.Text(m.Get("category"), "category", pattern: Patterns.Id(), patternHint: Patterns.IdHint);
        var type = r.Enum<QuestionType>(m.Get("type"), "type", SchemaNames.QuestionTypes, SchemaNames.TryParseType);
        var level = r.Enum<QuestionLevel>(m.Get("level"), "level", SchemaNames.Levels, SchemaNames.TryParseLevel);
        var origin = m.Get("origin") is { } originNode
            ? r.Enum<QuestionOrigin>(originNode, "origin", SchemaNames.Origins, SchemaNames.TryParseOrigin)
            : QuestionOrigin.Original;
        var tags = r.TextList(m.Get("tags"), "tags", Patterns.Tag(), Patterns.TagHint, unique: true);
        var scenario = m.Get("scenario") is { } scenarioNode ? BindScenario(r, scenarioNode) : null;
        var answer = m.Get("answer") is { } answerNode ? BindAnswer(r, answerNode) : null;
        var followUps = r.TextList(m.Get("followUps"), "followUps");
        var lookFor = r.TextList(m.Get("lookFor"), "lookFor");
        var redFlags = r.TextList(m.Get("redFlags"), "redFlags");
        string? jurisdiction = r.Text(m.Get("jurisdiction"), "jurisdiction", pattern: Patterns.Jurisdiction(), patternHint: Patterns.JurisdictionHint);
        var sourceItems = r.Items(m.Get("sources"), "sources");
        var sources = ImmutableArray.CreateBuilder<SourceReference>(sourceItems.Count);
        foreach (var item in sourceItems)
        {
            if (r.Mapping(item, "a source") is { } sm)
            {
                r.Keys(sm, "a source", SourceKeys, SourceRequired);
                string? title = r.Text(sm.Get("title"), "title");
                string? url = Url(r, sm.Get("url"), "url", Patterns.Url(), Patterns.UrlHint);
                if (title is not null)
                {
                    sources.Add(new SourceReference(title, url));
                }
            }
        }

        var related = r.TextList(m.Get("related"), "related", Patterns.Id(), Patterns.IdHint, unique: true);
        DateOnly? lastVerified = Date(r, m, "lastVerified");
        DateOnly? reviewBy = Date(r, m, "reviewBy");
        PromptAttribution? attribution = null;
        if (m.Get("attribution") is { } attributionNode && r.Mapping(attributionNode, "'attribution'") is { } am)
        {
            r.Keys(am, "'attribution'", AttributionKeys, AttributionRequired);
            string? title = r.Text(am.Get("title"), "title");
            string? url = Url(r, am.Get("url"), "url", Patterns.HttpsUrl(), Patterns.HttpsUrlHint);
            if (title is not null)
            {
                attribution = new PromptAttribution(title, url);
            }
        }

        if (r.Diagnostics.Count > before || id is null || prompt is null || category is null || type is null || level is null || origin is null || answer is null)
        {
            return null;
        }

        return new Question
        {
            Id = id,

            // A single-file pack's questions know their pack already, so assembling it copies none of them.
            PackId = packId,
            Prompt = prompt,
            Category = category,
            Type = type.Value,
            Level = level.Value,
            Origin = origin.Value,
            Tags = tags,
            Scenario = scenario,
            Answer = answer,
            FollowUps = followUps,
            LookFor = lookFor,
            RedFlags = redFlags,
            Jurisdiction = jurisdiction,
            Sources = sources.DrainToImmutable(),
            Related = related,
            LastVerified = lastVerified,
            ReviewBy = reviewBy,
            Attribution = attribution,
            Location = m.Start,
        };
    }

    /// <summary>Reads an optional URL: it must match the pattern and be a well-formed absolute URI (the schema's <c>format: uri</c>).</summary>
    private static string? Url(NodeReader r, YamlNode? node, string name, System.Text.RegularExpressions.Regex pattern, string hint)
    {
        if (r.Text(node, name, pattern: pattern, patternHint: hint) is not { } url)
        {
            return null;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return url;
        }

        r.Error(node!.Start, DiagnosticCodes.BadFormat, $"'{name}' value '{DiagnosticText.Shorten(url)}' is not a well-formed URL: {hint}");
        return null;
    }

    /// <summary>Reads an optional <c>YYYY-MM-DD</c> field that must also be a real calendar date.</summary>
    private static DateOnly? Date(NodeReader r, YamlMapping m, string name)
    {
        if (r.Text(m.Get(name), name, pattern: Patterns.Date(), patternHint: Patterns.DateHint) is not { } date)
        {
            return null;
        }

        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        r.Error(m.Get(name)!.Start, DiagnosticCodes.BadFormat, $"'{name}' value '{date}' is not a real date");
        return null;
    }

    private static ModelAnswer? BindAnswer(NodeReader r, YamlNode node)
    {
        if (r.Mapping(node, "'answer'") is not { } m)
        {
            return null;
        }

        r.Keys(m, "'answer'", AnswerKeys, AnswerRequired);
        string? summary = r.Text(m.Get("summary"), "summary");
        var keyPoints = r.TextList(m.Get("keyPoints"), "keyPoints");
        return summary is null ? null : new ModelAnswer(summary, keyPoints);
    }

    private static Scenario? BindScenario(NodeReader r, YamlNode node)
    {
        if (r.Mapping(node, "'scenario'") is not { } m)
        {
            return null;
        }

        r.Keys(m, "'scenario'", ScenarioKeys, ScenarioRequired);
        string? text = r.Text(m.Get("text"), "text");
        ScenarioTable? table = null;
        if (m.Get("table") is { } tableNode && r.Mapping(tableNode, "'table'") is { } tm)
        {
            r.Keys(tm, "'table'", TableKeys, TableRequired);
            string? caption = r.Text(tm.Get("caption"), "caption");
            var columns = r.TextList(tm.Get("columns"), "columns");
            if (tm.Get("columns") is YamlSequence { Items.Count: 0 } emptyColumns)
            {
                r.Error(emptyColumns.Start, DiagnosticCodes.EmptyValue, "'columns' must list at least one column");
            }

            var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
            if (tm.Get("rows") is YamlSequence { Items.Count: 0 } emptyRows)
            {
                r.Error(emptyRows.Start, DiagnosticCodes.EmptyValue, "'rows' must have at least one row");
            }

            foreach (var rowNode in r.Items(tm.Get("rows"), "rows"))
            {
                var cells = ImmutableArray.CreateBuilder<string>();
                foreach (var cell in r.Items(rowNode, "a table row"))
                {
                    if (cell is YamlScalar { Kind: ScalarKind.String or ScalarKind.Int or ScalarKind.Float } scalar)
                    {
                        cells.Add(scalar.Value);
                    }
                    else
                    {
                        r.Error(cell.Start, DiagnosticCodes.WrongKind, $"a table cell must be text or a number, found {cell.KindName}");
                    }
                }

                rows.Add(cells.ToImmutable());
            }

            table = new ScenarioTable(caption, columns, rows.ToImmutable());
        }

        return text is null ? null : new Scenario(text, table);
    }
}
