using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HrPrep.Content;

namespace HrPrep.Authoring.Import;

/// <summary>Options of <see cref="MarkdownImporter"/>.</summary>
public sealed record MarkdownImportOptions
{
    /// <summary>The pack id; default: <see cref="MarkdownImporter.PackIdFor"/> of the role.</summary>
    public string? PackId { get; init; }

    /// <summary>The question id prefix; default: the pack id (ids <c>&lt;pack-id&gt;-001</c>, <c>-002</c>…).</summary>
    public string? IdPrefix { get; init; }

    /// <summary>The pack's BCP 47 language.</summary>
    public string Language { get; init; } = "en";

    /// <summary>
    /// The folder the page came from, recorded in the pack's title and description when the pack id
    /// was qualified by it (same role in several folders); null when not needed.
    /// </summary>
    public string? SourceFolder { get; init; }
}

/// <summary>A line the importer left out, and why.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Reason">Why it was left out (one of the <c>MarkdownImporter.Reason…</c> constants).</param>
/// <param name="Text">The line (repaired, trimmed).</param>
public sealed record SkippedLine(int Line, string Reason, string Text);

/// <summary>A question found on a page.</summary>
/// <param name="Line">1-based line of its number.</param>
/// <param name="Text">The prompt (emphasis markers removed, continuation lines joined).</param>
public sealed record ImportedPrompt(int Line, string Text);

/// <summary>What a Markdown page holds: title, role, description, questions and every line left out.</summary>
/// <param name="Title">The <c># Title</c>, or null when the page has none.</param>
/// <param name="Role">The title without "Interview Prep" and similar, or null without a title.</param>
/// <param name="Description">The description paragraphs, or null.</param>
/// <param name="Questions">The numbered questions in page order.</param>
/// <param name="Skipped">Every non-empty line that is neither structure, description nor question, with its reason.</param>
/// <param name="MojibakeRepaired">Whether any mojibake was repaired.</param>
public sealed record MarkdownPage(string? Title, string? Role, string? Description, ImmutableArray<ImportedPrompt> Questions, ImmutableArray<SkippedLine> Skipped, bool MojibakeRepaired);

/// <summary>The pack skeleton made from one Markdown page, and what was left out.</summary>
/// <param name="Pack">The pack skeleton.</param>
/// <param name="Skipped">Lines that were left out, with their reasons.</param>
/// <param name="MojibakeRepaired">Whether any mojibake was repaired.</param>
public sealed record MarkdownImportResult(QuestionPack Pack, ImmutableArray<SkippedLine> Skipped, bool MojibakeRepaired);

/// <summary>
/// Turns an interview-prep page (a <c># Title</c>, description paragraphs, <c>## Sample Questions</c>
/// with a numbered list, and promotional link sections) into a pack skeleton: role, description, the
/// questions as prompts with <c>origin: imported</c> and a placeholder model answer
/// (<see cref="PlaceholderAnswer"/>) that authors must replace. Mojibake is repaired first.
/// </summary>
/// <remarks>
/// Every numbered item under a questions heading (a heading containing "question"; on a page without
/// one, every numbered item outside promotional sections) is a question, whatever its words, unless the
/// whole item is a link (a call to action such as <c>[CLICK HERE …](…)</c>). Every other non-empty
/// line that is not a heading, the title or description is reported in <see cref="MarkdownPage.Skipped"/>.
/// </remarks>
public static partial class MarkdownImporter
{
    /// <summary>The model answer written for every imported question; lint's placeholder rule flags it.</summary>
    public const string PlaceholderAnswer = "TODO: write the model answer.";

    /// <summary>The licence of an imported pack until its authors set one (an SPDX special value).</summary>
    public const string UnknownLicense = "NOASSERTION";

    /// <summary>The longest pack id made from a role (leaves room for 13-digit question numbers in a 64-character id).</summary>
    public const int MaxPackIdLength = 50;

    /// <summary>Skip reason: a numbered item that is only a link (call to action).</summary>
    public const string ReasonLinkItem = "link item";

    /// <summary>Skip reason: a numbered item with no text.</summary>
    public const string ReasonEmptyItem = "empty item";

    /// <summary>Skip reason: a line (outside the questions) that is only a link.</summary>
    public const string ReasonLink = "link";

    /// <summary>Skip reason: a description line in promotional wording (never applied to questions).</summary>
    public const string ReasonPromotional = "promotional";

