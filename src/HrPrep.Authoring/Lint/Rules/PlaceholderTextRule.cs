using System.Text.RegularExpressions;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP203: placeholder text (TODO, TBD, FIXME, lorem ipsum, XXX) left in a question.</summary>
public sealed partial class PlaceholderTextRule() : LintRule(RuleDescriptors.PlaceholderText)
{
    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var text in question.AllText())
        {
            if (Find(text.Value) is { } found)
            {
                context.Report(text, $"placeholder text '{found}' left in the question");
            }
        }
    }

    /// <summary>The placeholder in a text, or null. A cheap ordinal pre-check keeps the regex off almost every text.</summary>
    public static string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
#if NET9_0_OR_GREATER
        // One vectorised case-insensitive search for every placeholder (a superset of what the regex accepts).
        if (span.IndexOfAny(Candidates) < 0)
        {
            return null;
        }
#else
        if (span.IndexOf("TODO", StringComparison.Ordinal) < 0 && span.IndexOf("TBD", StringComparison.Ordinal) < 0
            && span.IndexOf("FIXME", StringComparison.Ordinal) < 0 && span.IndexOf("XXX", StringComparison.Ordinal) < 0
            && span.IndexOf("???", StringComparison.Ordinal) < 0 && span.IndexOf("orem ipsum", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }
#endif

        return Placeholder().Match(text) is { Success: true } m ? m.Value : null;
    }

#if NET9_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<string> Candidates =
        System.Buffers.SearchValues.Create(["TODO", "TBD", "FIXME", "XXX", "???", "lorem ipsum"], StringComparison.OrdinalIgnoreCase);

#endif
    [GeneratedRegex(@"\b(TODO|TBD|FIXME|XXX)\b|(?i:\blorem ipsum\b)|\?\?\?", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
