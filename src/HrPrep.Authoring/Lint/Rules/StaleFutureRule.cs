using System.Globalization;
using System.Text.RegularExpressions;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>
/// HP703: forward-looking legal wording ("expected from 2027", "will come into force", "is expected
/// to apply", "from 1 January 2027"...) in a question that has no <c>reviewBy</c>. Checked texts:
/// prompt, answer summary, key points, follow-ups, lookFor and red flags. Phrases are matched
/// case-insensitively on whole words (see <see cref="Phrases"/>); a date phrase counts only when its
/// year is later than today's.
/// </summary>
public sealed partial class StaleFutureRule() : LintRule(RuleDescriptors.StaleFuture)
{
    /// <summary>The documented phrase patterns, in the order they are tried (docs/lint-rules.md and <c>--explain</c> list them).</summary>
    public static IReadOnlyList<string> Phrases { get; } =
    [
        "expected from|in|by [early|mid-|late|the start of|the end of] [day] [month] YEAR (any year)",
        "expected to apply|commence|come into force|come into effect|take effect",
        "will come into force|effect / will enter into force|effect",
        "will commence",
        "is|are due to come into force|come into effect|commence|apply|take effect",
        "not yet in force|commenced / yet to commence|come into force|come into effect|take effect",
        "from|in|until [early|mid-|late|the start of|the end of] [day] [month] YEAR, when YEAR is after today's year",
    ];

    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Node.Get("reviewBy") is not null)
        {
            return;
        }

        if (question.Prompt is { } prompt)
        {
            Check(prompt, "prompt", context);
        }

        if (question.Answer is { } answer)
        {
            if (answer.Get("summary") is YamlScalar { Kind: ScalarKind.String } summary)
            {
                Check(summary, "answer", context);
            }

            foreach (var point in QuestionNode.TextItems(answer.Get("keyPoints")))
            {
                Check(point, "key point", context);
            }
        }

        foreach (var (key, what) in new[] { ("followUps", "follow-up"), ("lookFor", "lookFor item"), ("redFlags", "red flag") })
        {
            foreach (var item in QuestionNode.TextItems(question.Node.Get(key)))
            {
                Check(item, what, context);
            }
        }
    }

    /// <summary>The first forward-looking phrase in a text (relative to <paramref name="today"/>), or null.</summary>
    /// <remarks>Cheap checks keep the regexes off almost every text: the fixed phrases need one of their key words, the date phrases a year after today's.</remarks>
    public static string? Find(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (MayHaveFixedPhrase(text) && Fixed().Match(text) is { Success: true } m)
        {
            return m.Value;
        }

        if (HasYearAfter(text, today.Year))
        {
            foreach (Match d in FutureDate().Matches(text))
            {
                if (int.Parse(d.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture) > today.Year)
                {
                    return d.Value;
                }
            }
        }

        return null;
    }

    /// <summary>True when a text contains a key word every fixed phrase needs (a superset of what the regex accepts).</summary>
    private static bool MayHaveFixedPhrase(string text)
    {
#if NET9_0_OR_GREATER
        return text.AsSpan().IndexOfAny(KeyWords) >= 0;
#else
        foreach (string word in KeyWordList)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
#endif
    }

    /// <summary>True when the text holds a 4-digit number from 1900 to 2099 that is later than <paramref name="year"/> (whole digit runs only).</summary>
    private static bool HasYearAfter(string text, int year)
    {
        var span = text.AsSpan();
        int i;
        while ((i = span.IndexOfAnyInRange('0', '9')) >= 0)
        {
            span = span[i..];
            int run = span.IndexOfAnyExceptInRange('0', '9');
            if (run < 0)
            {
                run = span.Length;
            }

            if (run == 4 && (span[0] == '1' ? span[1] == '9' : span[0] == '2' && span[1] == '0'))
            {
                int value = ((span[0] - '0') * 1000) + ((span[1] - '0') * 100) + ((span[2] - '0') * 10) + (span[3] - '0');
                if (value > year)
                {
                    return true;
                }
            }

            span = span[run..];
        }

        return false;
    }

    private static readonly string[] KeyWordList = ["expected", "into force", "into effect", "commence", "due to", "yet"];
#if NET9_0_OR_GREATER

    private static readonly System.Buffers.SearchValues<string> KeyWords = System.Buffers.SearchValues.Create(KeyWordList, StringComparison.OrdinalIgnoreCase);
#endif

    private static void Check(YamlScalar text, string what, RuleContext context)
    {
        if (Find(text.Value, context.Today) is { } phrase)
        {
            context.Report(text, $"the {what} says '{Normalise(phrase)}' but the question has no reviewBy; state what is in force today, or add 'reviewBy: YYYY-MM-DD' (when to re-check)");
        }
    }

    private static string Normalise(string phrase) => Spaces().Replace(phrase, " ");

    private const string DatePart = @"(?:(?:early|late|mid)[\s-]+|the\s+(?:start|end)\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?<year>(?:19|20)\d\d)\b";

    [GeneratedRegex(@"\bexpected\s+(?:(?:from|in|by)\s+" + DatePart + @"|to\s+(?:apply|commence|come\s+into\s+(?:force|effect)|take\s+effect)\b)|\bwill\s+(?:(?:come|enter)\s+into\s+(?:force|effect)|commence)\b|\b(?:is|are)\s+due\s+to\s+(?:come\s+into\s+(?:force|effect)|commence|apply|take\s+effect)\b|\bnot\s+yet\s+(?:in\s+force|commenced)\b|\byet\s+to\s+(?:commence|come\s+into\s+(?:force|effect)|take\s+effect)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Fixed();

    [GeneratedRegex(@"\b(?:from|in|until)\s+" + DatePart, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FutureDate();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
