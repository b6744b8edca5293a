using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Authoring.Lint.Text;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP110: two prompts, in any of the linted packs, that ask nearly the same thing.</summary>
public sealed class NearDuplicateRule() : LintRule(RuleDescriptors.NearDuplicate)
{
    /// <inheritdoc />
    public override ImmutableSortedDictionary<string, double> DefaultOptions { get; } =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("threshold", 0.7), new("shingleSize", 2)]);

    /// <inheritdoc />
    public override void CheckWorkspace(LintWorkspace workspace, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(context);
        var prompts = workspace.Questions.Select(q => q.Prompt).Where(p => p is not null).Select(p => p!).ToList();
        var index = new NearDuplicateIndex(context.Option("threshold"), (int)context.Option("shingleSize"));
        var sets = new ulong[prompts.Count][];
        Parallel.For(0, prompts.Count, i => sets[i] = index.Shingles(prompts[i].Value));
        var matches = index.FindEarlierDuplicates(sets);
        for (int i = 0; i < matches.Length; i++)
        {
            var (other, similarity) = matches[i];
            if (other >= 0)
            {
                string how = similarity >= 0.999 ? "duplicates" : string.Create(CultureInfo.InvariantCulture, $"nearly duplicates ({similarity:P0} similar)");
                context.Report(prompts[i].Start, $"this prompt {how} an earlier one", prompts[other].Start, "other copy");
            }
        }
    }
}
