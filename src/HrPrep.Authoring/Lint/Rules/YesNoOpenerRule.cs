using System.Text.RegularExpressions;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP302: a prompt that opens as a yes/no question ("Can you...", "Do you...").</summary>
public sealed partial class YesNoOpenerRule() : LintRule(RuleDescriptors.YesNoOpener)
{
    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Prompt is { } prompt && Opener().Match(prompt.Value) is { Success: true } m)
        {
            context.Report(prompt, $"the prompt opens with '{m.Value.Trim()}', which invites a yes/no answer; ask an open question (How, What, Why, Describe...)");
        }
    }

    [GeneratedRegex(@"^\s*[""'\u201C]?(can|could|do|does|did|have|has|had|is|are|was|were|will|would|should|shall|may|might)\s+(you|we|they|i|he|she|it|there|this|that|your)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opener();
}
