using HrPrep.Packs;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HrPrep.Authoring.Import;
using HrPrep.Authoring.IO;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep import anki FILE.apkg</c>: apply a deck this tool exported (and edited in Anki) back to its packs.</summary>
internal static class ImportAnkiCommand
{
    public static Command Create(ToolContext context)
    {
        var file = new Argument<string>("file") { Description = "An .apkg written by 'export anki' (possibly edited in Anki and exported again with 'Support older Anki versions')." };
        var output = ImportCommand.OutputOption();
        var force = ImportCommand.ForceOption();
        var packs = new Option<string[]>("--packs") { Description = "The packs the deck was exported from (files or folders; repeatable; default: the embedded packs).", Arity = ArgumentArity.OneOrMore };
        var report = new Option<string?>("--report") { Description = "Write what changed to FILE (JSON when it ends in .json, else text)." };
        var command = new Command("anki", """
            Read back an Anki deck this tool exported: notes map to questions by the GUID the exporter
            wrote. A field that still equals the export keeps the question's value exactly; an edited field
            is converted from HTML back to text (Prompt, Scenario without a table, Answer, Key points,
            Follow-ups, Look for, Red flags, Category by title, Level, Type, Jurisdiction; own tags
            hrprep::tag::X). Notes of the HrPrep note type with an unknown GUID become new questions with
            origin 'imported'. Every pack with notes in the deck is written; the report lists every
            changed field, added question, question not in the deck (kept) and skipped note.

            Examples:
              dotnet hrprep import anki deck.apkg --packs questions/hr-pm -o questions/hr-pm --force
              dotnet hrprep import anki deck.apkg --packs questions/ -o updated/ --report changes.json
            """);
        command.Arguments.Add(file);
        foreach (var option in new Option[] { output, force, packs, report })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            string path = parse.GetValue(file)!;
            var bank = BankLoader.Load(context, parse.GetValue(packs));
            if (!File.Exists(path))
            {
                throw new ToolExitException(ExitCodes.Unreadable, DiagnosticCodes.Unreadable, $"{path}: cannot read: no such file");
            }

            AnkiImportResult result;
            try
            {
                result = AnkiPackageImporter.Import(path, bank.Packs);
            }
            catch (InvalidDataException ex)
            {
                throw new ToolExitException(ExitCodes.Unreadable, DiagnosticCodes.Unreadable, $"{path}: {DiagnosticText.OneLine(ex.Message)}");
            }

            var lines = result.Changes.Select(Line).ToList();
            string summary = string.Create(CultureInfo.InvariantCulture,
                $"hrprep: import anki: {result.Unchanged} unchanged, {Count(result, "changed")} changed, {Count(result, "added")} added, {Count(result, "skipped")} notes skipped (another note type), {Count(result, "missing")} questions not in the deck (kept)");
            if (parse.GetValue(report) is { } reportPath)
            {
                WriteReport(reportPath, result, lines, summary);
            }

            foreach (var line in lines.Where(l => !l.StartsWith("missing", StringComparison.Ordinal)))
            {
                context.Error.WriteLine(line);
            }

            if (!result.Problems.IsEmpty)
            {
                foreach (var problem in result.Problems)
                {
                    context.Error.WriteLine($"{path}: error {ToolCodes.AnkiEdit}: {problem}");
                }

                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"{result.Problems.Length} edit{(result.Problems.Length == 1 ? "" : "s")} in {path} cannot be applied; nothing was written");
            }

            if (result.Packs.IsEmpty)
            {
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"{path} has no note of the given packs; nothing was written");
            }

            context.Error.WriteLine(summary);
            return ImportCommand.WritePacks(context, [.. result.Packs], parse.GetValue(output), parse.GetValue(force));
        }));
        return command;
    }

    private static int Count(AnkiImportResult result, string kind) => result.Changes.Count(c => c.Kind == kind);

    private static string Line(AnkiImportChange c) => c.Kind switch
    {
        "changed" => $"changed {c.PackId}/{c.QuestionId}: {string.Join(", ", c.Fields)}",
        "added" => $"added {c.PackId}/{c.QuestionId} (note {c.Guid})",
        "missing" => $"missing {c.PackId}/{c.QuestionId}: no note in the deck; kept",
        _ => $"skipped note {c.Guid}: not an HrPrep Question note",
    };

    private static void WriteReport(string path, AnkiImportResult result, List<string> lines, string summary)
    {
        try
        {
            AtomicFile.Write(path, stream =>
            {
                if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                    w.WriteStartObject();
                    w.WriteNumber("unchanged", result.Unchanged);
                    w.WriteStartArray("changes");
                    foreach (var c in result.Changes)
                    {
                        w.WriteStartObject();
                        w.WriteString("kind", c.Kind);
                        w.WriteString("pack", c.PackId);
                        w.WriteString("id", c.QuestionId);
                        w.WriteString("guid", c.Guid);
                        w.WriteStartArray("fields");
                        foreach (var f in c.Fields)
                        {
                            w.WriteStringValue(f);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("problems");
                    foreach (var p in result.Problems)
                    {
                        w.WriteStringValue(p);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
                    foreach (var line in lines.Concat(result.Problems.Select(p => "error: " + p)).Append(summary))
                    {
                        w.WriteLine(line);
                    }
                }
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Io, $"cannot write {path}: {DiagnosticText.OneLine(ex.Message)}");
        }
    }
}
