using HrPrep.Packs;
using System.CommandLine;
using System.Globalization;
using System.Text;
using HrPrep.Authoring.Import;
using HrPrep.Authoring.Writing;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep import markdown|csv|anki</c>: pack skeletons from Markdown pages, packs from our CSV export.</summary>
internal static class ImportCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Creates the command with its subcommands (each in its own file or method).</summary>
    public static Command Create(ToolContext context)
    {
        var command = new Command("import", """
            Create packs from other formats: 'import markdown' for interview-prep pages (or folders of
            them), 'import csv' for our own CSV export, 'import anki' for a deck this tool exported.
            With one pack and no -o the YAML goes to standard output.

            Examples:
              dotnet hrprep import markdown "HR Performance Management Specialist.md" -o draft.yaml
              dotnet hrprep import markdown corpus/ -o drafts/ --against questions/ --report import.json
              dotnet hrprep import csv questions.csv --manifest questions/hr-pm -o restored/hr-pm
              dotnet hrprep import anki deck.apkg --packs questions/hr-pm -o questions/hr-pm --force
            """);
        command.Subcommands.Add(ImportMarkdownCommand.Create(context));
        command.Subcommands.Add(Csv(context));
        command.Subcommands.Add(ImportAnkiCommand.Create(context));
        command.Subcommands.Add(ImportMoodleCommand.Create(context));
        return command;
    }

    private static Command Csv(ToolContext context)
    {
        var file = new Argument<string>("file") { Description = "A CSV file in the format of 'export csv'." };
        var output = OutputOption();
        var force = ForceOption();
        var manifest = new Option<string[]>("--manifest") { Description = "Packs whose manifests to restore (the CSV has none); repeatable.", Arity = ArgumentArity.OneOrMore };
        var language = new Option<string>("--language") { Description = "Language of skeleton manifests (default en).", DefaultValueFactory = _ => "en" };
        var command = new Command("csv", """
            Read our own CSV export back into packs (one per 'pack' value). List cells hold one item per
            line; sources are 'title <url>' lines; a leading apostrophe the exporter put before = + - @
            (formula-injection guard) is removed. The CSV holds no manifest and no scenarios: --manifest
            restores the manifest of the original pack; otherwise a skeleton manifest is made.

            Examples:
              dotnet hrprep import csv questions.csv -o restored.yaml
              dotnet hrprep import csv questions.csv --manifest questions/hr-pm -o restored/hr-pm
            """);
        command.Arguments.Add(file);
        foreach (var option in new Option[] { output, force, manifest, language })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            string path = parse.GetValue(file)!;
            var manifests = parse.GetValue(manifest) is { Length: > 0 } m ? BankLoader.Load(context, m).Packs : [];
            string text = ReadText(path, allowWindows1252: false);
            var result = CsvImporter.Import(new StringReader(text), path, manifests, parse.GetValue(language)!);
            if (result.HasErrors)
            {
                foreach (var d in result.Diagnostics)
                {
                    context.Error.WriteLine(d.ToString());
                }

                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"{result.Diagnostics.Length} problem{(result.Diagnostics.Length == 1 ? "" : "s")} in {path}; nothing was written");
            }

            if (result.Packs.IsEmpty)
            {
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"{path} has no question rows; nothing was written");
            }

            return WritePacks(context, [.. result.Packs], parse.GetValue(output), parse.GetValue(force));
        }));
        return command;
    }

    internal static Option<string?> OutputOption() => new("--output", "-o") { Description = "Output: a .yaml file or a directory for one pack; a directory (one PACK-ID.yaml each) for several." };

    internal static Option<bool> ForceOption() => new("--force") { Description = "Replace an existing output." };

    internal static string ReadText(string path, bool allowWindows1252)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ToolExitException(ExitCodes.Unreadable, DiagnosticCodes.Unreadable, $"{path}: cannot read: {DiagnosticText.OneLine(ex.Message)}");
        }

        try
        {
            string text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            if (allowWindows1252)
            {
                return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
            }

            throw new ToolExitException(ExitCodes.Unreadable, DiagnosticCodes.Unreadable, $"{path}: not UTF-8; save the file as UTF-8");
        }
    }

    internal static int WritePacks(ToolContext context, List<QuestionPack> packs, string? output, bool force)
    {
        var duplicate = packs.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"two inputs give the pack id '{duplicate.Key}'; import them one at a time with --id; nothing was written");
        }

        if (output is null)
        {
            if (packs.Count > 1)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "several packs: give an output directory with -o");
            }

            context.Out.Write(PackYamlWriter.ToSingleFileText(packs[0], new PackYamlWriterOptions { SchemaReference = PackYamlWriter.SchemaReferenceFor(Path.Combine(context.WorkingDirectory, "x.yaml"), isDirectory: false) }));
            return ExitCodes.Ok;
        }

        var targets = packs.Count == 1
            ? [(packs[0], output, PackOutput.LayoutOf(output, null))]
            : packs.Select(p => (p, Path.Combine(output, p.Id + ".yaml"), PackLayout.SingleFile)).ToList();
        foreach (var (_, target, layout) in targets)
        {
            PackOutput.CheckReplaceable(target, layout);
            if (!force && (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())))
            {
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Exists, $"{target} already exists; pass --force to replace it; nothing was written");
            }
        }

        try
        {
            foreach (var (pack, target, layout) in targets)
            {
                PackYamlWriter.Write(pack, target, layout, PackOutput.OptionsFor(target, layout));
                context.Out.WriteLine($"wrote {target} ({pack.Id}, {pack.Questions.Length} questions)");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Io, $"cannot write {output}: {DiagnosticText.OneLine(ex.Message)}");
        }

        return ExitCodes.Ok;
    }
}
