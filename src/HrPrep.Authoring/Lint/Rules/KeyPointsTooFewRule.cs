using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP202: fewer key points than <c>minKeyPoints</c>.</summary>
public sealed class KeyPointsTooFewRule() : LintRule(RuleDescriptors.KeyPointsTooFew)
{
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
