using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Authoring.Lint.Text;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP201: the model answer is shorter than <c>minWords</c>.</summary>
public sealed class AnswerTooShortRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP201";

    /// <inheritdoc />
    public override string Name => "answer-too-short";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Completeness;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override string Summary => "The model answer ('answer.summary') has fewer than 'minWords' words (default 50; the shipped packs use 150).";

    /// <inheritdoc />
    public override string Rationale => "A one-line model answer teaches nothing: a candidate needs the reasoning, an example and the trade-off an interviewer listens for.";

    /// <inheritdoc />
    public override string BadExample => "answer:\n  summary: Use SMART goals.";

    /// <inheritdoc />
    public override string GoodExample => "answer:\n  summary: |\n    I work from the strategy down and from teams up... (150-300 words with an example and a trade-off)";

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
