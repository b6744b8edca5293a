using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using HrPrep.Content.Compiled;
using HrPrep.Content.Querying;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;

namespace HrPrep.Content;

/// <summary>
/// A read-only set of question packs with lookup by id, fluent queries, ranked text search and
/// reproducible sampling. Thread-safe. <see cref="Default"/> holds the packs shipped in this
/// assembly; the <c>From…</c> and <c>LoadAsync</c> methods read a user's own packs with the same
/// safe reader. Implements <see cref="IQuestionBank"/> for dependency injection.
/// </summary>
public sealed class QuestionBank : IQuestionBank
{
    // The embedded packs (QuestionBank.Default) are built without the id dictionary: the first
    // query needs none of it, so it is filled on the first lookup by id. The search index is built
    // on the first text search.
    private Dictionary<string, Question>? byId;
    private SearchIndex? index;
    private Question[]? byIdOrder;

    // QuestionBank.Default, read once under a lock created on first use (no static constructor and
    // no Lazy<T> on the start-up path). A failed read is not kept: the next use reads again.
    private static QuestionBank? defaultBank;
    private static bool defaultLoaded;
    private static object? defaultLock;

    /// <summary>Creates a bank from packs already read.</summary>
    /// <exception cref="PackLoadException">Two packs share an id, or a question id is used twice.</exception>
    public QuestionBank(IEnumerable<QuestionPack> packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var array = packs.ToArray();
        Array.Sort(array, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var sorted = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
        var problems = new List<Diagnostic>();
        var ids = new Dictionary<string, Question>(StringComparer.Ordinal);
        var packIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pack in sorted)
        {
            if (!packIds.Add(pack.Id))
            {
                problems.Add(Diagnostic.Error(pack.Location, DiagnosticCodes.DuplicatePack, $"pack id '{pack.Id}' is used by two packs"));
            }

            foreach (var q in pack.Questions)
            {
                if (!ids.TryAdd(q.Id, q))
                {
                    problems.Add(Diagnostic.Error(q.Location, DiagnosticCodes.DuplicateId, $"question id '{q.Id}' is also used at {ids[q.Id].Location}"));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new PackLoadException(problems);
        }

        Packs = sorted;
        var all = new List<Question>(ids.Count);
        foreach (var pack in sorted)
        {
            all.AddRange(pack.Questions);
        }

        Questions = [.. all];
        byId = ids;
        ContentVersion = VersionOf(sorted);
    }

    /// <summary>
    /// A bank over packs the build compiled and validated (the embedded packs): already sorted by id,
    /// with unique pack and question ids (the pack compiler refuses duplicates with the same checks
    /// as the public constructor), so nothing is re-sorted or re-checked and the id dictionary is
    /// built on first use.
    /// </summary>
    private QuestionBank(ImmutableArray<QuestionPack> sortedPacks, ImmutableArray<Question> questions)
    {
        Packs = sortedPacks;
        Questions = questions;
        ContentVersion = VersionOf(sortedPacks);
    }

    /// <summary>
    /// The packs embedded in this assembly, read on first use (thread-safe, once).
    /// </summary>
    /// <exception cref="PackLoadException">An embedded pack is invalid (names the resource and position).</exception>
    public static QuestionBank Default =>
        Volatile.Read(ref defaultBank) ?? LazyInitializer.EnsureInitialized(ref defaultBank, ref defaultLoaded, ref defaultLock, LoadDefault)!;

    /// <summary>The packs, ordered by id.</summary>
    public ImmutableArray<QuestionPack> Packs { get; }

    /// <summary>Every question: packs in id order, questions in file order. Use LINQ freely.</summary>
    public ImmutableArray<Question> Questions { get; }

    /// <summary>
    /// The content version: the pack's version when there is one pack, otherwise
    /// <c>packA@1.0.0+packB@2.1.0</c> in pack id order.
    /// </summary>
    public string ContentVersion { get; }

    internal SearchIndex Index => Volatile.Read(ref index) ?? LazyInitializer.EnsureInitialized(ref index, () => new SearchIndex(Questions));

    private Dictionary<string, Question> ById => Volatile.Read(ref byId) ?? LazyInitializer.EnsureInitialized(ref byId, () =>
    {
        var ids = new Dictionary<string, Question>(Questions.Length, StringComparer.Ordinal);
        foreach (var q in Questions)
        {
            ids.Add(q.Id, q);
        }

        return ids;
    });

    /// <summary>Every question sorted by (pack id, question id) ordinally: the sampling order.</summary>
    internal Question[] QuestionsById => LazyInitializer.EnsureInitialized(ref byIdOrder, () =>
    {
        var ordered = Questions.ToArray();
        Array.Sort(ordered, (a, b) =>
        {
            int c = string.CompareOrdinal(a.PackId, b.PackId);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });
        return ordered;
    });

    /// <summary>Reads every pack under a directory (recursively).</summary>
    /// <exception cref="PackLoadException">Any file is unreadable or invalid; carries every problem.</exception>
    public static QuestionBank FromDirectory(string path, YamlReaderOptions? options = null) =>
        FromFiles([path], options);

    /// <summary>Reads packs from files and directories (a directory pack is its <c>pack.yaml</c> plus the YAML files beside it).</summary>
    /// <exception cref="PackLoadException">Any file is unreadable or invalid; carries every problem.</exception>
    public static QuestionBank FromFiles(IEnumerable<string> paths, YamlReaderOptions? options = null) =>
        new(PackReader.ReadPaths(paths, options).GetPacksOrThrow());

    /// <summary>Reads packs from named streams (names are paths, used to group directory packs and in errors). Streams are not closed.</summary>
    /// <exception cref="PackLoadException">Any stream is unreadable or invalid; carries every problem.</exception>
    public static QuestionBank FromStreams(IEnumerable<KeyValuePair<string, Stream>> files, YamlReaderOptions? options = null) =>
        new(PackReader.ReadStreams(files, options).GetPacksOrThrow());

    /// <summary>
    /// Reads packs from files and directories like <see cref="FromFiles"/>, reading the files with
    /// asynchronous I/O. Parsing is done after the reads, on the thread that completes them.
    /// </summary>
    /// <param name="paths">Files and directories (searched recursively for <c>*.yaml</c> and <c>*.yml</c>).</param>
    /// <param name="cancellationToken">Observed before and between file reads, during each read and before parsing.</param>
    /// <returns>The same bank <see cref="FromFiles"/> returns for the same files.</returns>
    /// <exception cref="PackLoadException">Any path is missing, or any file is unreadable or invalid; carries every problem.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task<QuestionBank> LoadAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        LoadAsync(paths, null, cancellationToken);

    /// <inheritdoc cref="LoadAsync(IEnumerable{string}, CancellationToken)" />
    /// <param name="paths">Files and directories (searched recursively for <c>*.yaml</c> and <c>*.yml</c>).</param>
    /// <param name="options">Reader limits; null for <see cref="YamlReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Observed before and between file reads, during each read and before parsing.</param>
    public static async Task<QuestionBank> LoadAsync(IEnumerable<string> paths, YamlReaderOptions? options, CancellationToken cancellationToken = default) =>
        new((await PackReader.ReadPathsAsync(paths, options, cancellationToken).ConfigureAwait(false)).GetPacksOrThrow());

    /// <summary>
    /// Reads packs from named streams like <see cref="FromStreams"/>, copying each stream with
    /// asynchronous I/O before parsing. Streams are not closed.
    /// </summary>
    /// <param name="files">Names (paths, used to group directory packs and in errors) and their streams.</param>
    /// <param name="options">Reader limits; null for <see cref="YamlReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Observed before and between stream reads, during each read and before parsing.</param>
    /// <returns>The same bank <see cref="FromStreams"/> returns for the same content.</returns>
    /// <exception cref="PackLoadException">Any stream is unreadable or invalid; carries every problem.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<QuestionBank> LoadAsync(IEnumerable<KeyValuePair<string, Stream>> files, YamlReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        new((await PackReader.ReadStreamsAsync(files, options, cancellationToken).ConfigureAwait(false)).GetPacksOrThrow());

    /// <summary>Finds a question by id, or null.</summary>
    public Question? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id);
    }