    /// <summary>Skip reason: a line in a promotional section (Explore Further, Connect with Us, …).</summary>
    public const string ReasonPromotionalSection = "promotional section";

    /// <summary>Skip reason: a numbered item outside the questions section of a page that has one.</summary>
    public const string ReasonItemOutsideQuestions = "numbered item outside the questions section";

    /// <summary>Skip reason: text in the questions section that is not part of a numbered item.</summary>
    public const string ReasonTextInQuestions = "text in the questions section";

    /// <summary>Skip reason: text after the questions (not part of the description).</summary>
    public const string ReasonTextAfterQuestions = "text after the questions";

    /// <summary>
    /// One or more links (Markdown, autolink or bare URL) with only symbols, punctuation or spaces
    /// around and between them. Non-backtracking: linear time on any item.
    /// </summary>
    private static readonly Regex LinkItem = new(@"^[^\p{L}\p{N}\[<]*(?:(?:\[[^\]]*\]\([^)\s]*\)|<https?://[^>\s]+>|https?://\S+)[^\p{L}\p{N}\[<]*)+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly string[] PromotionalSections = ["explore further", "connect with us", "ready to elevate", "about us", "contact"];

    /// <summary>
    /// Words and phrases of promotional text and footers. They decide only whether a description line
    /// or a section is promotional; a question is never judged by them (the property tests put them
    /// into questions).
    /// </summary>
    internal static readonly ImmutableArray<string> PromotionalVocabulary =
    [
        "click here", "CLICK HERE FOR MORE QUESTIONS", "visit", "Visit", "follow us", "Follow us", "ready to elevate", "Ready to Elevate",
        "welcome to", "Welcome to", "this resource", "this repository", "stay updated", "Stay updated", "extensive question bank",
        "subscribe", "sign up", "for more", "For more", "explore further", "Explore Further", "connect with us", "Connect with Us",
        "about us", "contact", "interview tips", "more resources", "[our site](https://example.org)", "https://example.org/jobs",
    ];

    /// <summary>Imports one page.</summary>
    /// <exception cref="FormatException">The page has no title or no numbered questions, or an id would be too long.</exception>
    public static MarkdownImportResult Import(string markdown, MarkdownImportOptions? options = null)
    {
        var page = Parse(markdown);
        return new MarkdownImportResult(BuildPack([page], options), page.Skipped, page.MojibakeRepaired);
    }

    /// <summary>Reads a page: title, role, description, questions and every line left out.</summary>
    public static MarkdownPage Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string repaired = MojibakeRepair.Repair(markdown);
        return new PageParser(repaired).Run(!ReferenceEquals(repaired, markdown));
    }

    /// <summary>
    /// The pack of one page, or of several pages of the same role merged (questions in page order).
    /// </summary>
    /// <exception cref="FormatException">No page has a title or a question, or a question id would be longer than 64 characters.</exception>
    public static QuestionPack BuildPack(IReadOnlyList<MarkdownPage> pages, MarkdownImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        options ??= new MarkdownImportOptions();
        var first = pages.FirstOrDefault(p => p.Role is not null) ?? throw new FormatException("the page has no '# Title' line");
        int count = pages.Sum(p => p.Questions.Length);
        if (count == 0)
        {
            throw new FormatException("the page has no numbered questions ('1. ...')");
        }

        string role = first.Role!;
        string packId = options.PackId ?? PackIdFor(role);
        string prefix = options.IdPrefix ?? packId;
        string last = QuestionId(prefix, count);
        if (last.Length > 64)
        {
            throw new FormatException($"question id '{last}' would be longer than 64 characters; choose a shorter pack id or prefix");
        }

        var questions = ImmutableArray.CreateBuilder<Question>(count);
        foreach (var prompt in pages.SelectMany(p => p.Questions))
        {
            questions.Add(new Question
            {
                Id = QuestionId(prefix, questions.Count + 1),
                PackId = packId,
                Prompt = prompt.Text,
                Category = "imported",
                Type = GuessType(prompt.Text),
                Level = QuestionLevel.Mid,
                Origin = QuestionOrigin.Imported,
                Answer = new ModelAnswer(PlaceholderAnswer, []),
            });
        }

        var descriptions = pages.Select(p => p.Description).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (options.SourceFolder is { } folder)
        {
            descriptions.Add($"Imported from the folder '{folder}'.");
        }

        return new QuestionPack
        {
            Id = packId,
            Version = "0.1.0",
            Title = options.SourceFolder is null ? role : $"{role} ({options.SourceFolder})",
            Role = role,
            Description = descriptions.Count == 0 ? null : string.Join("\n\n", descriptions),
            Language = options.Language,
            License = UnknownLicense,
            Categories = [new Category("imported", "Imported questions", "Questions imported from a Markdown page; review each one, write its model answer and move it to a real category.")],
            Questions = questions.MoveToImmutable(),
        };
    }

