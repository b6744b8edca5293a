using System.Collections.Immutable;
using HrPrep.Authoring.Schema;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint;

/// <summary>What a lint run uses: configuration, schema, rules and baseline.</summary>
public sealed record LintOptions
{
    /// <summary>The configuration (default: every rule at its default severity).</summary>
    public LintConfig Config { get; init; } = LintConfig.Empty;

    /// <summary>
    /// An additional JSON Schema to check every document against (<c>lint --schema FILE</c>), its
    /// findings reported as <c>SCHEMA</c>; null (the default) for none. Validity itself is decided by
    /// the reader's binder (codes <c>PACK…</c>), which agrees with the shipped schema.
    /// </summary>
    public PackSchemaValidator? Schema { get; init; }

    /// <summary>The rules to run (default: <see cref="RuleCatalogue.Rules"/>).</summary>
    public IReadOnlyList<LintRule>? Rules { get; init; }

    /// <summary>Findings accepted as known, or null.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>The date rules treat as today (review dates, future years); null for the current UTC date.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Called (from reading threads) after each file is linted, with the number of files done so far.</summary>
    public Action<int>? FileLinted { get; init; }
}

/// <summary>The outcome of a lint run.</summary>
/// <param name="Findings">Every finding, in path, line, column and code order.</param>
/// <param name="FileCount">How many files were read.</param>
/// <param name="QuestionCount">How many question mappings were checked.</param>
/// <param name="SuppressedInline">Findings silenced by inline suppressions.</param>
/// <param name="SuppressedByBaseline">Findings accepted by the baseline.</param>
public sealed record LintResult(ImmutableArray<LintFinding> Findings, int FileCount, int QuestionCount, int SuppressedInline, int SuppressedByBaseline)
{
    /// <summary>True when some input could not be read at all.</summary>
    public bool HasUnreadableInput => Findings.Any(f => Diagnostic.IsUnreadableInputCode(f.Code));

    /// <summary>How many findings are at or above a severity.</summary>
    public int CountAtLeast(LintSeverity severity) => Findings.Count(f => f.Severity >= severity);

    /// <summary>How many findings have exactly a severity.</summary>
    public int Count(LintSeverity severity) => Findings.Count(f => f.Severity == severity);
}

/// <summary>
/// Runs the linter: reads and binds packs with the reader of HrPrep.Packs (in parallel per file; the
/// binder's diagnostics are the verdict on validity), checks an additional schema when one is given,
/// runs every rule, applies configuration, inline suppressions and the baseline, and returns one ordered list.
/// </summary>
public sealed class LintEngine
{
    private readonly LintOptions options;
    private readonly IReadOnlyList<LintRule> rules;
    private readonly Dictionary<string, LintRule> byCode;

    // A rule from outside this assembly may read LintFile.Manifest in the workspace phase, as it could
    // in 2.0: only when every rule is built in is the manifest tree dropped after the per-file phase.
    private readonly bool keepManifests;

    /// <summary>Whether files keep their manifest mapping for the workspace phase (a rule from another assembly takes part).</summary>
    internal bool KeepsManifests => keepManifests;

