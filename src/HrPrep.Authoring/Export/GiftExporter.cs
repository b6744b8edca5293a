using System.Text;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>
/// <c>gift</c>: Moodle's GIFT text format. One essay question per question
/// (<c>::title::[html]question{####[html]rubric}</c>), grouped under <c>$CATEGORY: $course$/pack/category</c>
/// lines; a comment line before each question carries <c>[id:…]</c> (Moodle's ID number) and
/// <c>[tag:…]</c> tags. GIFT has no grader-only field, so the rubric (model answer, key points, what to
/// listen for, red flags, follow-ups, sources) is flattened into the general feedback, which students
/// see after answering; <see cref="ExportOptions.Report"/> records that and every field dropped.
/// Text is escaped as GIFT defines: <c>\</c> before <c>~ = # { } :</c> and backslash, and line breaks
/// as <c>\n</c>, so every question is one line. UTF-8 without byte-order mark, LF line ends.
/// </summary>
public sealed class GiftExporter : IQuestionExporter
{
    /// <summary>The longest question name Moodle stores.</summary>
    public const int MaxTitle = 255;

    /// <inheritdoc/>
    public string Name => "gift";

    /// <inheritdoc/>
    public string Extension => ".gift.txt";

    /// <summary>What the export does with the rubric fields; also the report's wording.</summary>
    public const string Flattened = "flattened into the general feedback (GIFT has no grader information; students see it after answering)";

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var groups = StudyGroups.Of(source);
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine("// HrPrep interview questions as GIFT essay questions. Import in Moodle: Question bank > Import > GIFT format.");
        w.WriteLine("// Each question's general feedback holds its rubric: set the quiz's review options so students do not see it early.");
        foreach (var g in groups)
        {
            w.WriteLine();
            w.WriteLine("$CATEGORY: " + CategoryPath(g.Pack.Title, g.Category.Title));
            foreach (string text in OrderedBatches.Map(g.Questions, q => QuestionText(q, options.Report)))
            {
                w.WriteLine();
                w.WriteLine(text);
            }
        }
    }

    /// <summary>The category path: <c>$course$/pack title/category title</c>, a <c>/</c> inside a title doubled (Moodle's escape), on one line.</summary>
    public static string CategoryPath(string packTitle, string categoryTitle)
    {
        ArgumentNullException.ThrowIfNull(packTitle);
        ArgumentNullException.ThrowIfNull(categoryTitle);
        return "$course$/" + CategoryPart(packTitle) + "/" + CategoryPart(categoryTitle);
    }

    /// <summary>The tags of a question on the learning platforms: <c>level:L</c>, <c>type:T</c>, <c>category:C</c> and its own tags.</summary>
    public static IReadOnlyList<string> TagsFor(Question q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var tags = new List<string> { "level:" + q.Level.ToSchemaName(), "type:" + q.Type.ToSchemaName(), "category:" + q.Category };
        tags.AddRange(q.Tags.Select(PlatformHtml.Flat));
        return [.. tags.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The two lines of one question: the id/tag comment and the question itself.</summary>
    public static string QuestionText(Question q, ExportReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        var sb = new StringBuilder(1024);
        sb.Append("// [id:").Append(q.Id).Append(']');
        foreach (var tag in TagsFor(q))
        {
            if (tag.Contains(']', StringComparison.Ordinal))
            {
                report?.Add(q.Id, "tags", "with ']' dropped (GIFT tag comments cannot hold it)");
                continue;
            }

            sb.Append(" [tag:").Append(tag).Append(']');
        }

        sb.Append('\n');
        sb.Append("::").Append(Escape(PlatformHtml.Title(q, MaxTitle))).Append("::[html]");
        sb.Append(Escape(PlatformHtml.Question(q)));
        sb.Append("{####[html]").Append(Escape(PlatformHtml.Rubric(q))).Append('}');
        if (report is not null)
        {
            if (PlatformHtml.TitleCut(q, MaxTitle))
            {
                report.Add(q.Id, "prompt", $"cut to {MaxTitle} characters in the question name (the question text has it whole)");
            }

            report.AddPresent(q, Flattened, "answer.summary", "answer.keyPoints", "lookFor", "redFlags", "followUps", "sources", "jurisdiction");
            report.AddPresent(q, "dropped (GIFT has no field for it)", "origin", "related", "lastVerified", "reviewBy", "attribution");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Escapes text for GIFT: a backslash before <c>\ ~ = # { } :</c>, line breaks as <c>\n</c>
    /// (carriage returns dropped), so the text is one line and none of its characters is markup.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\' or '~' or '=' or '#' or '{' or '}' or ':':
                    sb.Append('\\').Append(c);
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\\~=#{}:\n\r");

    private static string CategoryPart(string title)
    {
        string flat = PlatformHtml.Flat(title).Replace("/", "//", StringComparison.Ordinal);
        return flat.Length == 0 ? "_" : flat;
    }
}
