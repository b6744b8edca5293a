using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>
/// HP701: a question's <c>reviewBy</c> date has passed (error) or is at most <c>warnDays</c> days
/// away (warning). "Today" is <see cref="RuleContext.Today"/>: <c>lint --today</c>, the
/// <c>HRPREP_TODAY</c> environment variable, or the current UTC date.
/// </summary>
public sealed class ReviewDueRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP701";

    /// <inheritdoc />
    public override string Name => "review-due";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Sources;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Error;

    /// <inheritdoc />
    public override string Summary => "The question's 'reviewBy' date has passed (error) or is at most 'warnDays' days away (warning, default 30).";

    /// <inheritdoc />
    public override string Rationale => "'reviewBy' marks an answer that depends on law still changing (a pending commencement, a reported delay, a recent ruling). Once the date passes, the answer may be wrong and nobody has checked it. The warning gives time to re-check the facts against the primary sources, then update the answer and set a new 'reviewBy' (or remove it once the law has settled). Today is the --today option, else the HRPREP_TODAY environment variable, else the current UTC date. A severity configured for the rule applies to both cases.";

    /// <inheritdoc />
    public override string BadExample => "reviewBy: 2026-11-30   # linted on 2026-12-06: passed\nreviewBy: 2026-12-20   # linted on 2026-12-06: due in 14 days";

    /// <inheritdoc />
    public override string GoodExample => "lastVerified: 2026-12-06\nreviewBy: 2027-03-01   # re-checked today; next check once the regulations are made";

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
