using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HrPrep.Content;

namespace HrPrep.Authoring.Import;

/// <summary>Options of <see cref="MarkdownImporter"/>.</summary>
public sealed record MarkdownImportOptions
{
    /// <summary>The pack id; default: the role in lower-case words joined by hyphens.</summary>
    public string? PackId { get; init; }

    /// <summary>The question id prefix; default: the initials of the role (e.g. <c>hpms</c>).</summary>
    public string? IdPrefix { get; init; }

    /// <summary>The pack's BCP 47 language.</summary>
    public string Language { get; init; } = "en";
}

/// <summary>A line the importer left out, and why.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Reason">Why it was left out.</param>
/// <param name="Text">The line (repaired).</param>
public sealed record SkippedLine(int Line, string Reason, string Text);

/// <summary>The pack skeleton made from one Markdown page, and what was left out.</summary>
/// <param name="Pack">The pack skeleton.</param>
/// <param name="Skipped">Promotional and link lines that were ignored.</param>
/// <param name="MojibakeRepaired">Whether any mojibake was repaired.</param>
public sealed record MarkdownImportResult(QuestionPack Pack, ImmutableArray<SkippedLine> Skipped, bool MojibakeRepaired);

/// <summary>
/// Turns an interview-prep page (a <c># Title</c>, description paragraphs, <c>## Sample Questions</c>
/// with a numbered list, and promotional link sections) into a pack skeleton: role, description, the
/// questions as prompts with <c>origin: imported</c> and a placeholder model answer
/// (<see cref="PlaceholderAnswer"/>) that authors must replace. Mojibake is repaired first;
/// promotional and link lines are skipped.
/// </summary>
public static partial class MarkdownImporter
{
    /// <summary>The model answer written for every imported question; lint's placeholder rule flags it.</summary>
    public const string PlaceholderAnswer = "TODO: write the model answer.";

    /// <summary>The licence of an imported pack until its authors set one (an SPDX special value).</summary>
    public const string UnknownLicense = "NOASSERTION";

    private static readonly string[] PromotionalSections = ["explore further", "connect with us", "ready to elevate", "about us", "contact"];

