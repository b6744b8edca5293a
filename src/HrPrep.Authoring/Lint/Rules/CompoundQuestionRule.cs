using System.Text.RegularExpressions;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP303: a prompt that asks two questions at once.</summary>
public sealed partial class CompoundQuestionRule() : LintRule(RuleDescriptors.CompoundQuestion)
{
    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Prompt is not { } prompt)
        {
            return;
        }

        string text = Quoted().Replace(prompt.Value, "\"\"");
        int marks = text.AsSpan().Count('?');
        if (marks > 1)
        {
            context.Report(prompt, "the prompt asks more than one question; keep one and move the others to 'followUps'");
        }
        else if (Joined().Match(text) is { Success: true } m)
        {
            context.Report(prompt, $"the prompt joins a second question ('{m.Value.Trim()}'); keep one and move the other to 'followUps'");
        }
    }

    [GeneratedRegex(@"""[^""]*""|\u201C[^\u201D]*\u201D", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[,;]?\s\b(and|or)\s+(how|what|why|when|where|which|who)\s+(do|does|did|would|will|should|could|can|is|are)\s+(you|they|we)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Joined();
}
