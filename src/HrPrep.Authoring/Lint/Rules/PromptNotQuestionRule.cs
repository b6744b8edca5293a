using HrPrep.Authoring.Lint.Text;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP301: a prompt that is neither a question nor an instruction.</summary>
public sealed class PromptNotQuestionRule : LintRule
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
    public override string Code => "HP301";

    /// <inheritdoc />
    public override string Name => "prompt-not-a-question";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Quality;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override bool IsWordingRule => true;

    /// <inheritdoc />
    public override string Summary => "The prompt neither ends with '?' nor has an instruction (its first or last sentence starting with a verb such as Describe, Walk me through, Design).";

    /// <inheritdoc />
    public override string Rationale => "A prompt that is a bare topic ('Calibration meetings.') leaves the candidate guessing what is asked. Skipped for 'origin: brief' prompts, which are kept verbatim.";

    /// <inheritdoc />
    public override string BadExample => "prompt: Calibration meetings and their purpose.";

    /// <inheritdoc />
    public override string GoodExample => "prompt: What is the purpose of a calibration meeting?";

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
