using System.Globalization;
using System.Text;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>
/// <c>markdown</c>: a printable study guide. Questions are grouped by pack and category (in the
/// packs' category order, questions in export order), with a table of contents linking to each
/// category. Question text is Markdown already and is kept, except that raw HTML in it is turned into text; plain-text fields (prompts, titles,
/// tags) have Markdown punctuation escaped. UTF-8 without byte-order mark, LF line ends.
/// </summary>
public sealed class MarkdownExporter : IQuestionExporter
{
    /// <inheritdoc/>
    public string Name => "markdown";

    /// <inheritdoc/>
    public string Extension => ".md";

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        var groups = StudyGroups.Of(source);
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var packs = groups.Select(g => g.Pack).Distinct().ToList();
        string title = packs.Count == 1 ? packs[0].Title : "HR Prep";
        int total = groups.Sum(g => g.Questions.Count);
        w.WriteLine($"# {Text(title)}: study guide");
        w.WriteLine();
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} question{(total == 1 ? "" : "s")} from {string.Join(", ", packs.Select(p => $"{Text(p.Title)} {p.Version}"))}."));
        foreach (var p in packs.Where(p => p.Disclaimer is not null))
        {
            w.WriteLine();
            w.WriteLine($"> {Text(p.Disclaimer!)}");
        }

        w.WriteLine();
        w.WriteLine("## Contents");
        w.WriteLine();
        foreach (var g in groups)
        {
            string prefix = packs.Count == 1 ? string.Empty : Text(g.Pack.Title) + ": ";
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- [{prefix}{Text(g.Category.Title)}](#{g.Anchor}) ({g.Questions.Count})"));
        }

        int number = 0;
        foreach (var g in groups)
        {
            w.WriteLine();
            w.WriteLine($"## <a id=\"{g.Anchor}\"></a>{Text(g.Category.Title)}");
            if (g.Category.Description is { } description)
            {
                w.WriteLine();
                w.WriteLine($"*{Text(description)}*");
            }

            foreach (var q in g.Questions)
            {
                number++;
                w.WriteLine();
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### {number}. {Text(Flat(q.Prompt))}"));
                w.WriteLine();
                string tags = q.Tags.Length == 0 ? string.Empty : " · tags: " + string.Join(", ", q.Tags.Select(Text));
                w.WriteLine($"`{q.Id}` · {q.Level.ToSchemaName()} · {q.Type.ToSchemaName()}{tags}");
                if (q.Scenario is { } scenario)
                {
                    Section(w, "Scenario");
                    w.WriteLine(SafeHtml.NeutraliseRawHtml(scenario.Text.Trim()));
                    if (scenario.Table is { } table)
                    {
                        w.WriteLine();
                        if (table.Caption is not null)
                        {
                            w.WriteLine($"*{Text(table.Caption)}*");
                            w.WriteLine();
                        }

                        w.WriteLine("| " + string.Join(" | ", table.Columns.Select(Cell)) + " |");
                        w.WriteLine("|" + string.Concat(table.Columns.Select(_ => " --- |")));
                        foreach (var row in table.Rows)
                        {
                            w.WriteLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
                        }
                    }
                }

                Section(w, "Model answer");
                w.WriteLine(SafeHtml.NeutraliseRawHtml(q.Answer.Summary.Trim()));
                Bullets(w, "Key points", q.Answer.KeyPoints);
                Bullets(w, "Follow-up questions", q.FollowUps);
                Bullets(w, "What interviewers listen for", q.LookFor);
                Bullets(w, "Red flags", q.RedFlags);
                if (q.Jurisdiction is not null && !string.Equals(q.Jurisdiction, "global", StringComparison.Ordinal))
                {
                    w.WriteLine();
                    w.WriteLine($"*Jurisdiction: {Text(q.Jurisdiction)}. Study material, not legal advice.*");
                }

                Bullets(w, "Sources", q.Sources.Select(s => Link(s.Title, s.Url)), escape: false);
                if (q.Attribution is { } attribution)
                {
                    Bullets(w, "Prompt from", [Link(attribution.Title, attribution.Url)], escape: false);
                }
            }
        }
    }

    /// <summary>A Markdown link when the URL is safe, else the escaped title alone.</summary>
    private static string Link(string title, string? url) =>
        url is not null && SafeHtml.IsSafeUrl(url) ? $"[{Text(title)}](<{url.Replace(">", "%3E", StringComparison.Ordinal)}>)" : Text(title);

    private static void Section(TextWriter w, string heading)
    {
        w.WriteLine();
        w.WriteLine($"**{heading}**");
        w.WriteLine();
    }

    private static void Bullets(TextWriter w, string heading, IEnumerable<string> items, bool escape = false)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        Section(w, heading);
        foreach (var item in list)
        {
            w.WriteLine("- " + (escape ? Text(item) : SafeHtml.NeutraliseRawHtml(Flat(item))));
        }
    }

    private static string Flat(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim())).Trim();

    private static string Cell(string text) => Text(Flat(text)).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Escapes Markdown punctuation in plain text so it shows literally.</summary>
    internal static string Text(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in Flat(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!' or '&')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}

/// <summary>Questions grouped by pack and category, in the packs' category order.</summary>
/// <param name="Pack">The pack.</param>
/// <param name="Category">The category.</param>
/// <param name="Questions">The category's exported questions, in export order.</param>
internal sealed record StudyGroup(QuestionPack Pack, Category Category, List<Question> Questions)
{
    /// <summary>An HTML id for the group.</summary>
    public string Anchor => $"{Pack.Id}--{Category.Id}";
}

/// <summary>Builds <see cref="StudyGroup"/>s.</summary>
internal static class StudyGroups
{
    public static List<StudyGroup> Of(ExportSource source)
    {
        var byKey = new Dictionary<(string, string), List<Question>>();
        foreach (var q in source.Questions)
        {
            if (!byKey.TryGetValue((q.PackId, q.Category), out var list))
            {
                byKey[(q.PackId, q.Category)] = list = [];
            }

            list.Add(q);
        }

        var groups = new List<StudyGroup>();
        foreach (var pack in source.Bank.Packs)
        {
            foreach (var category in pack.Categories)
            {
                if (byKey.TryGetValue((pack.Id, category.Id), out var list))
                {
                    groups.Add(new StudyGroup(pack, category, list));
                }
            }
        }

        return groups;
    }
}
