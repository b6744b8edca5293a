using HrPrep.Authoring.Lint;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>
/// The rules table of the documentation (README.md or a page under docs/) lists exactly the rules of
/// the catalogue <see cref="RuleDescriptors"/>, in code order, with their names and default severities.
/// </summary>
public class RulesTableTests
{
    private const string Header = "| code | name | default | checks |";

    private static List<string[]> TableRows()
    {
        var tables = new List<List<string[]>>();
        foreach (var page in Repo.DocumentationPages())
        {
            var lines = File.ReadAllLines(page);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != Header)
                {
                    continue;
                }

                var rows = new List<string[]>();
                for (int j = i + 2; j < lines.Length && lines[j].StartsWith('|'); j++)
                {
                    rows.Add([.. lines[j].Trim().Trim('|').Split(" | ").Select(c => c.Trim())]);
                }

                tables.Add(rows);
            }
        }

        return Assert.Single(tables);
    }

    [Fact]
    public void The_documented_rules_table_is_the_catalogue()
    {
        var rows = TableRows();
        Assert.Equal(RuleDescriptors.All.Select(d => d.Code), rows.Select(r => r[0]));
        foreach (var (row, descriptor) in rows.Zip(RuleDescriptors.All))
        {
            Assert.True(row.Length >= 4, $"row of {descriptor.Code} has {row.Length} cells");
            Assert.Equal(descriptor.Name, row[1]);

            // A rule that reports two severities (review-due) documents both: "error / warning".
            Assert.Equal(descriptor.DefaultSeverity.ToName(), row[2].Split(" / ")[0]);
            Assert.False(string.IsNullOrWhiteSpace(row[3]), $"{descriptor.Code} has no 'checks' text");
        }
    }

    [Fact]
    public void List_rules_prints_every_descriptor()
    {
        var (code, o, _) = Cli.Run("lint", "--list-rules");
        Assert.Equal(0, code);
        var lines = o.Split('\n');
        foreach (var d in RuleDescriptors.All)
        {
            Assert.Contains(lines, l => l.StartsWith(d.Code + " ", StringComparison.Ordinal) && l.Contains($" {d.Name} ", StringComparison.Ordinal) && l.Contains($" {d.GroupName} ", StringComparison.Ordinal) && l.Contains($" {d.DefaultSeverity.ToName()} ", StringComparison.Ordinal));
        }
    }
}