    /// <summary>Creates an engine.</summary>
    public LintEngine(LintOptions? options = null)
    {
        this.options = options ?? new LintOptions();
        rules = this.options.Rules ?? RuleCatalogue.Rules;
        byCode = new Dictionary<string, LintRule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            byCode[rule.Code] = rule;
            byCode[rule.Name] = rule;
            keepManifests |= rule.GetType().Assembly != typeof(LintEngine).Assembly;
        }
    }

    // Lint is a pipeline of plain functions, each of the previous stage's output:
    //   read + bind (HrPrep.Packs: PackReader.ReadFile)  -> PackFile (with its YAML tree)
    //   per-file rules (LintOne)                          -> FileOutcome (findings, suppressions, summary, outline)
    //   assemble (PackReader.Assemble over the outlines)  -> packs and the reader's checks across files
    //   workspace rules, severities, suppressions, baseline (Finish) -> LintResult
    // The first two stages run in parallel per file; nothing calls back into lint from the reader.

    /// <summary>Lints files and directories (searched recursively for <c>*.yaml</c>/<c>*.yml</c>).</summary>
    public LintResult LintPaths(IEnumerable<string> paths)
    {
        var run = new Run(this);
        var expansion = PackReader.ExpandPaths(paths);
        var files = expansion.Files;
        run.Mark("files listed");
        var outcomes = new FileOutcome[files.Length];
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            byte[]? raw = null;
            try
            {
                if (TryReadAll(files[i], YamlReaderOptions.Default.MaxFileBytes, out raw, out int length))
                {
                    // The outcome keeps nothing of the bytes: the buffer goes back to the pool below.
                    outcomes[i] = run.LintOne(PackReader.ReadFile(files[i], raw.AsSpan(0, length), keepTree: true), raw.AsMemory(0, length));
                }
                else
                {
                    // Unreadable or over the size limit: the reader reports why.
                    outcomes[i] = run.LintOne(PackReader.ReadFile(files[i], keepTree: true), ReadOnlyMemory<byte>.Empty);
                }
            }
            finally
            {
                if (raw is not null)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(raw);
                }
            }
        });
        return run.Finish(outcomes, expansion.Diagnostics);
    }

    /// <summary>Reads a whole file into a pooled buffer (returned by the caller); false when it cannot be read or is over the limit.</summary>
    private static bool TryReadAll(string path, long maxBytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes, out int length)
    {
        bytes = null;
        length = 0;
        try
        {
            // A bare handle and positional reads: no FileStream, no read-ahead advice, a few system calls per file.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            long fileLength = RandomAccess.GetLength(handle);
            if (fileLength > maxBytes)
            {
                return false;
            }

            // One byte more than the length is asked for, to notice a file that grew while being read;
            // a read that returns exactly the length is the whole file (one read, not a second one to see
            // the end).
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)fileLength + 1);
            int total = 0;
            int n;
            while (total <= fileLength && (n = RandomAccess.Read(handle, buffer.AsSpan(total, (int)fileLength + 1 - total), total)) > 0)
            {
                total += n;
                if (total == fileLength)
                {
                    break;
                }
            }

            if (total > fileLength)
            {
                // The file grew while being read: let the reader's own path report it.
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

    /// <summary>The resource name prefix of the shipped packs' YAML sources embedded in HrPrep.Authoring.</summary>
    public const string EmbeddedSourcePrefix = "questions/";

    /// <summary>Lints the YAML sources of the packs shipped in HrPrep.Content (embedded in this assembly).</summary>
    public LintResult LintEmbedded()
    {
        var assembly = typeof(LintEngine).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(EmbeddedSourcePrefix, StringComparison.Ordinal) && (n.EndsWith(".yaml", StringComparison.Ordinal) || n.EndsWith(".yml", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
        var files = new List<KeyValuePair<string, byte[]>>();
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            files.Add(new(name, ms.ToArray()));
        }

        return LintBytes(files);
    }

    /// <summary>Lints named in-memory files (UTF-8 bytes); names are used as paths.</summary>
    public LintResult LintBytes(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        var run = new Run(this);
        var outcomes = files.Select(f => run.LintOne(PackReader.ReadFile(f.Key, f.Value, keepTree: true), f.Value)).ToArray();
        return run.Finish(outcomes, []);
    }

    /// <summary>What the per-file stage makes of one file.</summary>
    /// <param name="Outline">The bound file without its tree, each accepted question kept as its identity only (for assembling).</param>
    /// <param name="File">The file's lint model, its tree released (summaries kept).</param>
    /// <param name="Findings">The per-file rules' findings (and an extra schema's), exactly sized.</param>
    /// <param name="Suppressions">The file's inline suppressions (one shared empty list for most files).</param>
    private sealed record FileOutcome(PackFile Outline, LintFile File, LintFinding[] Findings, List<Suppression> Suppressions);

    /// <summary>The suppressions of a file that has none (only read, never changed).</summary>
    private static readonly List<Suppression> NoSuppressions = [];

    private static readonly ModelAnswer NoAnswer = new(string.Empty, []);

    /// <summary>
    /// A question's identity for assembling packs (duplicate, retired and category checks): the
    /// texts are dropped here, in lint, so 100k questions fit in memory; lint's workspace exposes only
    /// what is kept (<see cref="LintPack"/>), and the texts stay in the files' summaries.
    /// </summary>
    private static Question Identity(Question q) => new()
    {
        Id = q.Id,
        PackId = q.PackId,
        Prompt = string.Empty,
        Category = q.Category,
        Type = q.Type,
        Level = q.Level,
        Origin = q.Origin,
        Answer = NoAnswer,
        Location = q.Location,
    };

    /// <summary>
    /// A manifest as lint keeps it for assembling and for <see cref="LintPack.Manifest"/>: what identifies
    /// the pack and its categories (id, version, title, language, licence, category ids and titles,
    /// retired ids, location); the free texts (role, description, authors, disclaimer, homepage,
    /// category descriptions) are dropped, like the questions' texts in <see cref="Identity"/>.
    /// </summary>
    internal static QuestionPack? Outline(QuestionPack? manifest) => manifest is null ? null : manifest with
    {
        Role = null,
        Description = null,
        Authors = [],
        Disclaimer = null,
        Homepage = null,
        Categories = [.. manifest.Categories.Select(c => c.Description is null ? c : c with { Description = null })],
    };

    /// <summary>One lint run's settings and its stages.</summary>
    private sealed class Run
    {
        private readonly LintEngine engine;
        private readonly LintConfig config;
        private readonly PackSchemaValidator? schema;
        private readonly List<LintRule> active;
        private readonly DateOnly today;

        // Per active rule: its top-level options, used for every file when no override names the rule
        // (layering them per file rebuilt two sorted dictionaries per rule and file).
        private readonly (ImmutableSortedDictionary<string, double> Options, ImmutableSortedDictionary<string, ImmutableArray<string>> Lists)?[] fixedOptions;
        private readonly PhaseTimer timer = new("lint", "HRPREP_LINT_TIMING");
        private readonly MessageTable messages = new();
        private int filesDone;

        public Run(LintEngine engine)
        {
            this.engine = engine;
            config = engine.options.Config;
            schema = engine.options.Schema;
            active = engine.rules.Where(config.MaybeOn).ToList();
            today = engine.options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
            fixedOptions = [.. active.Select(rule => config.Overrides.Any(o => o.Rules.ContainsKey(rule.Code))
                ? ((ImmutableSortedDictionary<string, double>, ImmutableSortedDictionary<string, ImmutableArray<string>>)?)null
                : (config.OptionsFor(rule, null), config.ListOptionsFor(rule, null)))];
        }

        /// <summary>Ends a phase of the run's timer (<c>HRPREP_LINT_TIMING=1</c>).</summary>
        public void Mark(string phase) => timer.Mark(phase);

        /// <summary>The per-file stage: an extra schema, the per-file and per-question rules, suppressions; then the tree is released.</summary>
        public FileOutcome LintOne(PackFile pf, ReadOnlyMemory<byte> raw)
        {
            try
            {
                var file = new LintFile(pf.Path, pf.Root, raw);
                var found = new List<LintFinding>();
                if (schema is not null && pf.Root is not null)
                {
                    foreach (var d in schema.Validate(pf.Root))
                    {
                        found.Add(new LintFinding(d.Path, d.Line, d.Column, LintSeverity.Error, d.Code, d.Message));
                    }
                }

                for (int r = 0; r < active.Count; r++)
                {
                    var rule = active[r];
                    var (options, lists) = fixedOptions[r] ?? (config.OptionsFor(rule, pf.Path), config.ListOptionsFor(rule, pf.Path));
                    var context = new RuleContext(rule, options, lists, today, found) { Messages = messages };
                    rule.CheckFile(file, context);
                    foreach (var q in file.Questions)
                    {
                        if (!(rule.IsWordingRule && q.IsBrief))
                        {
                            rule.CheckQuestion(q, context);
                        }
                    }
                }

                var suppressions = Suppressions.Find(pf.Path, raw.Span);
                file.Release(keepManifest: engine.keepManifests);

                // What is kept per file until the workspace stage is sized exactly: on a collection of
                // many small packs it is most of the live heap, and the collector marks it again and again.
                return new FileOutcome(
                    pf with { Root = null, Manifest = engine.keepManifests ? pf.Manifest : Outline(pf.Manifest), Questions = [.. pf.Questions.Select(Identity)] },
                    file,
                    found.Count == 0 ? [] : [.. found],
                    suppressions.Count == 0 ? NoSuppressions : suppressions);
            }
            finally
            {
                engine.options.FileLinted?.Invoke(Interlocked.Increment(ref filesDone));
            }
        }

        /// <summary>Assembles the packs from the outlines, runs the workspace rules and applies severities, suppressions and the baseline.</summary>
        public LintResult Finish(FileOutcome[] outcomes, ImmutableArray<Diagnostic> early)
        {
            timer.Mark("read and per-file rules");
            var details = PackReader.Assemble(outcomes.Select(o => o.Outline), early);
            timer.Mark("packs assembled");
            var readerDiagnostics = details.Diagnostics;
            int fileCount = details.Files.Length;
            var packOfFile = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pack in details.Packs)
            {
                packOfFile.TryAdd(pack.Location.Path, pack.Id);
                foreach (var q in pack.Questions)
                {
                    packOfFile.TryAdd(q.Location.Path, pack.Id);
                }
            }

            var files = new List<LintFile>(outcomes.Length);
            var all = new List<LintFinding>();
            var suppressions = new List<List<Suppression>>();
            for (int i = 0; i < outcomes.Length; i++)
            {
                var entry = outcomes[i];
                entry.File.PackId = packOfFile.GetValueOrDefault(entry.File.Path);
                files.Add(entry.File);
                all.AddRange(entry.Findings);
                suppressions.Add(entry.Suppressions);

                // The outline (bound manifest, question identities) is not needed past assembling.
                outcomes[i] = null!;
            }

            var packs = details.Packs.Select(p => new LintPack(p with { Questions = [] }, [.. p.Questions.Select(q => new LintQuestionRef(q.Id, q.Category, q.Location))])).ToImmutableArray();
            details = null;
            packOfFile = null;
            var workspace = new LintWorkspace([.. files], packs);
            timer.Mark("workspace assembled");
            foreach (var rule in active)
            {
                rule.CheckWorkspace(workspace, new RuleContext(rule, config.OptionsFor(rule, null), config.ListOptionsFor(rule, null), today, all) { Messages = messages });
                if (timer.On)
                {
                    timer.Mark("workspace rule " + rule.Code);
                }
            }

            timer.Mark("workspace rules");

            // Effective severities; rules that are off for a path drop their findings.
            var effective = new List<LintFinding>(all.Count);
            foreach (var f in all)
            {
                if (f.Code == PackSchemaValidator.Code)
                {
                    effective.Add(f);
                    continue;
                }

                var severity = engine.byCode.TryGetValue(f.Code, out var rule) ? config.SeverityFor(rule, f.Path, f.Severity) : f.Severity;
                if (severity != LintSeverity.Off)
                {
                    effective.Add(severity == f.Severity ? f : f with { Severity = severity });
                }
            }

            var (kept, suppressedCount, meta) = engine.ApplySuppressions(effective, suppressions, config);
            foreach (var d in readerDiagnostics)
            {
                var severity = d.Severity switch
                {
                    DiagnosticSeverity.Error => LintSeverity.Error,
                    DiagnosticSeverity.Warning => LintSeverity.Warning,
                    _ => LintSeverity.Info,
                };
                kept.Add(new LintFinding(d.Path, d.Line, d.Column, severity, d.Code, d.Message));
            }

            kept.AddRange(meta);
            int baselined = 0;
            var final = SortFindings(kept);
            if (engine.options.Baseline is { } baseline)
            {
                (final, baselined) = baseline.Filter(final);
            }

            timer.Mark("finish");
            return new LintResult(final, fileCount, files.Sum(f => f.Summaries.Length), suppressedCount, baselined);
        }
    }

    /// <summary>
    /// The findings in <see cref="LintFinding.Compare"/> order. Path is that order's first key, so the
    /// findings are grouped by path, the distinct paths sorted and each group sorted on its own (in
    /// parallel): on a large collection one sort of every finding compared paths character by
    /// character millions of times (20,000 small packs: 290,000 findings).
    /// </summary>
    internal static ImmutableArray<LintFinding> SortFindings(List<LintFinding> findings)
    {
        if (findings.Count == 0)
        {
            return [];
        }

        var groups = new Dictionary<string, List<LintFinding>>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (!groups.TryGetValue(f.Path, out var group))
            {
                group = [];
                groups.Add(f.Path, group);
            }

            group.Add(f);
        }

        var paths = groups.Keys.ToArray();
        Array.Sort(paths, StringComparer.Ordinal);
        var ordered = new List<LintFinding>[paths.Length];
        for (int i = 0; i < paths.Length; i++)
        {
            ordered[i] = groups[paths[i]];
        }

        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, ordered.Length, Math.Max(64, ordered.Length / (4 * Environment.ProcessorCount))), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                if (ordered[i].Count > 1)
                {
                    ordered[i].Sort(LintFinding.Compare);
                }
            }
        });

        var result = ImmutableArray.CreateBuilder<LintFinding>(findings.Count);
        foreach (var group in ordered)
        {
            result.AddRange(group);
        }

        return result.MoveToImmutable();
    }

    private (List<LintFinding> Kept, int Suppressed, List<LintFinding> Meta) ApplySuppressions(List<LintFinding> findings, List<List<Suppression>> perFile, LintConfig config)
    {
        var byPath = new Dictionary<string, List<(Suppression S, bool[] Used)>>(StringComparer.Ordinal);
        var meta = new List<LintFinding>();
        byCode.TryGetValue(RuleDescriptors.SuppressionInvalid.Code, out var invalidRule);
        byCode.TryGetValue(RuleDescriptors.SuppressionUnused.Code, out var unusedRule);
        void Meta(LintRule? rule, SourceLocation at, string message)
        {
            if (rule is not null && config.SeverityFor(rule, at.Path) is var sev && sev != LintSeverity.Off)
            {
                meta.Add(new LintFinding(at.Path, at.Line, at.Column, sev, rule.Code, message));
            }
        }

        foreach (var list in perFile)
        {
            foreach (var s in list)
            {
                bool valid = true;
                if (s.Codes.Length == 0)
                {
                    Meta(invalidRule, s.Location, $"'{Suppressions.Marker}' names no rule code; write '# {Suppressions.Marker} CODE -- reason'");
                    continue;
                }

                foreach (var code in s.Codes)
                {
                    if (!byCode.ContainsKey(code) && code != PackSchemaValidator.Code)
                    {
                        bool reader = RuleCatalogue.IsReaderCode(code);
                        Meta(invalidRule, s.Location, reader ? $"reader error {code} cannot be suppressed; fix the file" : $"unknown rule '{code}' in suppression");
                        valid = false;
                    }
                }

                if (s.Reason is null)
                {
                    Meta(invalidRule, s.Location, $"suppression of {string.Join(", ", s.Codes)} gives no reason; add ' -- why this is acceptable'");
                    valid = false;
                }

                if (valid)
                {
                    if (!byPath.TryGetValue(s.Location.Path, out var entries))
                    {
                        byPath[s.Location.Path] = entries = [];
                    }

                    entries.Add((s, new bool[s.Codes.Length]));
                }
            }
        }

        var kept = new List<LintFinding>(findings.Count);
        int suppressed = 0;
        foreach (var f in findings)
        {
            bool hit = false;
            if (byPath.TryGetValue(f.Path, out var entries))
            {
                foreach (var (s, used) in entries)
                {
                    if (s.TargetLine != f.Line)
                    {
                        continue;
                    }

                    for (int i = 0; i < s.Codes.Length; i++)
                    {
                        string code = s.Codes[i];
                        if (code == f.Code || (byCode.TryGetValue(code, out var r) && r.Code == f.Code))
                        {
                            used[i] = true;
                            hit = true;
                        }
                    }
                }
            }

            if (hit)
            {
                suppressed++;
            }
            else
            {
                kept.Add(f);
            }
        }

        foreach (var entries in byPath.Values)
        {
            foreach (var (s, used) in entries)
            {
                for (int i = 0; i < used.Length; i++)
                {
                    if (!used[i])
                    {
                        Meta(unusedRule, s.Location, $"unused suppression: nothing on the next line reports {s.Codes[i]}; remove it");
                    }
                }
            }
        }

        return (kept, suppressed, meta);
    }
}
