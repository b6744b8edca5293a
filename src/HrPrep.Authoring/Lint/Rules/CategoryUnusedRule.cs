using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP102: a declared category that no question uses.</summary>
public sealed class CategoryUnusedRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP102";

    /// <inheritdoc />
    public override string Name => "category-unused";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Identity;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override string Summary => "Every category a pack declares should hold at least one question.";

    /// <inheritdoc />
    public override string Rationale => "An empty category shows up in menus and statistics as a topic with nothing in it; usually its questions were given a misspelt or different category.";

    /// <inheritdoc />
    public override string BadExample => "categories:\n  - {id: goals, title: Goals}\n  - {id: rewards, title: Rewards}   # no question uses it";

    /// <inheritdoc />
    public override string GoodExample => "categories:\n  - {id: goals, title: Goals}";

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
