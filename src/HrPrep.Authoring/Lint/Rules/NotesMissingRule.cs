namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP204: no follow-ups, no "look for" signals and no red flags.</summary>
public sealed class NotesMissingRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP204";

    /// <inheritdoc />
    public override string Name => "interviewer-notes-missing";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Completeness;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Info;

    /// <inheritdoc />
    public override string Summary => "The question has none of 'followUps', 'lookFor' and 'redFlags'.";

    /// <inheritdoc />
    public override string Rationale => "Interviewer notes are what turns a question list into interview practice: what to probe, what good sounds like and what should worry the panel.";

    /// <inheritdoc />
    public override string BadExample => "- id: q-1\n  prompt: ...\n  answer: {summary: ...}";

    /// <inheritdoc />
    public override string GoodExample => "- id: q-1\n  prompt: ...\n  answer: {summary: ...}\n  followUps: [What if the manager refuses?]\n  redFlags: [Skips the evidence]";

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
