namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP902: an inline suppression that suppresses nothing.</summary>
public sealed class SuppressionUnusedRule() : LintRule(RuleDescriptors.SuppressionUnused)
{
}
