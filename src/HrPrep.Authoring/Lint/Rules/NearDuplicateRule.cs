using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Authoring.Lint.Text;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP110: two prompts, in any of the linted packs, that ask nearly the same thing.</summary>
public sealed class NearDuplicateRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP110";

    /// <inheritdoc />
    public override string Name => "near-duplicate";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Duplicates;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override string Summary => "Two prompts across all linted packs are near-duplicates (Jaccard similarity of their word shingles at or above 'threshold').";

    /// <inheritdoc />
    public override string Rationale => "Duplicates waste a candidate's practice time and skew sampling. Prompts are case- and accent-folded, split into words, cut into shingles of 'shingleSize' words and compared with MinHash/LSH, so the pass stays linear on large libraries. The finding is on the later copy and names the earlier one.";

    /// <inheritdoc />
    public override string BadExample => "- prompt: How do you make sure performance goals align with company objectives?\n- prompt: How do you make sure that performance goals align with the company objectives?";

    /// <inheritdoc />
    public override string GoodExample => "- prompt: How do you make sure performance goals align with company objectives?\n- prompt: How would you rebalance a leadership team's goals that are all financial?";

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
