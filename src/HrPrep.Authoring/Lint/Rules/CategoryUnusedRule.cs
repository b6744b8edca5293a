using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP102: a declared category that no question uses.</summary>
public sealed class CategoryUnusedRule() : LintRule(RuleDescriptors.CategoryUnused)
{
    /// <inheritdoc />
    public override void CheckWorkspace(LintWorkspace workspace, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(context);
        var used = workspace.Questions
            .Where(q => q.File.PackId is not null && q.Category is not null)
            .Select(q => (q.File.PackId!, q.Category!.Value))
            .ToHashSet();
        foreach (var file in workspace.Files)
        {
            if (file.Manifest is not { } manifest || file.PackId is null || (manifest.Get("id") as YamlScalar)?.Value != file.PackId)
            {
                continue;
            }

            foreach (var item in (manifest.Get("categories") as YamlSequence)?.Items ?? [])
            {
                if (item is YamlMapping c && c.Get("id") is YamlScalar id && !used.Contains((file.PackId, id.Value)))
                {
                    context.Report(id, $"category '{id.Value}' has no questions");
                }
            }
        }
    }
}
