using System.Text;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>
/// The HTML the learning-platform exports (GIFT, Moodle XML, QTI, Brightspace) put in their fields,
/// made with <see cref="SafeHtml"/> exactly as the Anki fields are: the prompt escaped, Markdown
/// rendered with raw HTML off, unsafe links neutralised.
/// </summary>
public static class PlatformHtml
{
    /// <summary>What the candidate sees: the prompt (a paragraph, line breaks kept) and the case study's scenario with its table.</summary>
    public static string Question(Question q)
    {
        ArgumentNullException.ThrowIfNull(q);
        string prompt = "<p>" + SafeHtml.EscapeLines(q.Prompt) + "</p>";
        return q.Scenario is null ? prompt : prompt + SafeHtml.Scenario(q.Scenario);
    }

    /// <summary>
    /// What the grader needs, in this order: model answer, key points, what to listen for, red flags,
    /// follow-up questions, the jurisdiction note and sources; each under an <c>h4</c> heading,
    /// sections without content left out.
    /// </summary>
    public static string Rubric(Question q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var sb = new StringBuilder(256);
        sb.Append("<h4>Model answer</h4>").Append(SafeHtml.Markdown(q.Answer.Summary));
        Section(sb, "Key points", SafeHtml.List(q.Answer.KeyPoints));
        Section(sb, "What to listen for", SafeHtml.List(q.LookFor));
        Section(sb, "Red flags", SafeHtml.List(q.RedFlags));
        Section(sb, "Follow-up questions", SafeHtml.List(q.FollowUps));
        if (q.Jurisdiction is { } j && !string.Equals(j, "global", StringComparison.Ordinal))
        {
            sb.Append("<p><em>Jurisdiction: ").Append(SafeHtml.Escape(j)).Append(". Study material, not legal advice.</em></p>");
        }

        Section(sb, "Sources", SafeHtml.Sources(q.Sources));
        return sb.ToString();
    }

    /// <summary>The title platforms show in their question lists: the prompt on one line, cut to <paramref name="max"/> characters (ending in "…" when cut).</summary>
    public static string Title(Question q, int max = 255)
    {
        ArgumentNullException.ThrowIfNull(q);
        string flat = Flat(q.Prompt);
        if (flat.Length <= max)
        {
            return flat;
        }

        int cut = max - 1;
        if (char.IsLowSurrogate(flat[cut]))
        {
            cut--;
        }

        return flat[..cut] + "…";
    }

    /// <summary>True when <see cref="Title"/> had to cut the prompt.</summary>
    internal static bool TitleCut(Question q, int max = 255) => Flat(q.Prompt).Length > max;

    /// <summary>Text on one line: runs of white space (line breaks included) become one space.</summary>
    internal static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Section(StringBuilder sb, string heading, string html)
    {
        if (html.Length > 0)
        {
            sb.Append("<h4>").Append(heading).Append("</h4>").Append(html);
        }
    }
}
