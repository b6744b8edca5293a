using System.CommandLine;
using System.Globalization;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep show ID</c>: one question in full.</summary>
internal static class ShowCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var id = new Argument<string>("id") { Description = "The question id, e.g. hrpm-goals-001." };
        var paths = new Argument<string[]>("paths") { Description = "Pack files or directories (default: the shipped packs).", Arity = ArgumentArity.ZeroOrMore };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("show", """
            Show one question with its model answer, key points, follow-ups and interviewer notes.

            Examples:
              dotnet hrprep show hrpm-goals-001
              dotnet hrprep show hrpm-goals-001 --format json
            """);
        command.Arguments.Add(id);
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var bank = BankLoader.Load(context, parse.GetValue(paths));
            string wanted = parse.GetValue(id)!;
            if (bank.Find(wanted) is not { } q)
            {
                var near = bank.Questions.Select(x => x.Id).Where(x => x.Contains(wanted, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
                string hint = near.Count > 0 ? $" (did you mean {string.Join(", ", near)}?)" : string.Empty;
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.NotFound, $"no question has the id '{wanted}'{hint}");
            }

            if (parse.GetValue(format) == "json")
            {
                context.Out.Write(QuestionJsonWriter.ToJson([q]));
            }
            else
            {
                WriteText(context.Out, bank, q);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Writes a question as readable text.</summary>
    public static void WriteText(TextWriter o, QuestionBank bank, Question q)
    {
        var category = bank.CategoryOf(q);
        o.WriteLine($"{q.Id}  [{category.Title} · {q.Level.ToSchemaName()} · {q.Type.ToSchemaName()}]{(q.Origin == QuestionOrigin.Brief ? "  (from the brief)" : string.Empty)}");
        o.WriteLine();
        o.WriteLine(q.Prompt);
        if (q.Scenario is { } scenario)
        {
            o.WriteLine();
            o.WriteLine("Scenario:");
            o.WriteLine(Indent(scenario.Text));
            if (scenario.Table is { } table)
            {
                o.WriteLine();
                if (table.Caption is not null)
                {
                    o.WriteLine($"  {table.Caption}");
                }

                var sw = new StringWriter(CultureInfo.InvariantCulture);
                TextTable.Write(sw, table.Columns, table.Rows.Select(r => (IReadOnlyList<string>)r));
                o.Write(Indent(sw.ToString().TrimEnd()) + Environment.NewLine);
            }
        }

        o.WriteLine();
        o.WriteLine("Model answer:");
        o.WriteLine(Indent(q.Answer.Summary.TrimEnd()));
        Section(o, "Key points", q.Answer.KeyPoints);
        Section(o, "Follow-ups", q.FollowUps);
        Section(o, "What interviewers look for", q.LookFor);
        Section(o, "Red flags", q.RedFlags);
        if (!q.Tags.IsEmpty)
        {
            o.WriteLine();
            o.WriteLine($"Tags: {string.Join(", ", q.Tags)}");
        }

        if (q.Jurisdiction is not null)
        {
            o.WriteLine($"Jurisdiction: {q.Jurisdiction}");
        }

        if (q.ReviewBy is { } reviewBy)
        {
            o.WriteLine($"Review by: {reviewBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        Section(o, "Sources", q.Sources.Select(s => s.Url is null ? s.Title : $"{s.Title} <{s.Url}>"));
        if (!q.Related.IsEmpty)
        {
            o.WriteLine($"Related: {string.Join(", ", q.Related)}");
        }

        if (q.Attribution is { } attribution)
        {
            o.WriteLine($"Prompt from: {(attribution.Url is null ? attribution.Title : $"{attribution.Title} <{attribution.Url}>")}");
        }
    }

    private static void Section(TextWriter o, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine($"{title}:");
        foreach (var item in list)
        {
            o.WriteLine($"  - {item}");
        }
    }

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Length == 0 ? l : "  " + l));
}
