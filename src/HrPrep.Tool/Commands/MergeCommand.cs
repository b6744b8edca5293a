using System.Collections.Concurrent;
using HrPrep.Packs;
using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HrPrep.Authoring.Diff;
using HrPrep.Authoring.IO;
using HrPrep.Authoring.Merge;
using HrPrep.Authoring.Writing;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep merge PATH PATH... -o OUT</c>: merges packs without losing a question.</summary>
internal static class MergeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Two or more packs (files or directories), each holding one pack.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the merged pack: a .yaml file (single-file pack) or a directory (pack.yaml + one file per category)." };
        var policy = new Option<string>("--on-conflict") { Description = "Same id with different content: fail (default; nothing written), ours (first input wins), theirs (last input wins), newest (higher pack version, then later lastVerified).", DefaultValueFactory = _ => "fail" };
        policy.AcceptOnlyFromAmong("fail", "ours", "theirs", "newest");
        var reportFile = new Option<string?>("--report") { Description = "Also write the report (every collapsed, dropped or flagged question with its reason) to this file; JSON when it ends in .json." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would happen; write nothing." };
        var inPlace = new Option<bool>("--in-place") { Description = "Allow the output to replace an input (without -o: the first input)." };
        var id = new Option<string?>("--id") { Description = "Id of the merged pack when the inputs have different ids." };
        var layout = new Option<string?>("--layout") { Description = "Output layout: file or directory (default: file when OUT ends in .yaml, else directory)." };
        layout.AcceptOnlyFromAmong("file", "directory");
        var command = new Command("merge", """
            Merge packs into one. Every input question is in the output or named in the report with
            its reason: identical duplicates are collapsed, conflicts (same id, different content)
            fail the merge or are resolved by --on-conflict, retired ids never come back, questions
            with the same prompt under different ids are kept and flagged. Categories, tags, authors
            and retired lists are merged. The output version is the highest input version bumped by
            what the merge changed (major: an id of that input dropped; minor: questions or categories
            added; patch: content changed). Output is deterministic and written atomically; inputs
            are never overwritten unless --in-place is given.

            Exit codes: 0 merged, 1 conflicts or invalid inputs (nothing written), 2 usage, 3 unreadable input.

            Examples:
              dotnet hrprep merge questions/hr-pm team/hr-pm -o merged/hr-pm
              dotnet hrprep merge a.yaml b.yaml -o out.yaml --on-conflict newest --report merge.txt
              dotnet hrprep merge a.yaml b.yaml --dry-run
              dotnet hrprep merge questions/hr-pm incoming.yaml --in-place --on-conflict ours
            """);
        command.Arguments.Add(paths);
        foreach (var option in new Option[] { output, policy, reportFile, dryRun, inPlace, id, layout })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var inputsGiven = parse.GetValue(paths)!;
            if (inputsGiven.Length < 2)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "merge needs at least two packs");
            }

            bool dry = parse.GetValue(dryRun);
            bool replace = parse.GetValue(inPlace);
            string? target = parse.GetValue(output) ?? (replace ? inputsGiven[0] : null);
            if (target is null && !dry)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "give the output with -o OUT (or --dry-run, or --in-place)");
            }

            if (target is not null && !replace && PackOutput.OverlappingInput(target, inputsGiven) is { } clash)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"the output {target} would overwrite the input {clash}; choose another -o or pass --in-place");
            }

            var mergePolicy = Enum.Parse<ConflictPolicy>(parse.GetValue(policy)!, ignoreCase: true);
            var (result, inputCount) = ReadAndMerge(context, inputsGiven, new MergeOptions { Policy = mergePolicy, PackId = parse.GetValue(id) });
            if (!result.Success)
            {
                foreach (var d in result.Errors)
                {
                    context.Error.WriteLine(d.ToString());
                }

                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Merge, $"{result.Errors.Length} problem{(result.Errors.Length == 1 ? "" : "s")}; nothing was written");
            }

            // The inputs are no longer referenced: release the questions the merge dropped (and its own garbage) before writing.
            Garbage.ReleaseAfter(result.InputQuestions);

            var pack = result.Pack!;
            WriteSummary(context.Out, result, inputCount);
            if (dry)
            {
                foreach (var entry in result.Report)
                {
                    context.Out.WriteLine("  " + PackMerger.Format(entry));
                }

                context.Out.WriteLine(target is null ? "dry run: nothing written" : $"dry run: would write {target}");
                return ExitCodes.Ok;
            }

            var packLayout = PackOutput.LayoutOf(target!, parse.GetValue(layout));
            PackOutput.CheckReplaceable(target!, packLayout);
            try
            {
                PackYamlWriter.Write(pack, target!, packLayout, PackOutput.OptionsFor(target!, packLayout));
                if (parse.GetValue(reportFile) is { } rf)
                {
                    AtomicFile.Write(rf, stream => WriteReport(stream, rf, result, inputCount));
                }
            }
            catch (InvalidDataException ex)
            {
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Output, ex.Message + "; nothing was written");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Io, $"cannot write {target}: {DiagnosticText.OneLine(ex.Message)}");
            }

            context.Out.WriteLine($"wrote {target}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Reads the inputs and merges them. The inputs are not kept: once merged, the questions that did
    /// not make it into the result (duplicates collapsed, conflicts resolved) are garbage, released
    /// before the output is written when the inputs were large.
    /// </summary>
    private static (MergeResult Result, int InputCount) ReadAndMerge(ToolContext context, IReadOnlyList<string> paths, MergeOptions options)
    {
        var (inputs, readErrors) = ReadInputs(paths);
        if (readErrors.Count > 0)
        {
            foreach (var d in readErrors)
            {
                context.Error.WriteLine(d.ToString());
            }

            int exit = readErrors.Any(d => d.IsUnreadableInput) ? ExitCodes.Unreadable : ExitCodes.Findings;
            throw new ToolExitException(exit, ToolCodes.Input, $"{readErrors.Count} problem{(readErrors.Count == 1 ? "" : "s")} in the inputs; nothing was written");
        }

        var result = PackMerger.Merge(inputs, options);
        return (result, inputs.Count);
    }

    /// <summary>From this many inputs on, they are read in parallel rather than one by one.</summary>
    private const int ManyInputs = 16;

    /// <summary>
    /// Reads the inputs one by one, releasing what reading a large input left behind before the next
    /// is read, so the peak memory is the inputs plus one input's working set. From
    /// <see cref="ManyInputs"/> inputs on (many small packs), they are read in parallel instead and
    /// released once, after all are read.
    /// </summary>
    private static (List<MergeInput> Inputs, List<Diagnostic> Errors) ReadInputs(IReadOnlyList<string> paths)
    {
        var inputs = new List<MergeInput>(paths.Count);
        var errors = new List<Diagnostic>();
        if (paths.Count >= ManyInputs)
        {
            // Many inputs (one small pack per role): read them on every core, in ranges of inputs,
            // then gather the packs and problems in the order given, as the loop below would.
            var read = new (IReadOnlyList<MergeInput> Inputs, IReadOnlyList<Diagnostic> Errors)[paths.Count];
            int workers = Environment.ProcessorCount;
            Parallel.ForEach(Partitioner.Create(0, paths.Count, Math.Clamp(paths.Count / (workers * 16), 1, 64)), new ParallelOptions { MaxDegreeOfParallelism = workers }, range =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    read[i] = PackInputs.ReadEach([paths[i]]);
                }
            });
            foreach (var (one, problems) in read)
            {
                inputs.AddRange(one);
                errors.AddRange(problems);
            }

            Garbage.ReleaseAfter(inputs.Sum(input => input.Pack.Questions.Length));
            return (inputs, errors);
        }

        foreach (var path in paths)
        {
            var (one, problems) = PackInputs.ReadEach([path]);
            inputs.AddRange(one);
            errors.AddRange(problems);
            Garbage.ReleaseAfter(one.Sum(input => input.Pack.Questions.Length));
        }

        return (inputs, errors);
    }

    private static void WriteSummary(TextWriter o, MergeResult result, int inputCount)
    {
        var pack = result.Pack!;
        string S(int n) => n.ToString(CultureInfo.InvariantCulture);
        string N(int n, string one, string many) => $"{S(n)} {(n == 1 ? one : many)}";
        o.WriteLine($"merged {N(inputCount, "input", "inputs")} ({N(result.InputQuestions, "question", "questions")}) into {pack.Id} {pack.Version}: {N(pack.Questions.Length, "question", "questions")} in {N(pack.Categories.Length, "category", "categories")}");
        var counts = Enum.GetValues<MergeReason>()
            .Select(r => (Reason: r, Count: result.Report.Count(e => e.Reason == r)))
            .Where(x => x.Count > 0)
            .Select(x => $"{PackMerger.ReasonName(x.Reason)} {S(x.Count)}");
        o.WriteLine($"  report: {string.Join(", ", counts.DefaultIfEmpty("nothing to report"))}");
        if (result.Change is { } change && result.Base is { } b)
        {
            o.WriteLine($"  version: {pack.Version} (base {b.Path} {b.Pack.Version}; change {DiffReportWriter.Name(change.Required)}{(change.Reasons.Length > 0 ? ": " + string.Join("; ", change.Reasons) : string.Empty)})");
        }
    }


    private static void WriteReport(Stream stream, string path, MergeResult result, int inputCount)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("pack", result.Pack!.Id);
                w.WriteString("version", result.Pack.Version);
                w.WriteNumber("inputQuestions", result.InputQuestions);
                w.WriteNumber("outputQuestions", result.Pack.Questions.Length);
                w.WriteStartArray("entries");
                foreach (var e in result.Report)
                {
                    w.WriteStartObject();
                    w.WriteString("reason", PackMerger.ReasonName(e.Reason));
                    w.WriteString("subject", e.Subject);
                    w.WriteString("message", e.Message);
                    w.WriteStartArray("locations");
                    foreach (var l in e.Locations)
                    {
                        w.WriteStringValue(l.ToString());
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
            return;
        }

        using var sw = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        WriteSummary(sw, result, inputCount);
        foreach (var e in result.Report)
        {
            sw.WriteLine(PackMerger.Format(e));
        }
    }
}