    /// <summary>Finds a question by id.</summary>
    /// <param name="id">The question id.</param>
    /// <param name="question">The question when found; null otherwise.</param>
    /// <returns>True when a question has that id.</returns>
    public bool TryGet(string id, [MaybeNullWhen(false)] out Question question)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.TryGetValue(id, out question);
    }

    /// <summary>Gets a question by id.</summary>
    /// <exception cref="KeyNotFoundException">No question has that id.</exception>
    public Question this[string id] => Find(id) ?? throw new KeyNotFoundException($"No question has the id '{id}'.");

    /// <summary>Finds a pack by id, or null.</summary>
    public QuestionPack? FindPack(string id)
    {
        // Packs are sorted by id (ordinal) and their ids are unique: a binary search, so finding the
        // pack of every question (export, categories) stays fast with thousands of packs.
        int lo = 0, hi = Packs.Length - 1;
        while (lo <= hi && id is not null)
        {
            int mid = lo + ((hi - lo) / 2);
            int c = string.CompareOrdinal(Packs[mid].Id, id);
            if (c == 0)
            {
                return Packs[mid];
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return null;
    }

    /// <summary>The category a question belongs to.</summary>
    public Category CategoryOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return FindPack(question.PackId)?.FindCategory(question.Category)
            ?? throw new ArgumentException($"Question '{question.Id}' is not in this bank.", nameof(question));
    }

    /// <summary>Starts a fluent query over every question.</summary>
    public QuestionQuery Query() => new(this, [], [], 0, 0, [], null);

    /// <summary>Ranked, case- and accent-insensitive text search over prompt, tags and answer.</summary>
    public ImmutableArray<SearchHit> Search(string query) =>
        System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(Index.Search(query ?? string.Empty).ToArray());

    /// <summary>Draws a reproducible mock interview; see <see cref="SampleRequest"/>.</summary>
    public SampleResult Sample(SampleRequest request) => InterviewSampler.Draw(this, request);

    /// <summary>Draws <paramref name="count"/> questions with a seed.</summary>
    public SampleResult Sample(int count, ulong seed) => Sample(new SampleRequest { Count = count, Seed = seed });

    /// <summary>Reads the packs compiled into an assembly's <c>HrPrep.Content.packs.bin</c> resource.</summary>
    internal static unsafe QuestionBank LoadEmbedded(Assembly assembly)
    {
        using var stream = assembly.GetManifestResourceStream(CompiledPacks.ResourceName) ?? throw MissingPacks();

        // A manifest resource is mapped with the assembly: read it in place rather than copying it.
        var packs = stream is UnmanagedMemoryStream mapped && mapped.Length - mapped.Position <= int.MaxValue
            ? CompiledPacks.Read(new ReadOnlySpan<byte>(mapped.PositionPointer, (int)(mapped.Length - mapped.Position)), CompiledPacks.ResourceName)
            : CompiledPacks.Read(stream, CompiledPacks.ResourceName);
        return FromCompiled(packs);
    }

    /// <summary>
    /// The bank of compiled packs: the trusted constructor when the packs are in strict id order, as
    /// the pack compiler writes them; otherwise (never for data the build compiled) the public one,
    /// which sorts and checks.
    /// </summary>
    internal static QuestionBank FromCompiled(ImmutableArray<QuestionPack> packs)
    {
        int total = 0;
        for (int i = 0; i < packs.Length; i++)
        {
            if (i > 0 && string.CompareOrdinal(packs[i - 1].Id, packs[i].Id) >= 0)
            {
                return new QuestionBank(packs);
            }

            total += packs[i].Questions.Length;
        }

        var questions = new Question[total];
        int at = 0;
        foreach (var pack in packs)
        {
            pack.Questions.CopyTo(questions, at);
            at += pack.Questions.Length;
        }

        return new QuestionBank(packs, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(questions));
    }

    private static PackLoadException MissingPacks() =>
        new([new Diagnostic(CompiledPacks.ResourceName, 0, 0, DiagnosticSeverity.Error, DiagnosticCodes.EmbeddedPacks, "the embedded packs are missing from the assembly")]);

    private static string VersionOf(ImmutableArray<QuestionPack> sorted) => sorted.Length == 1 ? sorted[0].Version : JoinVersions(sorted);

    private static string JoinVersions(ImmutableArray<QuestionPack> sorted)
    {
        var text = new System.Text.StringBuilder();
        foreach (var pack in sorted)
        {
            text.Append(text.Length == 0 ? string.Empty : "+").Append(pack.Id).Append('@').Append(pack.Version);
        }

        return text.ToString();
    }

    private static QuestionBank LoadDefault() => LoadEmbedded(typeof(QuestionBank).Assembly);
}
