using System.Diagnostics.CodeAnalysis;
using System.Collections.Immutable;
using HrPrep.Content.Loading;
using HrPrep.Content.Yaml;

namespace HrPrep.Content;

/// <summary>The packs read from a set of files and every problem found on the way.</summary>
/// <param name="Packs">The packs that were read, ordered by id.</param>
/// <param name="Diagnostics">Every problem, ordered by path, line and column.</param>
public sealed record PackReadResult(ImmutableArray<QuestionPack> Packs, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Throws <see cref="PackLoadException"/> when there are errors; returns the packs otherwise.</summary>
    public ImmutableArray<QuestionPack> GetPacksOrThrow() =>
        HasErrors ? throw new PackLoadException(Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray()) : Packs;
}

/// <summary>
/// Reads question packs from files, directories or streams. A pack is a single file holding
/// <c>pack</c> and <c>questions</c>, or a directory whose <c>pack.yaml</c> manifest is joined by
/// every other <c>*.yaml</c> question file beside it. Never throws for bad input.
/// </summary>
public static partial class PackReader
{
    /// <summary>The manifest file name of a directory pack.</summary>
    public const string ManifestFileName = "pack.yaml";

    /// <summary>Reads the given files and directories (searched recursively for <c>*.yaml</c> and <c>*.yml</c>).</summary>
    public static PackReadResult ReadPaths(IEnumerable<string> paths, YamlReaderOptions? options = null) =>
        ReadPathsDetailed(paths, options).Result;

    /// <summary>Reads the given named streams; names are paths used for grouping and in diagnostics.</summary>
    public static PackReadResult ReadStreams(IEnumerable<KeyValuePair<string, Stream>> files, YamlReaderOptions? options = null) =>
        ReadStreamsDetailed(files, options).Result;

    internal static ReadDetails ReadStreamsDetailed(IEnumerable<KeyValuePair<string, Stream>> files, YamlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= YamlReaderOptions.Default;
        var list = files.ToList();
        var parsed = new PackFile[list.Count];
        var perFile = new List<Diagnostic>[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            perFile[i] = [];
            var read = SafeYamlReader.ReadStream(list[i].Key, list[i].Value, options);
            perFile[i].AddRange(read.Diagnostics);
            parsed[i] = PackFileBinder.Bind(read, options, perFile[i]);
        }

        return Assemble(parsed, perFile, []);
    }

    internal static ReadDetails ReadPathsDetailed(IEnumerable<string> paths, YamlReaderOptions? options = null) =>
        ReadPathsDetailed(paths, options, null);

    /// <summary>
    /// Reads files in parallel. With <paramref name="visit"/>, each file's raw bytes, parsed file and
    /// diagnostics are handed to the callback (on the reading thread) and the file's tree is then
    /// released, keeping only its manifest, and its questions keep only their identity (id, category,
    /// type, level, origin, location; texts are emptied), so that very large sets of files fit in memory.
    /// </summary>
    internal static ReadDetails ReadPathsDetailed(IEnumerable<string> paths, YamlReaderOptions? options, Action<PackFile, ReadOnlyMemory<byte>, IReadOnlyList<Diagnostic>>? visit)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= YamlReaderOptions.Default;
        var early = new List<Diagnostic>();
        var files = ExpandPaths(paths, early);
        var parsed = new PackFile[files.Count];
        var perFile = new List<Diagnostic>[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            perFile[i] = [];
            byte[]? raw = null;
            try
            {
                YamlReadResult read;
                if (visit is not null && TryReadAll(files[i], options, out raw, out int length))
                {
                    read = SafeYamlReader.Read(files[i], raw.AsSpan(0, length), options);
                    perFile[i].AddRange(read.Diagnostics);
                    parsed[i] = PackFileBinder.Bind(read, options, perFile[i]);

                    // The visitor must not keep the bytes: the buffer goes back to the pool below.
                    visit(parsed[i], raw.AsMemory(0, length), perFile[i]);
                }
                else
                {
                    read = SafeYamlReader.ReadFile(files[i], options);
                    perFile[i].AddRange(read.Diagnostics);
                    parsed[i] = PackFileBinder.Bind(read, options, perFile[i]);
                    visit?.Invoke(parsed[i], ReadOnlyMemory<byte>.Empty, perFile[i]);
                }
            }
            finally
            {
                if (raw is not null)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(raw);
                }
            }

            parsed[i] = visit is not null
                ? parsed[i] with { Root = ManifestOnly(parsed[i].Root), Questions = [.. parsed[i].Questions.Select(Slim)] }

