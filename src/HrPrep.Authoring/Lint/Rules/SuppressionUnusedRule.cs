namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP902: an inline suppression that suppresses nothing.</summary>
public sealed class SuppressionUnusedRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP902";

    /// <inheritdoc />
    public override string Name => "suppression-unused";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Suppression;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override string Summary => "A '# hrprep-disable-next-line' comment names a code that nothing on the next line reports.";

    /// <inheritdoc />
    public override string Rationale => "Stale suppressions hide future problems on that line and mislead readers; remove them once the text is fixed.";

    /// <inheritdoc />
    public override string BadExample => "# hrprep-disable-next-line HP302 -- verbatim\nprompt: How do you define performance?";

    /// <inheritdoc />
    public override string GoodExample => "prompt: How do you define performance?";
}
