using HrPrep.Packs;
using System.CommandLine;
using System.Globalization;
using HrPrep.Authoring.IO;
using HrPrep.Content;
using HrPrep.Practice;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep progress</c>: what is due, strongest and weakest categories, coverage over time; export and import.</summary>
internal static class ProgressCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var store = PracticeCommand.StoreOption();
        var export = new Option<string?>("--export") { Description = "Write the whole progress store as JSON to this file (atomic; an existing file needs --force)." };
        var import = new Option<string?>("--import") { Description = "Merge a JSON export into the store (reviews already present are skipped)." };
        var force = new Option<bool>("--force") { Description = "Let --export overwrite an existing file." };
        var command = new Command("progress", """
            Show practice progress: questions due for review, strongest and weakest categories (mean
            coverage of your answers), and coverage per week. Export or import it as JSON.

            Examples:
              dotnet hrprep progress
              dotnet hrprep progress --store ./my-progress.db
              dotnet hrprep progress --export progress.json
              dotnet hrprep progress --import progress.json
            """);
        command.Options.Add(store);
        command.Options.Add(export);
        command.Options.Add(import);
        command.Options.Add(force);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var bank = QuestionBank.Default;
            using var progress = PracticeCommand.OpenStore(parse.GetValue(store));
            if (parse.GetValue(import) is { } importPath)
            {
                int added;
                try
                {
                    using var input = File.OpenRead(importPath);
                    added = progress.Import(input);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Io, $"{importPath}: cannot read: {DiagnosticText.OneLine(ex.Message)}");
                }
                catch (ProgressStoreException ex)
                {
                    throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Progress, $"{importPath}: {ex.Message}; nothing was imported");
                }

                context.Out.WriteLine($"Imported {added} review{(added == 1 ? "" : "s")} from {importPath} into {progress.Path}.");
            }

            if (parse.GetValue(export) is { } exportPath)
            {
                if (File.Exists(exportPath) && !parse.GetValue(force))
                {
                    throw new ToolExitException(ExitCodes.Usage, ToolCodes.Exists, $"{exportPath} exists; use --force to overwrite it");
                }

                try
                {
                    AtomicFile.Write(exportPath, progress.Export);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Io, $"cannot write '{exportPath}': {DiagnosticText.OneLine(ex.Message)}");
                }

                context.Out.WriteLine($"Exported progress to {exportPath}.");
            }

            if (parse.GetValue(import) is null && parse.GetValue(export) is null)
            {
                Write(context.Out, bank, PracticePlanner.Summarize(bank, progress.Cards(), progress.Reviews(), DateTimeOffset.UtcNow), progress.Path);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Write(TextWriter o, QuestionBank bank, ProgressSummary s, string path)
    {
        o.WriteLine($"Progress in {path}");
        o.WriteLine($"Questions practised: {s.Reviewed}; due now: {s.Due.Length}");
        foreach (var id in s.Due.Take(10))
        {
            o.WriteLine($"  due  {id}  {bank[id].Prompt}");
        }

        if (s.Due.Length > 10)
        {
            o.WriteLine($"  ... and {s.Due.Length - 10} more (dotnet hrprep practice --due)");
        }

        if (!s.Retired.IsEmpty)
        {
            o.WriteLine($"Kept progress of {s.Retired.Length} question(s) no longer in the content: {string.Join(", ", s.Retired)}");
        }

        if (s.Categories.IsEmpty)
        {
            o.WriteLine("No reviews yet: start with 'dotnet hrprep practice'.");
            return;
        }

        o.WriteLine("Categories, strongest first (mean coverage, mean self-rating 1-4, reviews):");
        foreach (var c in s.Categories)
        {
            string coverage = c.MeanCoverage is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m * 100,3:0}%") : "  - ";
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {coverage}  {c.MeanRating:0.0}  {c.Reviews,4}  {c.Category}"));
        }

        if (!s.CoverageOverTime.IsEmpty)
        {
            o.WriteLine("Coverage over time (mean per week):");
            foreach (var p in s.CoverageOverTime)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Week}  {p.MeanCoverage * 100,3:0}%  {new string('#', (int)Math.Round(p.MeanCoverage * 20))}  ({p.Reviews} answers)"));
            }
        }
    }
}
