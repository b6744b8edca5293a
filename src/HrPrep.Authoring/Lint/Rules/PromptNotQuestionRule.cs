using HrPrep.Authoring.Lint.Text;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP301: a prompt that is neither a question nor an instruction.</summary>
public sealed class PromptNotQuestionRule() : LintRule(RuleDescriptors.PromptNotQuestion)
{
    /// <summary>Verbs that open an instruction prompt ("Walk me through...", "Design...").</summary>
    internal static readonly HashSet<string> ImperativeVerbs = new(StringComparer.Ordinal)
    {
        "advise", "analyse", "analyze", "assess", "build", "calculate", "compare", "consider", "contrast", "create", "critique",
        "decide", "define", "describe", "design", "discuss", "draft", "estimate", "evaluate", "explain", "give", "identify",
        "imagine", "interpret", "justify", "list", "map", "name", "outline", "plan", "prepare", "present", "prioritise",
        "prioritize", "propose", "rank", "recommend", "review", "rewrite", "set", "share", "show", "sketch", "sort", "state",
        "suggest", "summarise", "summarize", "take", "talk", "tell", "turn", "use", "walk", "work", "write",
    };

    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Prompt is not { } prompt)
        {
            return;
        }

        string text = prompt.Value.TrimEnd().TrimEnd('"', '\'', '\u201D', '\u2019', ')');
        if (text.Length == 0 || text.EndsWith('?') || ImperativeVerbs.Contains(TextTools.FirstWord(text)))
        {
            return;
        }

        // A situation followed by an instruction: "A manager ... . Map this calendar against ...".
        int lastStop = text.TrimEnd('.', '!', ' ').LastIndexOfAny(['.', '!', '?']);
        if (lastStop > 0 && ImperativeVerbs.Contains(TextTools.FirstWord(text[(lastStop + 1)..])))
        {
            return;
        }

        context.Report(prompt, "the prompt is not a question (end it with '?') or an instruction (start with a verb such as Describe or Walk me through)");
    }
}