                // The questions are bound: release the file's node tree (only the manifest key is needed to group files).
                : parsed[i] with { Root = ManifestOnly(parsed[i].Root) };
        });
        return Assemble(parsed, perFile, early);
    }

    /// <summary>Reads a whole file into a pooled buffer (returned by the caller); false when it cannot be read or is over the limit.</summary>
    private static bool TryReadAll(string path, YamlReaderOptions options, [NotNullWhen(true)] out byte[]? bytes, out int length)
    {
        bytes = null;
        length = 0;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.Length > options.MaxFileBytes)
            {
                return false;
            }

            var (buffer, total) = SafeYamlReader.ReadBounded(stream, options.MaxFileBytes);
            if (total > options.MaxFileBytes)
            {
                // The file grew past the limit while being read: let the general path report it.
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                return false;
            }

            bytes = buffer;
            length = total;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    private static readonly ModelAnswer EmptyAnswer = new(string.Empty, []);

    /// <summary>Keeps a question's identity (id, category, type, level, origin, location) and drops its texts.</summary>
    private static Question Slim(Question q) => new()
    {
        Id = q.Id,
        PackId = q.PackId,
        Prompt = string.Empty,
        Category = q.Category,
        Type = q.Type,
        Level = q.Level,
        Origin = q.Origin,
        Answer = EmptyAnswer,
        Location = q.Location,
    };

    /// <summary>Keeps only what assembling packs needs of a tree: the root mapping with its 'pack' entry.</summary>
    private static YamlNode? ManifestOnly(YamlNode? root) => root is YamlMapping map
        ? new YamlMapping(map.Start, map.Entries.Where(e => e.Key.Value == "pack").ToList())
        : root;

    internal sealed record ReadDetails(PackReadResult Result, ImmutableArray<PackFile> Files);

    /// <summary>Expands directories to their YAML files (ordinal path order), reporting missing paths.</summary>
    internal static List<string> ExpandPaths(IEnumerable<string> paths, List<Diagnostic> diagnostics)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                List<string> found;
                try
                {
                    found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden })
                        .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                        .ToList();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 0, 0), "IO001", $"cannot read directory: {SafeYamlReader.OneLine(ex.Message)}"));
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
                diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 0, 0), "IO001", "no such file or directory"));
            }
        }

        return files;
    }

    private static ReadDetails Assemble(PackFile[] files, List<Diagnostic>[] perFile, List<Diagnostic> early)
    {
        var diagnostics = new List<Diagnostic>(early);
        foreach (var list in perFile)
        {
            diagnostics.AddRange(list);
        }

        var packs = new List<QuestionPack>();
        foreach (var group in files.GroupBy(f => DirectoryOf(f.Path), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var manifestFile = members.FirstOrDefault(f => IsManifestName(f.Path));
            bool manifestDeclared = manifestFile?.Root is YamlMapping mm && mm.Get("pack") is not null;
            if (manifestFile is not null && manifestFile.Root is YamlMapping && !manifestDeclared)
            {
                diagnostics.Add(Diagnostic.Error(new SourceLocation(manifestFile.Path, 1, 1), "PACK009", $"{ManifestFileName} must hold the pack manifest under 'pack'"));
            }

            var looseQuestionFiles = new List<PackFile>();
            foreach (var file in members)
            {
                bool hasManifest = file.Root is YamlMapping m && m.Get("pack") is not null;
                if (file == manifestFile || !hasManifest)
                {
                    if (file != manifestFile)
                    {
                        looseQuestionFiles.Add(file);
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
                    packs.Add(Finish(manifestFile.Manifest, [manifestFile, .. looseQuestionFiles], diagnostics));
                }
            }
            else
            {
                foreach (var file in looseQuestionFiles.Where(f => f.Root is YamlMapping))
                {
                    diagnostics.Add(Diagnostic.Error(new SourceLocation(file.Path, 1, 1), "PACK009", $"this question file belongs to no pack: put a {ManifestFileName} manifest beside it or add a 'pack' manifest to the file"));
                }
            }
        }

        CheckAcrossPacks(packs, diagnostics);
        packs.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        diagnostics.Sort(CompareDiagnostics);
        return new ReadDetails(new PackReadResult([.. packs], [.. diagnostics]), [.. files]);
    }

    private static QuestionPack Finish(QuestionPack manifest, List<PackFile> files, List<Diagnostic> diagnostics)
    {
        var categories = manifest.Categories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var retired = manifest.Retired.ToHashSet(StringComparer.Ordinal);
        var byId = new Dictionary<string, Question>(StringComparer.Ordinal);
        var questions = ImmutableArray.CreateBuilder<Question>();
        foreach (var file in files)
        {
            foreach (var q in file.Questions)
            {
                if (byId.TryGetValue(q.Id, out var first))
                {
                    diagnostics.Add(Diagnostic.Error(q.Location, "PACK006", $"duplicate question id '{q.Id}' (first defined at {first.Location})"));
                    continue;
                }

                if (retired.Contains(q.Id))
                {
                    diagnostics.Add(Diagnostic.Error(q.Location, "PACK013", $"question id '{q.Id}' is retired in pack '{manifest.Id}' and cannot be used again"));
                    continue;
                }

                if (!categories.Contains(q.Category))
                {
                    string hint = NodeReader.Suggest(q.Category, categories) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
                    diagnostics.Add(Diagnostic.Error(q.Location, "PACK007", $"category '{q.Category}' is not declared in pack '{manifest.Id}'{hint}"));
                    continue;
                }

                var owned = q.PackId == manifest.Id ? q : q with { PackId = manifest.Id };
                byId.Add(q.Id, owned);
                questions.Add(owned);
            }
        }

        return manifest with { Questions = questions.ToImmutable() };
    }

    private static void CheckAcrossPacks(List<QuestionPack> packs, List<Diagnostic> diagnostics)
    {
        var packIds = new Dictionary<string, QuestionPack>(StringComparer.Ordinal);
        var questionIds = new Dictionary<string, Question>(StringComparer.Ordinal);
        for (int i = 0; i < packs.Count; i++)
        {
            var pack = packs[i];
            if (!packIds.TryAdd(pack.Id, pack))
            {
                diagnostics.Add(Diagnostic.Error(pack.Location, "PACK014", $"pack id '{pack.Id}' is used by two packs (first at {packIds[pack.Id].Location})"));
                packs.RemoveAt(i--);
                continue;
            }

            foreach (var q in pack.Questions)
            {
                if (!questionIds.TryAdd(q.Id, q))
                {
                    diagnostics.Add(Diagnostic.Error(q.Location, "PACK006", $"question id '{q.Id}' is also used in pack '{questionIds[q.Id].PackId}' at {questionIds[q.Id].Location}"));
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
        int slash = path.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static bool IsManifestName(string path)
    {
        string name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        return name.Equals(ManifestFileName, StringComparison.OrdinalIgnoreCase) || name.Equals("pack.yml", StringComparison.OrdinalIgnoreCase);
    }
}
