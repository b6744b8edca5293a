using System.Globalization;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP205: a case study without a scenario, or a scenario table whose rows do not match its columns.</summary>
public sealed class CaseStudyScenarioRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP205";

    /// <inheritdoc />
    public override string Name => "case-study-scenario";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Completeness;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Error;

    /// <inheritdoc />
    public override string Summary => "A 'case-study' question has a 'scenario', and every row of a scenario table has one cell per column.";

    /// <inheritdoc />
    public override string Rationale => "A case study's prompt ('Advise the director on this case') means nothing without the case; a ragged table renders wrongly in every export.";

    /// <inheritdoc />
    public override string BadExample => "type: case-study\nprompt: Advise the director on the ratings in this case.\n# no scenario";

    /// <inheritdoc />
    public override string GoodExample => "type: case-study\nscenario:\n  text: A division of 120 people...\n  table: {columns: [Team, Share rated top], rows: [[A, 40%], [B, 12%]]}";

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
