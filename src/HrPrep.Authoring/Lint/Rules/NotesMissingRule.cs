namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP204: no follow-ups, no "look for" signals and no red flags.</summary>
public sealed class NotesMissingRule() : LintRule(RuleDescriptors.NotesMissing)
{
    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Node.Get("followUps") is null && question.Node.Get("lookFor") is null && question.Node.Get("redFlags") is null)
        {
            context.Report(question.Location, $"question '{question.Id}' has no follow-ups, 'lookFor' signals or red flags");
        }
    }
}
