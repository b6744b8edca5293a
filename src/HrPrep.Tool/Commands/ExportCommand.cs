using HrPrep.Packs;
using System.CommandLine;
using HrPrep.Authoring.Export;
using HrPrep.Authoring.IO;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep export FORMAT [PATH...] -o FILE</c>: Anki decks, CSV and study formats.</summary>
internal static class ExportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var common = new CommonOptions();
        var format = new Argument<string>("format")
        {
            Description = $"The export format: {string.Join(", ", QuestionExporters.Names)}.",
        };
        format.AcceptOnlyFromAmong([.. QuestionExporters.Names]);
        var output = new Option<string>("--output", "-o") { Description = "The file to write (replaced atomically as a whole); for crowdanki, the folder (new, empty, or a previous crowdanki export).", Required = true };
        var reverse = new Option<bool>("--reverse") { Description = "anki, anki-text, crowdanki: also add a reverse card (model answer → question) to every note." };
        var bom = new Option<bool>("--bom") { Description = "csv, brightspace: start with a UTF-8 byte-order mark so Excel detects UTF-8." };
        var raw = new Option<bool>("--raw") { Description = "csv, brightspace: keep cells starting with = + - @ tab or CR as they are (by default an apostrophe is put in front so spreadsheets do not run them as formulas)." };
        var report = new Option<bool>("--report") { Description = "List on standard error, field by field with question ids, what the format could not carry (dropped or flattened); without it, one summary line is printed when something was." };
        var command = new Command("export", $"""
            Export questions, filtered like 'list', to a file: {string.Join(", ", QuestionExporters.Names)}.
            The output is written to a temporary file and renamed over FILE, so FILE is replaced only as a whole;
            invalid packs are reported and nothing is written.

            Examples:
              dotnet hrprep export anki -o hr-prep.apkg
              dotnet hrprep export anki --category rater-bias --reverse -o rater-bias.apkg
              dotnet hrprep export csv --level senior --bom -o senior.csv
              dotnet hrprep export html questions/my-pack -o study.html
              dotnet hrprep export crowdanki -o hr-prep-crowdanki
              dotnet hrprep export gift --pack hr-performance-management-specialist --report -o questions.gift.txt
            """);
        command.Arguments.Add(format);
        common.AddTo(command);
        foreach (var option in new Option[] { output, reverse, bom, raw, report })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var exporter = QuestionExporters.Find(parse.GetValue(format)!)!;
            string target = Path.GetFullPath(parse.GetValue(output)!, context.WorkingDirectory);
            var paths = parse.GetValue(common.Paths) ?? [];
            if (exporter is IFolderExporter folder)
            {
                CheckFolderTarget(target, folder);
            }
            else
            {
                CheckTarget(context, target, paths);
            }

            var bank = BankLoader.Load(context, paths);
            var selected = common.Query(bank, parse).ToImmutableArray();

            // Reading left garbage (file trees, buffers) behind the questions: release it before exporting.
            Garbage.ReleaseAfter(bank.Questions.Length);
            using var progress = ProgressReporter.Start(context, $"export {parse.GetValue(format)}");
            var counted = new Counter(selected, progress);
            var lost = new ExportReport();
            var options = new ExportOptions
            {
                Reverse = parse.GetValue(reverse),
                Bom = parse.GetValue(bom),
                Raw = parse.GetValue(raw),
                Report = lost,
            };
            try
            {
                if (exporter is IFolderExporter folderExporter)
                {
                    // The folder is filled beside the target and swapped in whole.
                    AtomicFile.ReplaceDirectory(target, dir =>
                    {
                        using var stream = new FileStream(Path.Combine(dir, folderExporter.FileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                        exporter.Write(stream, new ExportSource(bank, counted), options);
                    });
                }
                else
                {
                    AtomicFile.Write(target, stream => exporter.Write(stream, new ExportSource(bank, counted), options));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Io, $"cannot write '{parse.GetValue(output)}': {DiagnosticText.OneLine(ex.Message)}");
            }

            context.Error.WriteLine($"hrprep: wrote {counted.Count} question{(counted.Count == 1 ? "" : "s")} as {exporter.Name} to {parse.GetValue(output)}");
            if (parse.GetValue(report))
            {
                context.Error.Write(lost.ToText(exporter.Name));
            }
            else if (!lost.IsEmpty)
            {
                var fields = lost.Lines.Select(l => l.Field).Distinct(StringComparer.Ordinal).ToList();
                context.Error.WriteLine($"hrprep: {exporter.Name} could not carry {fields.Count} field{(fields.Count == 1 ? "" : "s")} as they are ({string.Join(", ", fields)}); --report lists them");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>A folder output may be new, empty, or a previous export of the same format (holding its file); nothing else is replaced.</summary>
    private static void CheckFolderTarget(string target, IFolderExporter exporter)
    {
        if (File.Exists(target))
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"{exporter.Name} writes a folder, and '{target}' is a file");
        }

        string? parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar));
        if (parent is null || !Directory.Exists(parent))
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"the output directory '{parent}' does not exist");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, exporter.FileName)))
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"'{target}' is a folder without {exporter.FileName}: not a previous {exporter.Name} export, so it is not replaced; choose a new or empty folder");
        }
    }

    private static void CheckTarget(ToolContext context, string target, IReadOnlyList<string> inputs)
    {
        if (Directory.Exists(target))
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"the output '{target}' is a directory");
        }

        string? directory = Path.GetDirectoryName(target);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"the output directory '{directory}' does not exist");
        }

        // A YAML output inside an input folder would be read with the packs next time.
        bool yaml = target.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || target.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        if (PackOutput.OverlappingInput(target, inputs, outputIsPack: yaml, context.WorkingDirectory) is { } input)
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"the output '{input}' is one of the inputs; choose another file");
        }
    }

    /// <summary>Counts the questions as the exporter enumerates them (exporters may stream).</summary>
    /// <summary>Counts the questions the exporter consumes and reports progress (on a terminal only).</summary>
    private sealed class Counter(IReadOnlyList<Question> inner, ProgressReporter progress) : IEnumerable<Question>
    {
        public int Count { get; private set; }

        public IEnumerator<Question> GetEnumerator()
        {
            foreach (var q in inner)
            {
                Count++;
                progress.Report(Count, inner.Count);
                yield return q;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
