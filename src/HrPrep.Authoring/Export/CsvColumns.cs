namespace HrPrep.Authoring.Export;

/// <summary>
/// The columns of the CSV export, in order: the one place both the exporter and
/// <c>import csv</c> take them from. List fields (keyPoints, followUps, lookFor, redFlags, tags,
/// related, sources) hold one item per line; a source is <c>title &lt;url&gt;</c> (or just the title).
/// <c>answer</c> is the model answer summary. A cell the exporter guarded against formula injection
/// starts with an apostrophe before <c>= + - @</c>, tab, carriage return or apostrophe; the importer removes it.
/// </summary>
public static class CsvColumns
{
    /// <summary>Question id.</summary>
    public const string Id = "id";

    /// <summary>Pack id.</summary>
    public const string Pack = "pack";

    /// <summary>Category id.</summary>
    public const string Category = "category";

    /// <summary>Category title (informative on export; used as the title of categories an import creates).</summary>
    public const string CategoryTitle = "category_title";

    /// <summary>Case-study scenario text (Markdown), empty for other questions.</summary>
    public const string Scenario = "scenario";

    /// <summary>Case-study data table: an optional first line <c>Caption: …</c>, then the header and the rows, cells joined by <c> | </c>.</summary>
    public const string ScenarioTable = "scenario_table";

    /// <summary>Question type (schema name).</summary>
    public const string Type = "type";

    /// <summary>Level (schema name).</summary>
    public const string Level = "level";

    /// <summary>Origin (schema name).</summary>
    public const string Origin = "origin";

    /// <summary>The prompt.</summary>
    public const string Prompt = "prompt";

    /// <summary>The model answer summary.</summary>
    public const string Answer = "answer";

    /// <summary>Key points, one per line.</summary>
    public const string KeyPoints = "key_points";

    /// <summary>Follow-ups, one per line.</summary>
    public const string FollowUps = "follow_ups";

    /// <summary>What interviewers listen for, one per line.</summary>
    public const string LookFor = "look_for";

    /// <summary>Red flags, one per line.</summary>
    public const string RedFlags = "red_flags";

    /// <summary>Tags, one per line.</summary>
    public const string Tags = "tags";

    /// <summary>Jurisdiction.</summary>
    public const string Jurisdiction = "jurisdiction";

    /// <summary>Sources, one per line as <c>title &lt;url&gt;</c>.</summary>
    public const string Sources = "sources";

    /// <summary>Related ids, one per line.</summary>
    public const string Related = "related";

    /// <summary>Date last verified (YYYY-MM-DD).</summary>
    public const string LastVerified = "last_verified";

    /// <summary>Date to re-check the facts by (YYYY-MM-DD).</summary>
    public const string ReviewBy = "review_by";

    /// <summary>Where the prompt comes from, as <c>title &lt;url&gt;</c> (or just the title), like a source.</summary>
    public const string Attribution = "attribution";

    /// <summary>Every column in export order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Id, Pack, Category, CategoryTitle, Type, Level, Origin, Tags, Prompt, Scenario, ScenarioTable, Answer, KeyPoints, FollowUps, LookFor, RedFlags, Jurisdiction, Sources, Related, LastVerified, ReviewBy, Attribution];

    /// <summary>The separator of cells in <see cref="ScenarioTable"/> lines.</summary>
    public const string TableCellSeparator = " | ";

    /// <summary>The prefix of the caption line in <see cref="ScenarioTable"/>.</summary>
    public const string TableCaptionPrefix = "Caption: ";

    /// <summary>The columns an import needs.</summary>
    public static IReadOnlyList<string> Required { get; } = [Id, Pack, Category, Type, Level, Prompt, Answer];

    /// <summary>The characters a spreadsheet treats as the start of a formula; the exporter prefixes such cells with an apostrophe.</summary>
    /// <remarks>An apostrophe itself is guarded too, so that guarding is lossless.</remarks>
    public static IReadOnlyList<char> FormulaStarts { get; } = ['=', '+', '-', '@', '\t', '\r', '\''];

    /// <summary>The separator of items in list cells.</summary>
    public const char ListSeparator = '\n';

    /// <summary>Formats a source as <c>title &lt;url&gt;</c>, or the title alone.</summary>
    public static string FormatSource(string title, string? url) => url is null ? title : $"{title} <{url}>";

    /// <summary>Parses a <c>title &lt;url&gt;</c> line.</summary>
    public static (string Title, string? Url) ParseSource(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string t = line;
        if (t.EndsWith('>'))
        {
            int open = t.LastIndexOf(" <", StringComparison.Ordinal);
            if (open > 0)
            {
                return (t[..open], t[(open + 2)..^1]);
            }
        }

        return (t, null);
    }

    /// <summary>Removes the apostrophe a formula-injection guard put before <c>= + - @</c>, tab or CR.</summary>
    public static string Unguard(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length >= 2 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;
    }

    /// <summary>Prefixes an apostrophe when a cell starts with a formula character (the exporter's guard).</summary>
    public static string Guard(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 0 && FormulaStarts.Contains(cell[0]) ? "'" + cell : cell;
    }
}
