using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Authoring.Lint.Text;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP201: the model answer is shorter than <c>minWords</c>.</summary>
public sealed class AnswerTooShortRule() : LintRule(RuleDescriptors.AnswerTooShort)
{
    /// <inheritdoc />
    public override ImmutableSortedDictionary<string, double> DefaultOptions { get; } =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("minWords", 50)]);

    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Answer?.Get("summary") is YamlScalar { Kind: ScalarKind.String } summary && !string.IsNullOrWhiteSpace(summary.Value))
        {
            int words = TextTools.WordCount(summary.Value);
            int min = (int)context.Option("minWords");
            if (words < min)
            {
                context.Report(summary, string.Create(CultureInfo.InvariantCulture, $"the model answer has {words} word{(words == 1 ? "" : "s")}; write at least {min}"));
            }
        }
    }
}
