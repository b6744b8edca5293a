using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using HrPrep.Packs.Yaml;

namespace HrPrep.Packs;

/// <summary>The packs read from a set of files, every problem found on the way, and each file as read.</summary>
/// <param name="Packs">The packs that were read, ordered by id.</param>
/// <param name="Diagnostics">Every problem, ordered by path, line and column.</param>
public sealed record PackReadResult(ImmutableArray<QuestionPack> Packs, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>
    /// Each file that was read, in the order read (ordinal path order within a directory): its
    /// manifest, questions and own diagnostics, and its YAML tree when <see cref="PackReadOptions.KeepTrees"/> is set.
    /// </summary>
    public ImmutableArray<PackFile> Files { get; init; } = [];

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Throws <see cref="PackLoadException"/> when there are errors; returns the packs otherwise.</summary>
    public ImmutableArray<QuestionPack> GetPacksOrThrow() =>
        HasErrors ? throw new PackLoadException(Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray()) : Packs;
}

/// <summary>How <see cref="PackReader"/> reads a set of files.</summary>
public sealed record PackReadOptions
{
    /// <summary>The default options: default YAML limits, trees released, one file per core in parallel.</summary>
    public static PackReadOptions Default { get; } = new();

    /// <summary>The YAML reader's limits (file size, depth, questions per file).</summary>
    public YamlReaderOptions Yaml { get; init; } = YamlReaderOptions.Default;

    /// <summary>
    /// Keep each file's YAML tree in <see cref="PackFile.Root"/> (for tools that look at the source:
    /// positions of every value, keys the model does not hold). Off by default: the tree is released
    /// once the file is bound, which keeps memory near the model's size.
    /// </summary>
    public bool KeepTrees { get; init; }

    /// <summary>How many files are read at once when reading paths (default: one per processor).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Applied to each valid question as soon as its file is bound (on the reading thread, before the
    /// packs are assembled), or null (the default) to keep every question as bound. A tool that needs
    /// only part of each question (counts, a table of prompts) returns a copy without the texts it does
    /// not use, so they are never held for the whole read: on many small packs that is most of the
    /// memory, and of the garbage collector's work. The copy must keep <see cref="Question.Id"/>,
    /// <see cref="Question.PackId"/>, <see cref="Question.Category"/> and <see cref="Question.Location"/>,
    /// which assembling checks; the result's <see cref="PackReadResult.Files"/> hold the copies too.
    /// Only <see cref="PackReader.Read(IEnumerable{string}, PackReadOptions?)"/> and the stream overload apply it.
    /// </summary>
    public Func<Question, Question>? TrimQuestion { get; init; }
}

