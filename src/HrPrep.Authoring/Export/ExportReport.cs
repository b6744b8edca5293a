using System.Globalization;
using System.Text;

namespace HrPrep.Authoring.Export;

/// <summary>
/// What an export could not carry as it is: fields a format drops or flattens, counted per field with
/// the first question ids. Exporters add to it when <see cref="ExportOptions.Report"/> is set; safe to
/// fill from several threads.
/// </summary>
public sealed class ExportReport
{
    /// <summary>How many question ids each line keeps as examples.</summary>
    public const int ExampleCount = 5;

    private readonly object gate = new();
    private readonly SortedDictionary<(string Field, string What), Entry> entries = new();

    /// <summary>One field the format dropped or flattened.</summary>
    /// <param name="Field">The question field (schema name, e.g. <c>redFlags</c>).</param>
    /// <param name="What">What happened to it, e.g. "dropped" or "flattened into general feedback".</param>
    /// <param name="Count">How many questions had a value in the field.</param>
    /// <param name="Examples">The first question ids (at most <see cref="ExampleCount"/>), in export order.</param>
    public sealed record Line(string Field, string What, int Count, IReadOnlyList<string> Examples);

    /// <summary>The lines, sorted by field, then by what happened.</summary>
    public IReadOnlyList<Line> Lines
    {
        get
        {
            lock (gate)
            {
                return [.. entries.Select(e => new Line(e.Key.Field, e.Key.What, e.Value.Count, [.. e.Value.Examples]))];
            }
        }
    }

    /// <summary>True when nothing was reported.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (gate)
            {
                return entries.Count == 0;
            }
        }
    }

    /// <summary>Records that question <paramref name="questionId"/> had <paramref name="field"/> and the format did <paramref name="what"/> with it.</summary>
    public void Add(string questionId, string field, string what)
    {
        ArgumentNullException.ThrowIfNull(questionId);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(what);
        lock (gate)
        {
            if (!entries.TryGetValue((field, what), out var entry))
            {
                entries[(field, what)] = entry = new Entry();
            }

            entry.Count++;
            if (entry.Examples.Count < ExampleCount)
            {
                entry.Examples.Add(questionId);
            }
        }
    }

    /// <summary>The report as text, one line per field: <c>FORMAT: FIELD WHAT: N questions (ids…)</c>; empty when nothing was reported.</summary>
    public string ToText(string format)
    {
        var sb = new StringBuilder();
        foreach (var line in Lines)
        {
            string more = line.Count > line.Examples.Count ? ", …" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"{format}: {line.Field} {line.What}: {line.Count} question{(line.Count == 1 ? "" : "s")} ({string.Join(", ", line.Examples)}{more})").Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Records every non-empty field of <paramref name="q"/> in <paramref name="fields"/> with the same outcome.</summary>
    internal void AddPresent(HrPrep.Content.Question q, string what, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (QuestionFields.Has(q, field))
            {
                Add(q.Id, field, what);
            }
        }
    }

    private sealed class Entry
    {
        public int Count { get; set; }

        public List<string> Examples { get; } = [];
    }
}

/// <summary>Tells whether a question has a value in a field, by schema name.</summary>
internal static class QuestionFields
{
    public static bool Has(HrPrep.Content.Question q, string field) => field switch
    {
        "scenario" => q.Scenario is not null,
        "scenario.table" => q.Scenario?.Table is not null,
        "tags" => q.Tags.Length > 0,
        "followUps" => q.FollowUps.Length > 0,
        "lookFor" => q.LookFor.Length > 0,
        "redFlags" => q.RedFlags.Length > 0,
        "answer.keyPoints" => q.Answer.KeyPoints.Length > 0,
        "jurisdiction" => q.Jurisdiction is not null,
        "sources" => q.Sources.Length > 0,
        "related" => q.Related.Length > 0,
        "lastVerified" => q.LastVerified is not null,
        "reviewBy" => q.ReviewBy is not null,
        "attribution" => q.Attribution is not null,
        "origin" => true,
        "type" => true,
        "level" => true,
        "answer.summary" => true,
        "prompt" => true,
        _ => throw new ArgumentException($"unknown field '{field}'", nameof(field)),
    };
}
