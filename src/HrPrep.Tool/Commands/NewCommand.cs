using System.CommandLine;
using HrPrep.Authoring.Writing;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep new PACK-ID</c>: scaffolds a directory pack.</summary>
internal static class NewCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var id = new Argument<string>("pack-id") { Description = "The new pack's id: lower-case letters, digits and single hyphens." };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to create the pack in (default: the current folder); the pack goes to OUTPUT/PACK-ID." };
        var command = new Command("new", """
            Scaffold a new directory pack: pack.yaml (manifest with one category) and general.yaml
            with one example question. Every file starts with the schema line for editor completion.
            Refuses to write into a folder that already exists and is not empty.

            Examples:
              dotnet hrprep new data-analyst
              dotnet hrprep new data-analyst -o questions
            """);
        command.Arguments.Add(id);
        command.Options.Add(output);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            string packId = parse.GetValue(id)!;
            if (!PackScaffold.IsValidId(packId))
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"'{packId}' is not a valid pack id: use lower-case letters, digits and single hyphens, starting with a letter, at most 64 characters");
            }

            string parent = parse.GetValue(output) ?? context.WorkingDirectory;
            string target = Path.Combine(parent, packId);
            if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
            {
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Exists, $"{target} already exists and is not empty; nothing was written");
            }

            var pack = PackScaffold.Create(packId);
            var options = new PackYamlWriterOptions { SchemaReference = PackYamlWriter.SchemaReferenceFor(target, isDirectory: true) };
            PackYamlWriter.Write(pack, target, PackLayout.Directory, options);
            context.Out.WriteLine($"Created {target}: {PackReader.ManifestFileName} and {PackYamlWriter.FileNameOf("general")} with 1 example question.");
            context.Out.WriteLine("Next: edit the manifest, add questions, then run 'dotnet hrprep list " + target + "'.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
