using System.Globalization;
using CsvHelper;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>
/// <c>csv</c>: one row per question, RFC 4180 (comma, double quotes, CRLF between records) written
/// with CsvHelper, invariant culture, UTF-8 (a byte-order mark only with <see cref="ExportOptions.Bom"/>).
/// List fields hold one item per line (LF). Streams: one question at a time.
/// </summary>
/// <remarks>
/// Unless <see cref="ExportOptions.Raw"/> is set, a cell that starts with <c>= + - @</c>, a tab, a
/// carriage return or an apostrophe gets an apostrophe in front, so a spreadsheet shows it as text
/// instead of running it as a formula; <see cref="Restore"/> removes it again (lossless).
/// </remarks>
public sealed class CsvExporter : IQuestionExporter
{
    /// <summary>The columns in order.</summary>
    public static IReadOnlyList<string> Columns => CsvColumns.All;

    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public string Extension => ".csv";

    /// <summary>The CsvHelper writer options: RFC 4180, comma, CRLF, quotes when needed, invariant culture.</summary>
    public static CsvWriterOptions WriterOptions(bool bom) => CsvWriterOptions.Default with
    {
        FormatProvider = CultureInfo.InvariantCulture,
        NewLine = "\r\n",
        WriteByteOrderMark = bom,
    };

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        using var csv = CsvWriter.Create(output, WriterOptions(options.Bom), leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (var q in source.Questions)
        {
            foreach (var cell in Row(q, source.CategoryTitleOf(q)))
            {
                csv.WriteField(options.Raw ? cell : Neutralise(cell));
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    /// <summary>The cells of one question, in <see cref="Columns"/> order, before neutralising.</summary>
    public static IReadOnlyList<string> Row(Question q, string categoryTitle)
    {
        ArgumentNullException.ThrowIfNull(q);
        return
        [
            q.Id,
            q.PackId,
            q.Category,
            categoryTitle,
            q.Type.ToSchemaName(),
            q.Level.ToSchemaName(),
            q.Origin.ToSchemaName(),
            Lines(q.Tags),
            q.Prompt,
            q.Scenario?.Text ?? string.Empty,
            Table(q.Scenario?.Table),
            q.Answer.Summary,
            Lines(q.Answer.KeyPoints),
            Lines(q.FollowUps),
            Lines(q.LookFor),
            Lines(q.RedFlags),
            q.Jurisdiction ?? string.Empty,
            Lines(q.Sources.Select(s => s.Url is null ? s.Title : $"{s.Title} <{s.Url}>")),
            Lines(q.Related),
            q.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            q.ReviewBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            q.Attribution is { } a ? CsvColumns.FormatSource(a.Title, a.Url) : string.Empty,
        ];
    }

    /// <summary>Prefixes an apostrophe to a cell a spreadsheet would treat as a formula (or that starts with an apostrophe).</summary>
    public static string Neutralise(string cell) => CsvColumns.Guard(cell);

    /// <summary>Undoes <see cref="Neutralise"/> on a cell read back.</summary>
    public static string Restore(string cell) => CsvColumns.Unguard(cell);

    private static string Lines(IEnumerable<string> items) => string.Join('\n', items);

    private static string Table(ScenarioTable? table)
    {
        if (table is null)
        {
            return string.Empty;
        }

        var lines = new List<string>();
        if (table.Caption is not null)
        {
            lines.Add(CsvColumns.TableCaptionPrefix + table.Caption);
        }

        lines.Add(string.Join(CsvColumns.TableCellSeparator, table.Columns));
        lines.AddRange(table.Rows.Select(r => string.Join(CsvColumns.TableCellSeparator, r)));
        return string.Join('\n', lines);
    }
}
