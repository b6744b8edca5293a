using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Content;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP601: a category with far fewer or far more questions than the pack's average.</summary>
public sealed class CategoryBalanceRule() : LintRule(RuleDescriptors.CategoryBalance)
{
    /// <inheritdoc />
    public override ImmutableSortedDictionary<string, double> DefaultOptions { get; } =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("ratio", 3)]);

    /// <inheritdoc />
    public override void CheckWorkspace(LintWorkspace workspace, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(context);
        double ratio = Math.Max(1, context.Option("ratio"));

        // The first file with each path (built on first need: a search per pack was quadratic in the packs).
        Dictionary<string, LintFile>? fileByPath = null;
        foreach (var pack in workspace.Packs)
        {
            if (pack.Manifest.Categories.Length < 2 || pack.Questions.Length == 0)
            {
                continue;
            }

            var counts = pack.Questions.GroupBy(q => q.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            double mean = (double)pack.Questions.Length / pack.Manifest.Categories.Length;
            if (fileByPath is null)
            {
                fileByPath = new Dictionary<string, LintFile>(StringComparer.Ordinal);
                foreach (var f in workspace.Files)
                {
                    fileByPath.TryAdd(f.Path, f);
                }
            }

            var nodes = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var c in fileByPath.GetValueOrDefault(pack.Manifest.Location.Path)?.ManifestCategories ?? [])
            {
                nodes.TryAdd(c.Id, c.Location);
            }

            foreach (var category in pack.Manifest.Categories)
            {
                int n = counts.GetValueOrDefault(category.Id);
                if (n == 0 || (n >= mean / ratio && n <= mean * ratio))
                {
                    continue;
                }

                var at = nodes.TryGetValue(category.Id, out var node) ? node : pack.Manifest.Location;
                string side = n < mean / ratio ? "few" : "many";
                context.Report(at, string.Create(CultureInfo.InvariantCulture, $"category '{category.Id}' has {n} question{(n == 1 ? "" : "s")}, too {side} against the pack's average of {mean:0.#}"));
            }
        }
    }
}
