using System.CommandLine;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep list</c>: questions matching filters, as a table or JSON.</summary>
internal static class ListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var common = new CommonOptions();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("list", """
            List questions, filtered by pack, category, level, type, tag and text.

            Examples:
              dotnet hrprep list --category rater-bias --level senior
              dotnet hrprep list --search "calibration" --format json
              dotnet hrprep list questions/my-pack --type behavioral
            """);
        common.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            // The table shows the prompt and four short fields: unless --search or JSON needs the
            // other texts, each question is kept with its prompt only.
            bool table = parse.GetValue(format) != "json";
            var bank = BankLoader.Load(context, parse.GetValue(common.Paths), table && parse.GetValue(common.Search) is null ? BankLoader.PromptOnly : null);
            var questions = common.Query(bank, parse).ToImmutableArray();
            if (!table)
            {
                context.Out.Write(QuestionJsonWriter.ToJson(questions));
                return ExitCodes.Ok;
            }

            TextTable.Write(
                context.Out,
                ["ID", "CATEGORY", "LEVEL", "TYPE", "PROMPT"],
                questions.Select(q => (IReadOnlyList<string>)[q.Id, q.Category, q.Level.ToSchemaName(), q.Type.ToSchemaName(), TextTable.Cut(q.Prompt, 90)]));
            context.Out.WriteLine($"{questions.Length} question{(questions.Length == 1 ? "" : "s")}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
