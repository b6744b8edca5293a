using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Authoring.Lint.Text;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP304: a prompt longer than <c>maxWords</c>.</summary>
public sealed class PromptTooLongRule() : LintRule(RuleDescriptors.PromptTooLong)
{
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
