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
            if (file.ManifestId is null || file.PackId is null || file.ManifestId != file.PackId)
            {
                continue;
            }

            foreach (var category in file.ManifestCategories)
            {
                if (!used.Contains((file.PackId, category.Id)))
                {
                    context.Report(category.IdLocation, $"category '{category.Id}' has no questions");
                }
            }
        }
    }
}
