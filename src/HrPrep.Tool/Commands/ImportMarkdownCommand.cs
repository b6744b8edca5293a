using HrPrep.Packs;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using HrPrep.Authoring.Import;
using HrPrep.Authoring.Writing;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary>
/// <c>dotnet hrprep import markdown PATH...</c>: pack skeletons from interview-prep pages, one page or
/// whole folders, in two streaming passes (read and plan; then build and write one pack at a time),
/// so memory does not grow with the number of pages: pass 2 reuses parsed pages up to a fixed
/// budget and reads the others again.
/// </summary>
internal static class ImportMarkdownCommand
{
    private static readonly System.Text.UTF8Encoding Utf8NoBom = new(false);

    private static readonly string[] NumberedItemReasons = [MarkdownImporter.ReasonLinkItem, MarkdownImporter.ReasonEmptyItem, MarkdownImporter.ReasonItemOutsideQuestions];

    private sealed record Settings(string[] Inputs, string? Output, bool Force, string? Id, string? Prefix, string Language, string? Report, DuplicatePolicy OnDuplicate, bool Flat, string[] Against);

    private sealed record PageSource(string Path, ImmutableArray<string> Folders, string RelativeDirectory);

    /// <summary>A page's role and question count; <see cref="Cached"/> keeps the parsed page while the run's cache budget lasts.</summary>
    private sealed record PagePlan(PageSource Source, string Role, int Count)
    {
        public MarkdownPage? Cached { get; set; }
    }

    /// <summary>Characters of question text kept from pass 1 for pass 2 (about 8 MB of strings); pages beyond it are read again.</summary>
    private const long CacheBudgetChars = 4L << 20;

    private sealed record PackPlan(string PackId, string Prefix, List<PagePlan> Pages, string? SourceFolder)
    {
        public int Count => Pages.Sum(p => p.Count);
    }

