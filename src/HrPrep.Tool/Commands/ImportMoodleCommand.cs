using System.CommandLine;
using HrPrep.Authoring.Import;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep import moodle FILE</c>: packs from Moodle XML (our own <c>export moodle</c> exactly; essays made elsewhere as skeletons).</summary>
internal static class ImportMoodleCommand
{
    /// <summary>Creates the <c>moodle</c> subcommand of <c>import</c>.</summary>
    public static Command Create(ToolContext context)
    {
        var file = new Argument<string>("file") { Description = "A Moodle XML file (UTF-8), such as one written by 'export moodle'." };
        var output = ImportCommand.OutputOption();
        var force = ImportCommand.ForceOption();
        var command = new Command("moodle", """
            Read Moodle XML back into packs. A file written by 'export moodle' comes back as the packs it
            was made from (manifest and every field, from the hrprep comments the export writes). Essay
            questions without them (made in Moodle, or exported by Moodle) become questions with origin
            'imported': id from the ID number, prompt from the question text, model answer from the
            grader information as text, level/type/tags from the tags, pack and category from the
            category path. Other question types are skipped with a warning.

            Examples:
              dotnet hrprep import moodle questions.xml -o restored/
              dotnet hrprep import moodle questions.xml -o restored.yaml --force
            """);
        command.Arguments.Add(file);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            string path = parse.GetValue(file)!;
            string text = ImportCommand.ReadText(path, allowWindows1252: false);
            var result = MoodleXmlImporter.Import(new StringReader(text), path);
            foreach (var d in result.Diagnostics)
            {
                context.Error.WriteLine(d.ToString());
            }

            if (result.HasErrors)
            {
                int errors = result.Diagnostics.Count(d => d.Severity == Content.DiagnosticSeverity.Error);
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"{errors} problem{(errors == 1 ? "" : "s")} in {path}; nothing was written");
            }

            if (result.Packs.IsEmpty)
            {
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"{path} has no essay questions; nothing was written");
            }

            return ImportCommand.WritePacks(context, [.. result.Packs], parse.GetValue(output), parse.GetValue(force));
        }));
        return command;
    }
}
