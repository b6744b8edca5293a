namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP901: an inline suppression without a reason, without codes, or naming an unknown or reader code.</summary>
public sealed class SuppressionInvalidRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP901";

    /// <inheritdoc />
    public override string Name => "suppression-invalid";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Suppression;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Error;

    /// <inheritdoc />
    public override string Summary => "A '# hrprep-disable-next-line CODE -- reason' comment has no reason, no code, or a code that is unknown or cannot be suppressed (reader errors).";

    /// <inheritdoc />
    public override string Rationale => "A suppression is a reviewed exception: the reason tells the next editor why the finding is acceptable. Reader errors mean the pack cannot load and must be fixed, not silenced.";

    /// <inheritdoc />
    public override string BadExample => "# hrprep-disable-next-line HP302\nprompt: Can you describe ...?";

    /// <inheritdoc />
    public override string GoodExample => "# hrprep-disable-next-line HP302 -- the user's verbatim question\nprompt: Can you describe ...?";
}