    /// <summary>Imports one page.</summary>
    /// <exception cref="FormatException">The page has no title or no numbered questions.</exception>
    public static MarkdownImportResult Import(string markdown, MarkdownImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        options ??= new MarkdownImportOptions();
        string repaired = MojibakeRepair.Repair(markdown);
        var lines = repaired.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var skipped = ImmutableArray.CreateBuilder<SkippedLine>();
        string? title = null;
        var description = new List<string>();
        var paragraph = new StringBuilder();
        var prompts = new List<string>();
        bool inPromoSection = false;
        bool seenQuestions = false;

        void EndParagraph()
        {
            if (paragraph.Length > 0 && !seenQuestions)
            {
                description.Add(paragraph.ToString());
            }

            paragraph.Clear();
        }

        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0)
            {
                EndParagraph();
                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal) && title is null)
            {
                EndParagraph();
                title = CleanHeading(line[2..]);
                continue;
            }

            if (line.StartsWith('#'))
            {
                EndParagraph();
                string heading = CleanHeading(line.TrimStart('#'));
                inPromoSection = PromotionalSections.Any(p => heading.StartsWith(p, StringComparison.OrdinalIgnoreCase));
                if (inPromoSection)
                {
                    skipped.Add(new SkippedLine(n + 1, "promotional section", line));
                }

                continue;
            }

            if (inPromoSection)
            {
                skipped.Add(new SkippedLine(n + 1, "promotional section", line));
                continue;
            }

            var item = NumberedItem().Match(line);
            string text = item.Success ? item.Groups[1].Value.Trim() : line;
            if (Promotional().IsMatch(text) || LinkOnly().IsMatch(text))
            {
                skipped.Add(new SkippedLine(n + 1, LinkOnly().IsMatch(text) ? "link" : "promotional", line));
                continue;
            }

            if (item.Success)
            {
                EndParagraph();
                seenQuestions = true;
                prompts.Add(StripMarkdown(text));
                continue;
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append(' ');
            }

            paragraph.Append(line);
        }

        EndParagraph();
        if (title is null)
        {
            throw new FormatException("the page has no '# Title' line");
        }

        if (prompts.Count == 0)
        {
            throw new FormatException("the page has no numbered questions ('1. ...')");
        }

        string role = RoleSuffix().Replace(title, string.Empty).Trim();
        if (role.Length == 0)
        {
            role = title;
        }

        string packId = options.PackId ?? Slug(role);
        string prefix = options.IdPrefix ?? Initials(role);
        var questions = prompts.Select((p, i) => new Question
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-imported-{i + 1:D3}"),
            PackId = packId,
            Prompt = p,
            Category = "imported",
            Type = GuessType(p),
            Level = QuestionLevel.Mid,
            Origin = QuestionOrigin.Imported,
            Answer = new ModelAnswer(PlaceholderAnswer, []),
        }).ToImmutableArray();

        var pack = new QuestionPack
        {
            Id = packId,
            Version = "0.1.0",
            Title = role,
            Role = role,
            Description = description.Count == 0 ? null : string.Join("\n\n", description),
            Language = options.Language,
            License = UnknownLicense,
            Categories = [new Category("imported", "Imported questions", "Questions imported from a Markdown page; review each one, write its model answer and move it to a real category.")],
            Questions = questions,
        };
        return new MarkdownImportResult(pack, skipped.ToImmutable(), !ReferenceEquals(repaired, markdown));
    }

    /// <summary>
    /// The question type guessed from the prompt: behavioral for past experience ("tell me about a
    /// time", "what experience do you have", "have you ever"), situational for hypotheticals ("what
    /// would you do", "how would you handle"), otherwise role-knowledge.
    /// </summary>
    public static QuestionType GuessType(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        string p = prompt.ToLowerInvariant();
        if (p.Contains("tell me about a time", StringComparison.Ordinal) || p.Contains("what experience do you have", StringComparison.Ordinal)
            || p.Contains("have you ever", StringComparison.Ordinal) || p.Contains("describe a time", StringComparison.Ordinal) || p.Contains("give an example", StringComparison.Ordinal))
        {
            return QuestionType.Behavioral;
        }

        if (p.Contains("what would you do", StringComparison.Ordinal) || p.Contains("how would you handle", StringComparison.Ordinal) || p.StartsWith("imagine", StringComparison.Ordinal) || p.StartsWith("suppose", StringComparison.Ordinal))
        {
            return QuestionType.Situational;
        }

        return QuestionType.RoleKnowledge;
    }

    /// <summary>Lower-case ASCII words joined by single hyphens (at most 64 characters), e.g. <c>hr-performance-management-specialist</c>.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string folded = HrPrep.Content.Querying.TextNormalizer.Fold(text.ToLowerInvariant());
        string slug = NonAlnum().Replace(folded, "-").Trim('-');
        if (slug.Length > 64)
        {
            slug = slug[..64].TrimEnd('-');
        }

        return slug.Length == 0 || !char.IsAsciiLetterLower(slug[0]) ? "imported" + (slug.Length == 0 ? string.Empty : "-" + slug).TrimEnd('-') : slug;
    }

    private static string Initials(string role)
    {
        var words = Slug(role).Split('-', StringSplitOptions.RemoveEmptyEntries);
        string initials = string.Concat(words.Select(w => w[0]));
        return initials.Length >= 2 && char.IsAsciiLetterLower(initials[0]) ? initials : Slug(role).Split('-')[0];
    }

    private static string CleanHeading(string heading) => LeadingSymbols().Replace(heading.Trim(), string.Empty).Trim();

    private static string StripMarkdown(string text) => MarkdownEmphasis().Replace(text, string.Empty).Trim();

    [GeneratedRegex(@"^\d{1,3}[.)]\s+(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"click here|^visit\b|follow us|ready to elevate|^welcome to\b|\bthis (resource|repository)\b|stay updated|extensive question bank|subscribe|sign up|^for more\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Promotional();

    [GeneratedRegex(@"^\[[^\]]*\]\([^)]*\)[.!]?$|^<?https?://\S+>?$", RegexOptions.CultureInvariant)]
    private static partial Regex LinkOnly();

    [GeneratedRegex(@"\s*(interview (prep|preparation|questions)|interview guide)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RoleSuffix();

    [GeneratedRegex(@"^[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSymbols();

    [GeneratedRegex(@"\*\*|__", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownEmphasis();

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonAlnum();
}