    /// <summary>
    /// The id of the <paramref name="number"/>th imported question: <c>&lt;prefix&gt;-001</c>…<c>-999</c>,
    /// then <c>-1000</c> and wider: a question keeps its id however many follow it.
    /// </summary>
    public static string QuestionId(string prefix, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number:D3}");

    /// <summary>
    /// The pack id for a role: <see cref="Slug"/> without its length cut, and when longer than
    /// <see cref="MaxPackIdLength"/>, cut and ended with a hash of the whole slug (so two long roles
    /// that share a beginning still get different ids).
    /// </summary>
    public static string PackIdFor(string role) => Fit(FullSlug(role), MaxPackIdLength);

    /// <summary>
    /// A pack id qualified by folder names (nearest last), e.g. <c>finance</c> + <c>data-analyst</c> →
    /// <c>finance-data-analyst</c>; cut to <see cref="MaxPackIdLength"/> like <see cref="PackIdFor"/>.
    /// </summary>
    public static string QualifiedPackId(IEnumerable<string> folders, string role)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(role);
        return Fit(FullSlug(string.Join(' ', folders.Append(role))), MaxPackIdLength);
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
        string slug = FullSlug(text);
        return slug.Length > 64 ? slug[..64].TrimEnd('-') : slug;
    }

    private static string FullSlug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string folded = HrPrep.Packs.Text.TextNormalizer.Fold(text.ToLowerInvariant());
        string slug = NonAlnum().Replace(folded, "-").Trim('-');
        return slug.Length == 0 || !char.IsAsciiLetterLower(slug[0]) ? "imported" + (slug.Length == 0 ? string.Empty : "-" + slug) : slug;
    }

    private static string Fit(string slug, int max)
    {
        if (slug.Length <= max)
        {
            return slug;
        }

        uint hash = 2166136261;
        foreach (char c in slug)
        {
            hash = (hash ^ c) * 16777619;
        }

        string suffix = (hash & 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture);
        return slug[..(max - 7)].TrimEnd('-') + "-" + suffix;
    }

    /// <summary>Whether the whole item is one or more links (a call to action), with only symbols around them.</summary>
    internal static bool IsLinkOnly(string text) => LinkItem.IsMatch(MarkdownEmphasis().Replace(text, string.Empty).Trim());

    private static bool IsPromotionalSection(string heading) => PromotionalSections.Any(p => heading.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static bool IsQuestionsHeading(string heading) => heading.Contains("question", StringComparison.OrdinalIgnoreCase) && !IsPromotionalSection(heading);

    private static string CleanHeading(string heading) => LeadingSymbols().Replace(heading.Trim(), string.Empty).Trim();

    private static string StripMarkdown(string text) => MarkdownEmphasis().Replace(text, string.Empty).Trim();

    private enum Section
    {
        Preamble,
        Questions,
        After,
        Promotional,
    }

    /// <summary>One pass over a page's lines; every non-empty line ends up in exactly one place.</summary>
    private sealed class PageParser(string text)
    {
        private readonly List<string> _lines = [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')];
        private readonly ImmutableArray<SkippedLine>.Builder _skipped = ImmutableArray.CreateBuilder<SkippedLine>();
        private readonly ImmutableArray<ImportedPrompt>.Builder _questions = ImmutableArray.CreateBuilder<ImportedPrompt>();
        private readonly List<string> _description = [];
        private readonly StringBuilder _paragraph = new();
        private readonly StringBuilder _item = new();
        private readonly List<int> _itemLines = [];
        private bool _itemAfterBlank;
        private bool _seenItem;

        public MarkdownPage Run(bool repaired)
        {
            int titleIndex = _lines.FindIndex(l => l.TrimStart().StartsWith("# ", StringComparison.Ordinal));
            bool hasQuestionsHeading = _lines.Where((l, i) => i != titleIndex).Any(l => l.TrimStart() is { } t && t.StartsWith('#') && IsQuestionsHeading(CleanHeading(t.TrimStart('#'))));
            string? title = null;
            var section = Section.Preamble;
            for (int n = 0; n < _lines.Count; n++)
            {
                string raw = _lines[n];
                string line = raw.Trim();
                if (line.Length == 0)
                {
                    EndParagraph();
                    _itemAfterBlank = _itemLines.Count > 0;
                    continue;
                }

                if (line.StartsWith('#'))
                {
                    EndItem();
                    EndParagraph();
                    if (title is null && line.StartsWith("# ", StringComparison.Ordinal))
                    {
                        title = CleanHeading(line[2..]);
                        continue;
                    }

                    string heading = CleanHeading(line.TrimStart('#'));
                    if (IsPromotionalSection(heading))
                    {
                        section = Section.Promotional;
                        Skip(n, ReasonPromotionalSection, line);
                    }
                    else if (IsQuestionsHeading(heading))
                    {
                        section = Section.Questions;
                    }
                    else if (section != Section.Preamble || _seenItem)
                    {
                        section = Section.After;
                    }

                    continue;
                }

                if (section == Section.Promotional)
                {
                    EndItem();
                    Skip(n, ReasonPromotionalSection, line);
                    continue;
                }

                bool questionArea = section == Section.Questions || (!hasQuestionsHeading && section != Section.Promotional);
                var item = NumberedItem().Match(line);
                if (item.Success)
                {
                    EndItem();
                    EndParagraph();
                    if (questionArea)
                    {
                        _seenItem = true;
                        _item.Append(item.Groups[1].Value.Trim());
                        _itemLines.Add(n);
                        _itemAfterBlank = false;
                    }
                    else
                    {
                        Skip(n, ReasonItemOutsideQuestions, line);
                    }

                    continue;
                }

                // A line right below an item, or indented below it after a blank line, continues it.
                if (_itemLines.Count > 0 && (!_itemAfterBlank || (raw.Length > 0 && char.IsWhiteSpace(raw[0]))))
                {
                    _item.Append(_itemAfterBlank ? "\n\n" : " ").Append(line);
                    _itemLines.Add(n);
                    _itemAfterBlank = false;
                    continue;
                }

                EndItem();
                if (section == Section.Questions)
                {
                    Skip(n, ReasonTextInQuestions, line);
                }
                else if (section == Section.After || _seenItem)
                {
                    Skip(n, ReasonTextAfterQuestions, line);
                }
                else if (Promotional().IsMatch(line) || LinkOnly().IsMatch(line))
                {
                    Skip(n, LinkOnly().IsMatch(line) ? ReasonLink : ReasonPromotional, line);
                }
                else
                {
                    if (_paragraph.Length > 0)
                    {
                        _paragraph.Append(' ');
                    }

                    _paragraph.Append(line);
                }
            }

            EndItem();
            EndParagraph();
            string? role = title is null ? null : RoleSuffix().Replace(title, string.Empty).Trim() is { Length: > 0 } r ? r : title;
            return new MarkdownPage(title, role, _description.Count == 0 ? null : string.Join("\n\n", _description), _questions.ToImmutable(), _skipped.ToImmutable(), repaired);
        }

        private void Skip(int index, string reason, string line) => _skipped.Add(new SkippedLine(index + 1, reason, line));

        private void EndParagraph()
        {
            if (_paragraph.Length > 0)
            {
                _description.Add(_paragraph.ToString());
                _paragraph.Clear();
            }
        }

        private void EndItem()
        {
            if (_itemLines.Count == 0)
            {
                return;
            }

            string itemText = _item.ToString();
            string prompt = StripMarkdown(itemText);
            string? reason = prompt.Length == 0 ? ReasonEmptyItem : IsLinkOnly(itemText) ? ReasonLinkItem : null;
            if (reason is null)
            {
                _questions.Add(new ImportedPrompt(_itemLines[0] + 1, prompt));
            }
            else
            {
                foreach (int n in _itemLines)
                {
                    Skip(n, reason, _lines[n].Trim());
                }
            }

            _item.Clear();
            _itemLines.Clear();
            _itemAfterBlank = false;
        }
    }

    [GeneratedRegex(@"^\d+[.)](?:\s+(.*))?$", RegexOptions.CultureInvariant)]
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
