using System.Globalization;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP205: a case study without a scenario, or a scenario table whose rows do not match its columns.</summary>
public sealed class CaseStudyScenarioRule() : LintRule(RuleDescriptors.CaseStudyScenario)
{
    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        var scenario = question.Node.Get("scenario") as YamlMapping;
        if (question.Text("type")?.Value == "case-study" && scenario is null)
        {
            context.Report(question.Text("type")!, $"case study '{question.Id}' has no 'scenario'");
        }

        if (scenario?.Get("table") is YamlMapping table && table.Get("columns") is YamlSequence columns && table.Get("rows") is YamlSequence rows)
        {
            foreach (var row in rows.Items)
            {
                if (row is YamlSequence cells && cells.Items.Count != columns.Items.Count)
                {
                    context.Report(row, string.Create(CultureInfo.InvariantCulture, $"table row has {cells.Items.Count} cells but the table has {columns.Items.Count} columns"));
                }
            }
        }
    }
}
