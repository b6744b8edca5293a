using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Authoring.Lint.Text;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP304: a prompt longer than <c>maxWords</c>.</summary>
public sealed class PromptTooLongRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP304";

    /// <inheritdoc />
    public override string Name => "prompt-too-long";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Quality;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override bool IsWordingRule => true;

    /// <inheritdoc />
    public override string Summary => "The prompt has more than 'maxWords' words (default 60).";

    /// <inheritdoc />
    public override string Rationale => "A prompt is spoken aloud; a long one belongs in 'scenario', which exports show as the case to read. Skipped for 'origin: brief' prompts.";

    /// <inheritdoc />
    public override string BadExample => "prompt: A company of 3,000 people in four countries with an annual cycle ... (80 words) ... What do you do?";

    /// <inheritdoc />
    public override string GoodExample => "prompt: What would you advise the HR director in this case?\nscenario:\n  text: A company of 3,000 people in four countries...";

    /// <inheritdoc />
    public override ImmutableSortedDictionary<string, double> DefaultOptions { get; } =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("maxWords", 60)]);

    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        int max = (int)context.Option("maxWords");
        if (question.Prompt is { } prompt && TextTools.WordCount(prompt.Value) is var words && words > max)
        {
            context.Report(prompt, string.Create(CultureInfo.InvariantCulture, $"the prompt has {words} words; keep it under {max} and move the situation into 'scenario'"));
        }
    }
}
