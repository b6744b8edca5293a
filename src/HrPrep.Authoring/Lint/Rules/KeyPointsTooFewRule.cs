using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP202: fewer key points than <c>minKeyPoints</c>.</summary>
public sealed class KeyPointsTooFewRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP202";

    /// <inheritdoc />
    public override string Name => "too-few-key-points";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Completeness;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override string Summary => "'answer.keyPoints' is missing or has fewer than 'minKeyPoints' points (default 2; the shipped packs use 4).";

    /// <inheritdoc />
    public override string Rationale => "Key points are the checklist an interviewer scores against and the flashcard back a candidate revises from; without them the answer cannot be checked.";

    /// <inheritdoc />
    public override string BadExample => "answer:\n  summary: ...\n  keyPoints: [Mentions SMART]";

    /// <inheritdoc />
    public override string GoodExample => "answer:\n  summary: ...\n  keyPoints:\n    - Links each goal to a named team outcome\n    - Uses learning goals for new or complex work";

    /// <inheritdoc />
    public override ImmutableSortedDictionary<string, double> DefaultOptions { get; } =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("minKeyPoints", 2)]);

    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Answer is not { } answer)
        {
            return;
        }

        int min = (int)context.Option("minKeyPoints");
        var node = answer.Get("keyPoints");
        int count = node is YamlSequence seq ? seq.Items.Count : 0;
        if (count < min)
        {
            var at = node ?? (YamlNode)answer;
            context.Report(at, node is null
                ? string.Create(CultureInfo.InvariantCulture, $"the answer has no key points; list at least {min}")
                : string.Create(CultureInfo.InvariantCulture, $"the answer has {count} key point{(count == 1 ? "" : "s")}; list at least {min}"));
        }
    }
}
