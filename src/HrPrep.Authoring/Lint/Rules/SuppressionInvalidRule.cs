namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP901: an inline suppression without a reason, without codes, or naming an unknown or reader code.</summary>
public sealed class SuppressionInvalidRule() : LintRule(RuleDescriptors.SuppressionInvalid)
{
}