/// <summary>The files a set of paths stands for, and the paths that could not be found or listed.</summary>
/// <param name="Files">The files, each once: directories expanded to their <c>*.yaml</c>/<c>*.yml</c> files (recursively, ordinal order).</param>
/// <param name="Diagnostics">An <c>IO001</c> error for each path that does not exist or cannot be listed.</param>
public sealed record PathExpansion(ImmutableArray<string> Files, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Reads question packs from files, directories or streams. A pack is a single file holding
/// <c>pack</c> and <c>questions</c>, or a directory whose <c>pack.yaml</c> manifest is joined by
/// every other <c>*.yaml</c> question file beside it. Never throws for bad input.
/// </summary>
/// <remarks>
/// Reading is three plain steps, each public so that tools can put their own work between them:
/// <see cref="ExpandPaths"/> (paths to files), <see cref="ReadFile(string, ReadOnlySpan{byte}, YamlReaderOptions?, bool)"/>
/// (one file: safe YAML read, then <see cref="PackFileBinder"/>), and <see cref="Assemble"/> (files
/// to packs, with the checks across files). <see cref="Read(IEnumerable{string}, PackReadOptions?)"/> does all three.
/// </remarks>
public static partial class PackReader
{
    /// <summary>The manifest file name of a directory pack.</summary>
    public const string ManifestFileName = "pack.yaml";

    /// <summary>Reads the given files and directories (searched recursively for <c>*.yaml</c> and <c>*.yml</c>).</summary>
    /// <param name="paths">Files and directories.</param>
    /// <param name="options">The YAML reader's limits, or null for the defaults.</param>
    public static PackReadResult ReadPaths(IEnumerable<string> paths, YamlReaderOptions? options = null) =>
        Read(paths, options is null ? null : new PackReadOptions { Yaml = options });

    /// <summary>Reads the given named streams; names are paths used for grouping and in diagnostics.</summary>
    /// <param name="files">Names (paths) and streams; the streams are read to the end and not closed.</param>
    /// <param name="options">The YAML reader's limits, or null for the defaults.</param>
    public static PackReadResult ReadStreams(IEnumerable<KeyValuePair<string, Stream>> files, YamlReaderOptions? options = null) =>
        Read(files, options is null ? null : new PackReadOptions { Yaml = options });

    /// <summary>Reads the given files and directories, files in parallel; the result lists each file as read.</summary>
    /// <param name="paths">Files and directories.</param>
    /// <param name="options">How to read, or null for <see cref="PackReadOptions.Default"/>.</param>
    public static PackReadResult Read(IEnumerable<string> paths, PackReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= PackReadOptions.Default;
        var expansion = ExpandPaths(paths);
        var files = expansion.Files;
        var parsed = new PackFile[files.Length];
        var yaml = options.Yaml;
        bool keepTrees = options.KeepTrees;
        var trim = options.TrimQuestion;
        int workers = Math.Max(1, options.MaxDegreeOfParallelism);
        if (workers == 1 || files.Length < 2)
        {
            for (int i = 0; i < files.Length; i++)
            {
                parsed[i] = Trim(ReadFile(files[i], yaml, keepTrees), trim);
            }
        }
        else
        {
            // Ranges of files rather than one task item per file: many small packs are mostly fixed
            // costs, and the scheduler's per-item work (a delegate call, a shared counter) was one of them.
            Parallel.ForEach(Partitioner.Create(0, files.Length, BatchSize(files.Length, workers)), new ParallelOptions { MaxDegreeOfParallelism = workers }, range =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    parsed[i] = Trim(ReadFile(files[i], yaml, keepTrees), trim);
                }
            });
        }

        return Assemble(parsed, expansion.Diagnostics);
    }

    /// <summary>The file with <paramref name="trim"/> applied to each of its questions (the file itself when there is nothing to do).</summary>
    private static PackFile Trim(PackFile file, Func<Question, Question>? trim)
    {
        if (trim is null || file.Questions.IsDefaultOrEmpty)
        {
            return file;
        }

        var trimmed = new Question[file.Questions.Length];
        for (int i = 0; i < trimmed.Length; i++)
        {
            trimmed[i] = trim(file.Questions[i]);
        }

        return file with { Questions = ImmutableCollectionsMarshal.AsImmutableArray(trimmed) };
    }

    /// <summary>Files per batch: small enough that the workers finish together (about 16 batches each), at most 64.</summary>
    internal static int BatchSize(int files, int workers) => Math.Clamp(files / (workers * 16), 1, 64);

    /// <summary>Reads the given named streams in order; names are paths used for grouping and in diagnostics.</summary>
    /// <param name="files">Names (paths) and streams; the streams are read to the end and not closed.</param>
    /// <param name="options">How to read, or null for <see cref="PackReadOptions.Default"/>.</param>
    public static PackReadResult Read(IEnumerable<KeyValuePair<string, Stream>> files, PackReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= PackReadOptions.Default;
        var parsed = new List<PackFile>();
        foreach (var (path, stream) in files)
        {
            parsed.Add(Trim(PackFileBinder.Bind(SafeYamlReader.ReadStream(path, stream, options.Yaml), options.Yaml, options.KeepTrees), options.TrimQuestion));
        }

        return Assemble(parsed);
    }

    /// <summary>Reads and binds one file from disk (refused unread when over the size limit).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The YAML reader's limits, or null for the defaults.</param>
    /// <param name="keepTree">Keep the YAML tree in <see cref="PackFile.Root"/>.</param>
    public static PackFile ReadFile(string path, YamlReaderOptions? options = null, bool keepTree = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= YamlReaderOptions.Default;
        return PackFileBinder.Bind(SafeYamlReader.ReadFile(path, options), options, keepTree);
    }

    /// <summary>Reads and binds one file from its UTF-8 bytes.</summary>
    /// <param name="path">The name used for grouping and in diagnostics.</param>
    /// <param name="utf8">The file's bytes (an optional byte-order mark is skipped).</param>
    /// <param name="options">The YAML reader's limits, or null for the defaults.</param>
    /// <param name="keepTree">Keep the YAML tree in <see cref="PackFile.Root"/>.</param>
    public static PackFile ReadFile(string path, ReadOnlySpan<byte> utf8, YamlReaderOptions? options = null, bool keepTree = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= YamlReaderOptions.Default;
        return PackFileBinder.Bind(SafeYamlReader.Read(path, utf8, options), options, keepTree);
    }

    /// <summary>
    /// The files the paths stand for: each file once (by full path), directories expanded to their
    /// <c>*.yaml</c>/<c>*.yml</c> files recursively (hidden entries skipped) in ordinal order;
    /// an <c>IO001</c> error for each path that does not exist or cannot be listed.
    /// </summary>
    /// <param name="paths">Files and directories.</param>
    public static PathExpansion ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var diagnostics = new List<Diagnostic>();
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                List<string> found;
                try
                {
                    found = FindYamlFiles(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 0, 0), DiagnosticCodes.Unreadable, $"cannot read directory: {DiagnosticText.OneLine(ex.Message)}"));
                    continue;
                }

                found.Sort(StringComparer.Ordinal);
                foreach (var f in found)
                {
                    if (seen.Add(Path.GetFullPath(f)))
                    {
                        files.Add(f);
                    }
                }
            }
            else if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path)))
                {
                    files.Add(path);
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 0, 0), DiagnosticCodes.Unreadable, "no such file or directory"));
            }
        }

        return new PathExpansion([.. files], [.. diagnostics]);
    }

    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden };
    private static readonly EnumerationOptions TopLevel = new() { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden };

    /// <summary>
    /// The <c>*.yaml</c>/<c>*.yml</c> files under a directory, recursively, hidden entries skipped, in no
    /// particular order. A directory with many subdirectories (a collection of one folder per pack)
    /// has each subdirectory listed on its own, in parallel: listing 20,000 folders one after the
    /// other was a tenth of a <c>stats</c> run.
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <param name="parallelFrom">How many subdirectories make the listing parallel.</param>
    /// <exception cref="IOException">A directory cannot be listed (the first such subdirectory in ordinal order).</exception>
    /// <exception cref="UnauthorizedAccessException">A directory cannot be listed.</exception>
    internal static List<string> FindYamlFiles(string directory, int parallelFrom = 64)
    {
        string[] subdirectories = Directory.GetDirectories(directory, "*", TopLevel);
        if (subdirectories.Length < parallelFrom)
        {
            return [.. Directory.EnumerateFiles(directory, "*", Recursive).Where(IsYamlName)];
        }

        var found = Directory.EnumerateFiles(directory, "*", TopLevel).Where(IsYamlName).ToList();
        Array.Sort(subdirectories, StringComparer.Ordinal);
        var parts = new List<string>[subdirectories.Length];
        var errors = new Exception?[subdirectories.Length];
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, subdirectories.Length, Math.Max(16, subdirectories.Length / (8 * Environment.ProcessorCount))), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                try
                {
                    parts[i] = [.. Directory.EnumerateFiles(subdirectories[i], "*", Recursive).Where(IsYamlName)];
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    errors[i] = ex;
                }
            }
        });

        if (Array.Find(errors, e => e is not null) is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }

        foreach (var part in parts)
        {
            found.AddRange(part);
        }

        return found;
    }

    private static bool IsYamlName(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Groups read files into packs and runs the checks across files: a directory's <c>pack.yaml</c>
    /// manifest takes every other file beside it; a file with its own manifest is a pack; duplicate,
    /// retired and undeclared ids are reported, and questions that fail them are left out.
    /// </summary>
    /// <param name="files">The files, as returned by <c>ReadFile</c>.</param>
    /// <param name="earlier">Diagnostics from before reading (such as <see cref="ExpandPaths"/>'s), merged into the result.</param>
    /// <returns>The packs (by id), every diagnostic (the files' own included, in source order) and the files.</returns>
    public static PackReadResult Assemble(IEnumerable<PackFile> files, IEnumerable<Diagnostic>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fileArray = files.ToImmutableArray();
        var diagnostics = earlier is null ? new List<Diagnostic>() : new List<Diagnostic>(earlier);
        foreach (var file in fileArray)
        {
            if (!file.Diagnostics.IsDefaultOrEmpty)
            {
                diagnostics.AddRange(file.Diagnostics);
            }
        }

        // The files grouped by directory (ordinal), the groups in ordinal order of their directory, each
        // group's files in ordinal path order and equal paths in input order: one sort of the files'
        // indexes, comparing directories as spans (no string, grouping or sorted copy per directory).
        int n = fileArray.Length;
        var dirLength = new int[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            dirLength[i] = Math.Max(0, fileArray[i].Path.AsSpan().LastIndexOfAny('/', '\\'));
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            string px = fileArray[x].Path, py = fileArray[y].Path;
            int c = px.AsSpan(0, dirLength[x]).SequenceCompareTo(py.AsSpan(0, dirLength[y]));
            if (c == 0)
            {
                c = string.CompareOrdinal(px, py);
            }

            return c != 0 ? c : x.CompareTo(y);
        });

        var packs = new List<QuestionPack>();
        for (int start = 0; start < n;)
        {
            string groupPath = fileArray[order[start]].Path;
            var directory = groupPath.AsSpan(0, dirLength[order[start]]);
            int end = start + 1;
            while (end < n && fileArray[order[end]].Path.AsSpan(0, dirLength[order[end]]).SequenceEqual(directory))
            {
                end++;
            }

            var members = new ArraySegment<int>(order, start, end - start);
            start = end;
            PackFile? manifestFile = null;
            foreach (int m in members)
            {
                if (IsManifestName(fileArray[m].Path))
                {
                    manifestFile = fileArray[m];
                    break;
                }
            }

            bool manifestDeclared = manifestFile is { DeclaresPack: true };
            if (manifestFile is { IsMapping: true, DeclaresPack: false })
            {
                diagnostics.Add(Diagnostic.Error(new SourceLocation(manifestFile.Path, 1, 1), DiagnosticCodes.NoPack, $"{ManifestFileName} must hold the pack manifest under 'pack'"));
            }

            List<PackFile>? looseQuestionFiles = null;
            foreach (int m in members)
            {
                var file = fileArray[m];
                if (file == manifestFile || !file.DeclaresPack)
                {
                    if (file != manifestFile)
                    {
                        (looseQuestionFiles ??= []).Add(file);
                    }

                    continue;
                }

                // A file with its own manifest is a single-file pack.
                if (file.Manifest is not null)
                {
                    packs.Add(Finish(file.Manifest, [file], diagnostics));
                }
            }

            if (manifestDeclared)
            {
                if (manifestFile!.Manifest is not null)
                {
                    packs.Add(Finish(manifestFile.Manifest, [manifestFile, .. looseQuestionFiles ?? []], diagnostics));
                }
            }
            else if (looseQuestionFiles is not null)
            {
                foreach (var file in looseQuestionFiles.Where(f => f.IsMapping))
                {
                    diagnostics.Add(Diagnostic.Error(new SourceLocation(file.Path, 1, 1), DiagnosticCodes.NoPack, $"this question file belongs to no pack: put a {ManifestFileName} manifest beside it or add a 'pack' manifest to the file"));
                }
            }
        }

        CheckAcrossPacks(packs, diagnostics);
        packs.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        diagnostics.Sort(CompareDiagnostics);
        return new PackReadResult([.. packs], [.. diagnostics]) { Files = fileArray };
    }

    // Up to this many categories, retired ids or questions a pack is searched by a scan instead of a
    // hash set: a collection of small packs made three sets per pack.
    private const int ScanLimit = 8;

    private static QuestionPack Finish(QuestionPack manifest, ReadOnlySpan<PackFile> files, List<Diagnostic> diagnostics)
    {
        var categoryList = manifest.Categories;
        var retiredList = manifest.Retired;
        HashSet<string>? categories = categoryList.Length > ScanLimit ? CategorySet(manifest) : null;
        HashSet<string>? retired = retiredList.Length > ScanLimit ? retiredList.ToHashSet(StringComparer.Ordinal) : null;
        Dictionary<string, Question>? byId = null;
        int total = 0;
        foreach (var file in files)
        {
            total += file.Questions.Length;
        }

        var questions = ImmutableArray.CreateBuilder<Question>(total);
        foreach (var file in files)
        {
            foreach (var q in file.Questions)
            {
                if (FirstWithId(q.Id) is { } first)
                {
                    diagnostics.Add(Diagnostic.Error(q.Location, DiagnosticCodes.DuplicateId, $"duplicate question id '{q.Id}' (first defined at {first.Location})"));
                    continue;
                }

                if (retired is not null ? retired.Contains(q.Id) : Contains(retiredList, q.Id))
                {
                    diagnostics.Add(Diagnostic.Error(q.Location, DiagnosticCodes.RetiredId, $"question id '{q.Id}' is retired in pack '{manifest.Id}' and cannot be used again"));
                    continue;
                }

                if (!(categories is not null ? categories.Contains(q.Category) : HasCategory(categoryList, q.Category)))
                {
                    string hint = NodeReader.Suggest(q.Category, categories ??= CategorySet(manifest)) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
                    diagnostics.Add(Diagnostic.Error(q.Location, DiagnosticCodes.UndeclaredCategory, $"category '{q.Category}' is not declared in pack '{manifest.Id}'{hint}"));
                    continue;
                }

                var owned = q.PackId == manifest.Id ? q : q with { PackId = manifest.Id };
                if (byId is not null)
                {
                    byId.Add(q.Id, owned);
                }
                else if (questions.Count == ScanLimit)
                {
                    byId = new Dictionary<string, Question>(total, StringComparer.Ordinal);
                    foreach (var earlier in questions)
                    {
                        byId.Add(earlier.Id, earlier);
                    }

                    byId.Add(q.Id, owned);
                }

                questions.Add(owned);
            }
        }

        return manifest with { Questions = questions.DrainToImmutable() };

        Question? FirstWithId(string id)
        {
            if (byId is not null)
            {
                return byId.GetValueOrDefault(id);
            }

            foreach (var earlier in questions)
            {
                if (string.Equals(earlier.Id, id, StringComparison.Ordinal))
                {
                    return earlier;
                }
            }

            return null;
        }
    }

    private static HashSet<string> CategorySet(QuestionPack manifest) => manifest.Categories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

    private static bool HasCategory(ImmutableArray<Category> categories, string id)
    {
        foreach (var c in categories)
        {
            if (string.Equals(c.Id, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ImmutableArray<string> values, string value)
    {
        foreach (var v in values)
        {
            if (string.Equals(v, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckAcrossPacks(List<QuestionPack> packs, List<Diagnostic> diagnostics)
    {
        int questionCount = 0;
        foreach (var pack in packs)
        {
            questionCount += pack.Questions.Length;
        }

        var packIds = new Dictionary<string, QuestionPack>(packs.Count, StringComparer.Ordinal);
        var questionIds = new Dictionary<string, Question>(questionCount, StringComparer.Ordinal);
        for (int i = 0; i < packs.Count; i++)
        {
            var pack = packs[i];
            if (!packIds.TryAdd(pack.Id, pack))
            {
                diagnostics.Add(Diagnostic.Error(pack.Location, DiagnosticCodes.DuplicatePack, $"pack id '{pack.Id}' is used by two packs (first at {packIds[pack.Id].Location})"));
                packs.RemoveAt(i--);
                continue;
            }

            foreach (var q in pack.Questions)
            {
                if (!questionIds.TryAdd(q.Id, q))
                {
                    diagnostics.Add(Diagnostic.Error(q.Location, DiagnosticCodes.DuplicateId, $"question id '{q.Id}' is also used in pack '{questionIds[q.Id].PackId}' at {questionIds[q.Id].Location}"));
                }
            }
        }
    }

    internal static int CompareDiagnostics(Diagnostic a, Diagnostic b)
    {
        int c = SourceLocation.CompareOrder(a.Path, a.Line, a.Column, b.Path, b.Line, b.Column);
        return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
    }

    internal static string DirectoryOf(string path)
    {
        int slash = path.AsSpan().LastIndexOfAny('/', '\\');
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static bool IsManifestName(string path)
    {
        var name = path.AsSpan(path.AsSpan().LastIndexOfAny('/', '\\') + 1);
        return name.Equals(ManifestFileName, StringComparison.OrdinalIgnoreCase) || name.Equals("pack.yml", StringComparison.OrdinalIgnoreCase);
    }
}