    public static Command Create(ToolContext context)
    {
        var inputs = new Argument<string[]>("paths") { Description = "Markdown pages or folders of them (*.md, searched recursively; UTF-8, Windows-1252 accepted).", Arity = ArgumentArity.OneOrMore };
        var output = ImportCommand.OutputOption();
        var force = ImportCommand.ForceOption();
        var id = new Option<string?>("--id") { Description = "Pack id (one page only; default: from the page's role)." };
        var prefix = new Option<string?>("--prefix") { Description = "Question id prefix (one page only; default: the pack id)." };
        var language = new Option<string>("--language") { Description = "The pages' language (BCP 47, default en).", DefaultValueFactory = _ => "en" };
        var report = new Option<string?>("--report") { Description = "Write every skipped line (path:line, reason, text), rename and error to FILE (JSON when it ends in .json, else text)." };
        var onDuplicate = new Option<string>("--on-duplicate") { Description = "Pages giving the same pack id: folder (default; qualify each id by its folder), fail, merge.", DefaultValueFactory = _ => "folder" };
        onDuplicate.AcceptOnlyFromAmong("folder", "fail", "merge");
        var layout = new Option<string>("--layout") { Description = "With folders or several pages: mirror (default; output folders mirror the input folders) or flat (all packs in OUT).", DefaultValueFactory = _ => "mirror" };
        layout.AcceptOnlyFromAmong("mirror", "flat");
        var against = new Option<string[]>("--against") { Description = "Existing packs (files or folders) whose pack and question ids the import must not reuse; repeatable.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("markdown", """
            Turn interview-prep pages (# title, description, numbered sample questions, link lines) into
            pack skeletons: role and description from the page, each numbered question as a prompt with
            origin 'imported', type guessed from its wording, level mid, and the placeholder answer
            "TODO: write the model answer." for authors to replace (lint flags it). Every numbered item
            under the questions heading is a question, whatever its words, unless the whole item is a
            link (e.g. '[CLICK HERE ...](...)'); every other line left out is counted in the summary and
            listed with path:line in --report. Question ids are <pack-id>-001, -002, ... (-1000 and wider
            when needed). Pages of the same role in different folders get ids qualified by the folder
            (finance-data-analyst, it-data-analyst). Mojibake such as 'üöÄ' is repaired.
            Exit 1 when a page has no title or no questions (the other pages are written), or when ids
            would collide or outputs exist (nothing is written).

            Examples:
              dotnet hrprep import markdown page.md
              dotnet hrprep import markdown a.md b.md -o drafts/
              dotnet hrprep import markdown corpus/ -o drafts/ --against questions/ --report import.json
            """);
        command.Arguments.Add(inputs);
        foreach (var option in new Option[] { output, force, id, prefix, language, report, onDuplicate, layout, against })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () => Run(context, new Settings(
            parse.GetValue(inputs)!,
            parse.GetValue(output),
            parse.GetValue(force),
            parse.GetValue(id),
            parse.GetValue(prefix),
            parse.GetValue(language)!,
            parse.GetValue(report),
            parse.GetValue(onDuplicate) switch { "fail" => DuplicatePolicy.Fail, "merge" => DuplicatePolicy.Merge, _ => DuplicatePolicy.Folder },
            parse.GetValue(layout) == "flat",
            parse.GetValue(against) ?? []))));
        return command;
    }

    private static int Run(ToolContext context, Settings s)
    {
        if (s.Id is { } packId && !PackScaffold.IsValidId(packId))
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"'{packId}' is not a valid pack id: use lower-case letters, digits and single hyphens, starting with a letter");
        }

        if (s.Prefix is { } p && !PackScaffold.IsValidId(p + "-001"))
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"'{p}' is not a valid id prefix: use lower-case letters, digits and single hyphens, starting with a letter");
        }

        var sources = Enumerate(s.Inputs);
        bool batch = sources.Count > 1 || s.Inputs.Any(Directory.Exists);
        if ((s.Id is not null || s.Prefix is not null) && sources.Count != 1)
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "--id and --prefix apply to one page only");
        }

        if (batch && s.Output is not null && PackOutput.LayoutOf(s.Output, null) == PackLayout.SingleFile)
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "several pages or a folder: give an output directory with -o, not a .yaml file");
        }

        var existing = LoadExisting(context, s);
        using var report = new ImportReport(s.Report);
        var pageErrors = new List<string>();
        var fatal = new List<string>();
        var skippedByReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var plans = new List<PagePlan>();
        int repaired = 0;
        long cached = 0;

        // Pass 1: read every page once; keep only its role and question count.
        foreach (var source in sources)
        {
            var page = MarkdownImporter.Parse(ImportCommand.ReadText(source.Path, allowWindows1252: true));
            foreach (var line in page.Skipped)
            {
                report.Skipped(source.Path, line);
                skippedByReason[line.Reason] = skippedByReason.GetValueOrDefault(line.Reason) + 1;
                if (NumberedItemReasons.Contains(line.Reason))
                {
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source.Path}:{line.Line}: note: skipped {line.Reason}: {line.Text}"));
                }
            }

            repaired += page.MojibakeRepaired ? 1 : 0;
            if (page.Role is null)
            {
                pageErrors.Add($"{source.Path}:1:1: error {ToolCodes.ImportNoTitle}: the page has no '# Title' line; nothing was imported from it");
            }
            else if (page.Questions.IsEmpty)
            {
                pageErrors.Add($"{source.Path}:1:1: error {ToolCodes.ImportNoQuestions}: the page has no numbered questions ('1. ...'); nothing was imported from it");
            }
            else if (page.Questions.Length > PackYamlWriterOptions.Default.MaxQuestionsPerFile)
            {
                fatal.Add(string.Create(CultureInfo.InvariantCulture, $"{source.Path}:1:1: error {ToolCodes.ImportLimit}: the page has {page.Questions.Length:N0} questions, over the reader's limit of {PackYamlWriterOptions.Default.MaxQuestionsPerFile:N0} per file; split the page"));
            }
            else
            {
                long size = page.Questions.Sum(q => (long)q.Text.Length + 64) + (page.Description?.Length ?? 0);
                bool keep = cached + size <= CacheBudgetChars;
                cached += keep ? size : 0;
                plans.Add(new PagePlan(source, page.Role, page.Questions.Length) { Cached = keep ? page with { Skipped = [] } : null });
            }
        }

        // Identity: pack ids settled across the run and the existing packs; question ids checked.
        var renames = ImmutableArray<PackRename>.Empty;
        var packs = new List<PackPlan>();
        if (s.Id is not null && plans.Count == 1)
        {
            if (existing.Any(e => e.Id == s.Id))
            {
                fatal.Add($"{plans[0].Source.Path}:1:1: error {ToolCodes.ImportPackId}: pack id '{s.Id}' is given by an existing pack");
            }

            packs.Add(new PackPlan(s.Id, s.Prefix ?? s.Id, [plans[0]], null));
        }
        else
        {
            var settled = ImportIdentity.SettlePackIds([.. plans.Select(p => new PageIdentity(p.Source.Path, p.Role, p.Source.Folders))], s.OnDuplicate, existing.Select(e => e.Id).ToHashSet(StringComparer.Ordinal));
            fatal.AddRange(settled.Errors.Select(e => $"hrprep: error {ToolCodes.ImportPackId}: {e}"));
            renames = settled.Renames;
            var folderOf = renames.ToDictionary(r => r.Path, r => r.Folder, StringComparer.Ordinal);
            var byId = new Dictionary<string, PackPlan>(StringComparer.Ordinal);
            for (int i = 0; i < plans.Count; i++)
            {
                if (!byId.TryGetValue(settled.PackIds[i], out var pack))
                {
                    pack = new PackPlan(settled.PackIds[i], s.Prefix ?? settled.PackIds[i], [], folderOf.GetValueOrDefault(plans[i].Source.Path));
                    byId.Add(pack.PackId, pack);
                    packs.Add(pack);
                }

                pack.Pages.Add(plans[i]);
            }
        }

        foreach (var pack in packs.Where(p => MarkdownImporter.QuestionId(p.Prefix, p.Count).Length > 64))
        {
            fatal.Add($"{pack.Pages[0].Source.Path}:1:1: error {ToolCodes.ImportLimit}: question id '{MarkdownImporter.QuestionId(pack.Prefix, pack.Count)}' would be longer than 64 characters; choose a shorter --id or --prefix");
        }

        foreach (var (q, pid) in ImportIdentity.QuestionIdCollisions(packs.Select(p => (p.PackId, p.Prefix, p.Count)), existing.SelectMany(e => e.Questions)))
        {
            fatal.Add($"{q.Location.Path}:{q.Location.Line}:{q.Location.Column}: error {ToolCodes.ImportQuestionId}: question id '{q.Id}' of pack '{q.PackId}' already exists; importing would give it to a question of pack '{pid}'");
        }

        // Targets: nothing is replaced without --force.
        var targets = packs.Select(p => Target(s, batch, p)).ToList();
        if (s.Output is null && packs.Count > 1)
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "several packs: give an output directory with -o");
        }

        if (s.Output is not null && fatal.Count == 0)
        {
            foreach (var (target, layout) in targets)
            {
                PackOutput.CheckReplaceable(target, layout);
                if (!s.Force && (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())))
                {
                    fatal.Add($"hrprep: error EXISTS: {target} already exists; pass --force to replace it");
                }
            }
        }

        var summary = new List<KeyValuePair<string, long>>
        {
            new("pages read", sources.Count),
            new("pages without questions", pageErrors.Count),
            new("questions imported", fatal.Count == 0 ? packs.Sum(p => (long)p.Count) : 0),
            new("packs written", fatal.Count == 0 ? packs.Count : 0),
            new("packs renamed", renames.Length),
            new("lines skipped", skippedByReason.Values.Sum()),
            new("pages with mojibake repaired", repaired),
        };
        var errors = pageErrors.Concat(fatal).ToList();
        foreach (var e in errors)
        {
            context.Error.WriteLine(e);
        }

        if (fatal.Count > 0)
        {
            report.Complete(renames, errors, summary, [.. skippedByReason]);
            throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, string.Create(CultureInfo.InvariantCulture, $"{fatal.Count} problem{(fatal.Count == 1 ? "" : "s")} with ids or outputs; nothing was written"));
        }

        foreach (var r in renames)
        {
            context.Error.WriteLine($"{r.Path}: note: pack id '{r.From}' is given by pages in several folders; this one is '{r.To}' (folder {r.Folder})");
        }

        // Pass 2: read the pages of one pack again, build it, write it; one pack in memory at a time.
        // A batch into a new (or empty) OUT is built in a temporary sibling folder that is moved into
        // place at the end: all packs appear at once or none. Otherwise each file is written atomically.
        string? stage = batch && s.Output is not null && !(Directory.Exists(s.Output) && Directory.EnumerateFileSystemEntries(s.Output).Any())
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(s.Output).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "." + Path.GetFileName(Path.GetFullPath(s.Output).TrimEnd(Path.DirectorySeparatorChar)) + "." + Guid.NewGuid().ToString("N") + ".tmp")
            : null;
        try
        {
            WritePacks(context, s, batch, packs, targets, stage);
            if (stage is not null)
            {
                if (Directory.Exists(s.Output))
                {
                    Directory.Delete(s.Output!);
                }

                Directory.Move(stage, s.Output!);
                stage = null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Io, $"cannot write {s.Output}: {DiagnosticText.OneLine(ex.Message)}; {(stage is null ? "packs written so far are complete files" : "nothing was written")}");
        }
        catch (InvalidDataException ex)
        {
            throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"{DiagnosticText.OneLine(ex.Message)}; {(stage is null ? "packs written so far are complete files" : "nothing was written")}");
        }
        finally
        {
            if (stage is not null && Directory.Exists(stage))
            {
                Directory.Delete(stage, recursive: true);
            }
        }

        if (batch && s.Output is not null)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {packs.Count} packs to {s.Output}"));
        }

        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hrprep: import: {Plural(sources.Count, "page")} read, {Plural(summary[2].Value, "question")} imported into {Plural(packs.Count, "pack")}, {Plural(pageErrors.Count, "page")} without questions, {Plural(renames.Length, "pack")} renamed; skipped {Plural(summary[5].Value, "line")}{(skippedByReason.Count == 0 ? "" : " (" + string.Join(", ", skippedByReason.Select(r => $"{r.Key} {r.Value}")) + ")")}{(repaired > 0 ? $"; repaired mojibake on {Plural(repaired, "page")}" : "")}{(s.Report is null && skippedByReason.Count > 0 ? "; --report FILE lists every skipped line" : "")}"));
        report.Complete(renames, errors, summary, [.. skippedByReason]);
        return pageErrors.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static void WritePacks(ToolContext context, Settings s, bool batch, List<PackPlan> packs, List<(string Target, PackLayout Layout)> targets, string? stage)
    {
        var optionsByDirectory = new Dictionary<string, PackYamlWriterOptions>(StringComparer.Ordinal);
        var created = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < packs.Count; i++)
        {
            var plan = packs[i];
            var pages = plan.Pages.Select(page =>
            {
                var parsed = page.Cached ?? MarkdownImporter.Parse(ImportCommand.ReadText(page.Source.Path, allowWindows1252: true));
                return parsed.Questions.Length == page.Count
                    ? parsed
                    : throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"{page.Source.Path} changed during the import ({page.Count} questions, now {parsed.Questions.Length}); run it again");
            }).ToList();
            foreach (var page in plan.Pages)
            {
                page.Cached = null;
            }

            QuestionPack pack;
            try
            {
                pack = MarkdownImporter.BuildPack(pages, new MarkdownImportOptions { PackId = plan.PackId, IdPrefix = plan.Prefix, Language = s.Language, SourceFolder = plan.SourceFolder });
            }
            catch (FormatException ex)
            {
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Import, $"{plan.Pages[0].Source.Path}: {ex.Message}");
            }

            if (s.Output is null)
            {
                context.Out.Write(PackYamlWriter.ToSingleFileText(pack, new PackYamlWriterOptions { SchemaReference = PackYamlWriter.SchemaReferenceFor(Path.Combine(context.WorkingDirectory, "x.yaml"), isDirectory: false) }));
                continue;
            }

            var (target, layout) = targets[i];
            string directory = Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".";
            string key = directory + "|" + layout;
            if (!optionsByDirectory.TryGetValue(key, out var options))
            {
                options = PackOutput.OptionsFor(target, layout);
                optionsByDirectory[key] = options;
            }

            if (stage is null)
            {
                PackYamlWriter.Write(pack, target, layout, options);
            }
            else
            {
                string staged = Path.Combine(stage, Path.GetRelativePath(s.Output, target));
                string stagedDirectory = Path.GetDirectoryName(staged)!;
                if (created.Add(stagedDirectory))
                {
                    Directory.CreateDirectory(stagedDirectory);
                }

                // Small buffers: 128 KB writer buffers would land on the large-object heap once per pack,
                // and each such allocation can trigger a full collection (measured: 20,000 packs took
                // 13 s of CPU with them).
                using var stream = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 14);
                using (var writer = new StreamWriter(stream, Utf8NoBom, 1 << 12, leaveOpen: true) { NewLine = "\n" })
                {
                    PackYamlWriter.WriteSingleFile(writer, pack, options);
                }

                if (stream.Length > options.MaxFileBytes)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{target} would be {stream.Length:N0} bytes, over the reader's limit of {options.MaxFileBytes:N0} bytes; split the page"));
                }
            }

            if (!batch)
            {
                context.Out.WriteLine($"wrote {target} ({pack.Id}, {pack.Questions.Length} questions)");
            }
        }
    }

    private static string Plural(long n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    private static (string Target, PackLayout Layout) Target(Settings s, bool batch, PackPlan pack)
    {
        if (s.Output is null)
        {
            return (string.Empty, PackLayout.SingleFile);
        }

        if (!batch)
        {
            return (s.Output, PackOutput.LayoutOf(s.Output, null));
        }

        string dir = s.Flat ? string.Empty : CommonDirectory(pack.Pages.Select(p => p.Source.RelativeDirectory));
        return (Path.Combine(s.Output, dir, pack.PackId + ".yaml"), PackLayout.SingleFile);
    }

    private static string CommonDirectory(IEnumerable<string> dirs)
    {
        string[]? common = null;
        foreach (var d in dirs)
        {
            var parts = d.Split('/', StringSplitOptions.RemoveEmptyEntries);
            common = common is null ? parts : [.. common.Zip(parts).TakeWhile(z => z.First == z.Second).Select(z => z.First)];
        }

        return string.Join(Path.DirectorySeparatorChar, common ?? []);
    }

    /// <summary>Pages in a deterministic order: each argument in turn; a folder's *.md files recursively, in ordinal order of their relative paths.</summary>
    private static List<PageSource> Enumerate(string[] inputs)
    {
        var sources = new List<PageSource>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                string root = Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                string rootName = Path.GetFileName(root);
                List<string> files;
                try
                {
                    files = [.. Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)];
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new ToolExitException(ExitCodes.Unreadable, DiagnosticCodes.Unreadable, $"{input}: cannot read: {DiagnosticText.OneLine(ex.Message)}");
                }

                foreach (var file in files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
                {
                    string relDir = Path.GetDirectoryName(file)?.Replace('\\', '/') ?? string.Empty;
                    var folders = relDir.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse().Append(rootName).Where(f => f.Length > 0).ToImmutableArray();
                    sources.Add(new PageSource(Path.Combine(input, file), folders, relDir));
                }
            }
            else if (File.Exists(input))
            {
                string parent = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(input)) ?? string.Empty);
                sources.Add(new PageSource(input, parent.Length == 0 ? [] : [parent], string.Empty));
            }
            else
            {
                throw new ToolExitException(ExitCodes.Unreadable, DiagnosticCodes.Unreadable, $"{input}: cannot read: no such file or directory");
            }
        }

        return sources;
    }

    /// <summary>The packs of --against, without those inside the output (a re-import replaces them).</summary>
    private static List<QuestionPack> LoadExisting(ToolContext context, Settings s)
    {
        if (s.Against.Length == 0)
        {
            return [];
        }

        var packs = BankLoader.Load(context, s.Against).Packs;
        if (s.Output is null)
        {
            return [.. packs];
        }

        return [.. packs.Where(p => !PackOutput.IsSameOrInside(p.Location.Path, s.Output))];
    }
}
