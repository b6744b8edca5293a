namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP101: <c>related</c> names a question that does not exist in the pack, or the question itself.</summary>
public sealed class RelatedUnknownRule() : LintRule(RuleDescriptors.RelatedUnknown)
{
    /// <inheritdoc />
    public override void CheckWorkspace(LintWorkspace workspace, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(context);
        if (!workspace.Questions.Any(q => q.Related.Length > 0))
        {
            // Nothing to check: no id sets built (one per pack).
            return;
        }

        var idsByPack = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var allIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in workspace.Questions)
        {
            if (q.Id is null)
            {
                continue;
            }

            allIds.Add(q.Id);
            string pack = q.File.PackId ?? string.Empty;
            if (!idsByPack.TryGetValue(pack, out var set))
            {
                idsByPack[pack] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(q.Id);
        }

        foreach (var q in workspace.Questions)
        {
            var ids = q.File.PackId is { } p ? idsByPack[p] : allIds;
            foreach (var r in q.Related)
            {
                if (r.Value == q.Id)
                {
                    context.Report(r, $"question '{q.Id}' lists itself in 'related'");
                }
                else if (!ids.Contains(r.Value))
                {
                    string where = q.File.PackId is { } pack ? $" in pack '{pack}'" : string.Empty;
                    string hint = HrPrep.Packs.DiagnosticText.Suggest(r.Value, ids) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
                    context.Report(r, $"related question '{r.Value}' does not exist{where}{hint}");
                }
            }
        }
    }
}
