using System.Text.RegularExpressions;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP302: a prompt that opens as a yes/no question ("Can you...", "Do you...").</summary>
public sealed partial class YesNoOpenerRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP302";

    /// <inheritdoc />
    public override string Name => "yes-no-opener";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Quality;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override bool IsWordingRule => true;

    /// <inheritdoc />
    public override string Summary => "The prompt opens like a yes/no question: Can you, Could you, Do you, Did you, Have you, Are you, Is there, Would you...";

    /// <inheritdoc />
    public override string Rationale => "'Can you describe...?' invites 'yes' and softens the question; an open 'How...' or 'Describe...' asks for the answer you want. Skipped for 'origin: brief' prompts, which are kept verbatim.";

    /// <inheritdoc />
    public override string BadExample => "prompt: Can you describe the steps involved in designing a performance process?";

    /// <inheritdoc />
    public override string GoodExample => "prompt: What steps are involved in designing a performance process?";

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
