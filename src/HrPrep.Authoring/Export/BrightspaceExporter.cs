using System.Globalization;
using CsvHelper;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>
/// <c>brightspace</c>: the Brightspace (D2L) Question Library CSV import. One written-response block
/// per question, every row four cells: <c>NewQuestion,WR</c>; <c>ID</c> (<c>pack.id</c>, stable);
/// <c>Title</c> (the prompt on one line); <c>QuestionText</c> (prompt and scenario, <c>HTML</c>);
/// <c>Points</c> 1; <c>Difficulty</c> from the level (entry 1, mid 3, senior 5); <c>InitialText</c>
/// (a STAR outline, behavioural questions only); <c>AnswerKey</c> (the whole rubric, <c>HTML</c>,
/// for graders); <c>Feedback</c> (model answer and key points, <c>HTML</c>, for learners after
/// grading). RFC 4180 quoting with CsvHelper, CRLF between rows, UTF-8 (a byte-order mark only with
/// <see cref="ExportOptions.Bom"/>); ID and Title get the CSV export's formula guard unless
/// <see cref="ExportOptions.Raw"/>.
/// </summary>
public sealed class BrightspaceExporter : IQuestionExporter
{
    /// <inheritdoc/>
    public string Name => "brightspace";

    /// <inheritdoc/>
    public string Extension => ".csv";

    /// <summary>Brightspace difficulty (1–5) of a level.</summary>
    public static int DifficultyFor(QuestionLevel level) => level switch
    {
        QuestionLevel.Entry => 1,
        QuestionLevel.Mid => 3,
        _ => 5,
    };

    /// <summary>The ID of a question: <c>pack.id</c>.</summary>
    public static string IdFor(Question q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return q.PackId + "." + q.Id;
    }

    /// <summary>The learner feedback: the model answer and the key points.</summary>
    public static string FeedbackFor(Question q)
    {
        ArgumentNullException.ThrowIfNull(q);
        string points = SafeHtml.List(q.Answer.KeyPoints);
        return "<h4>Model answer</h4>" + SafeHtml.Markdown(q.Answer.Summary) + (points.Length == 0 ? string.Empty : "<h4>Key points</h4>" + points);
    }

    /// <summary>The rows of one question, four cells each, before the formula guard.</summary>
    public static IReadOnlyList<string[]> Rows(Question q)
    {
        ArgumentNullException.ThrowIfNull(q);
        List<string[]> rows =
        [
            ["NewQuestion", "WR", string.Empty, string.Empty],
            ["ID", IdFor(q), string.Empty, string.Empty],
            ["Title", PlatformHtml.Title(q), string.Empty, string.Empty],
            ["QuestionText", PlatformHtml.Question(q), "HTML", string.Empty],
            ["Points", "1", string.Empty, string.Empty],
            ["Difficulty", DifficultyFor(q.Level).ToString(CultureInfo.InvariantCulture), string.Empty, string.Empty],
        ];
        if (q.Type == QuestionType.Behavioral)
        {
            rows.Add(["InitialText", "Situation:\nTask:\nAction:\nResult:", string.Empty, string.Empty]);
        }

        rows.Add(["AnswerKey", PlatformHtml.Rubric(q), "HTML", string.Empty]);
        rows.Add(["Feedback", FeedbackFor(q), "HTML", string.Empty]);
        return rows;
    }

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        using var csv = CsvWriter.Create(output, CsvExporter.WriterOptions(options.Bom), leaveOpen: true);
        WriteRow(csv, ["//HrPrep interview questions as Brightspace written-response questions: Question Library > Import > Upload a File", string.Empty, string.Empty, string.Empty]);
        foreach (var (q, rows) in OrderedBatches.Map(source.Questions, q => (q, Rows(q))))
        {
            foreach (var row in rows)
            {
                if (!options.Raw && row[0] is "ID" or "Title")
                {
                    row[1] = CsvExporter.Neutralise(row[1]);
                }

                WriteRow(csv, row);
            }

            if (options.Report is { } report)
            {
                if (PlatformHtml.TitleCut(q))
                {
                    report.Add(q.Id, "prompt", "cut to 255 characters in the title (the question text has it whole)");
                }

                report.AddPresent(q, "dropped (a Brightspace question has no field for it)", "origin", "related", "lastVerified", "reviewBy", "attribution", "tags");
                report.Add(q.Id, "category", "dropped (the CSV cannot name a Question Library section; import each category into its own section)");
                report.Add(q.Id, "type", "dropped (only the level is carried, as the difficulty)");
            }
        }

        csv.Flush();
    }

    private static void WriteRow(CsvWriter csv, string[] cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell);
        }

        csv.EndRecord();
    }
}
