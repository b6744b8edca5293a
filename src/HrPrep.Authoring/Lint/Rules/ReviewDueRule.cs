using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>
/// HP701: a question's <c>reviewBy</c> date has passed (error) or is at most <c>warnDays</c> days
/// away (warning). "Today" is <see cref="RuleContext.Today"/>: <c>lint --today</c>, the
/// <c>HRPREP_TODAY</c> environment variable, or the current UTC date.
/// </summary>
public sealed class ReviewDueRule() : LintRule(RuleDescriptors.ReviewDue)
{
    /// <inheritdoc />
    public override ImmutableSortedDictionary<string, double> DefaultOptions { get; } =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("warnDays", 30)]);

    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Text("reviewBy") is not { } node
            || !DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewBy))
        {
            return; // absent, or not a date: the reader reports that (PACK005)
        }

        int days = reviewBy.DayNumber - context.Today.DayNumber;
        string today = context.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (days < 0)
        {
            context.Report(node, string.Create(CultureInfo.InvariantCulture, $"reviewBy {node.Value} has passed ({-days} day{(days == -1 ? "" : "s")} before {today}); re-check the facts against the primary sources, update the answer and set a new reviewBy (or remove it if the law has settled)"), LintSeverity.Error);
        }
        else if (days <= (int)context.Option("warnDays"))
        {
            string when = days == 0 ? "is today" : string.Create(CultureInfo.InvariantCulture, $"is in {days} day{(days == 1 ? "" : "s")}");
            context.Report(node, $"reviewBy {node.Value} {when} (linted on {today}); re-check the facts against the primary sources before then", LintSeverity.Warning);
        }
    }
}
