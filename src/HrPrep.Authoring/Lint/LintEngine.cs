using System.Collections.Immutable;
using HrPrep.Authoring.Lint.Schema;
using HrPrep.Content;
using HrPrep.Content.Loading;

namespace HrPrep.Authoring.Lint;

/// <summary>What a lint run uses: configuration, schema, rules and baseline.</summary>
public sealed record LintOptions
{
    /// <summary>The configuration (default: every rule at its default severity).</summary>
    public LintConfig Config { get; init; } = LintConfig.Empty;

    /// <summary>The schema to validate against (default: the shipped pack schema).</summary>
    public CompiledSchemaValidator? Schema { get; init; }

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
/// Runs the linter: reads packs with the library's safe reader (in parallel per file), validates each
/// document against the JSON Schema with <see cref="CompiledSchemaValidator"/>, runs every rule,
/// applies configuration, inline suppressions and the baseline, and returns one ordered list.
/// </summary>
public sealed class LintEngine
{
    private readonly LintOptions options;
    private readonly IReadOnlyList<LintRule> rules;
    private readonly Dictionary<string, LintRule> byCode;

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
        }
    }

    /// <summary>Lints files and directories (searched recursively for <c>*.yaml</c>/<c>*.yml</c>).</summary>
    public LintResult LintPaths(IEnumerable<string> paths)
    {
        var run = new Run(this);
        var details = PackReader.ReadPathsDetailed(paths, null, run.Visit);
        return run.Finish(details);
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
        var list = files.ToList();
        var raw = list.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var details = PackReader.ReadStreamsDetailed(list.Select(f => new KeyValuePair<string, Stream>(f.Key, new MemoryStream(f.Value, writable: false))));
        var run = new Run(this);
        foreach (var file in details.Files)
        {
            var own = details.Result.Diagnostics.Where(d => d.Path == file.Path).ToList();
            run.Visit(file, raw.TryGetValue(file.Path, out var b) ? b : ReadOnlyMemory<byte>.Empty, own);
        }

        return run.Finish(details);
    }

    /// <summary>One lint run: per-file work (called in parallel from the reader), then the workspace phase.</summary>
    private sealed class Run
    {
        private readonly LintEngine engine;
        private readonly LintConfig config;
        private readonly CompiledSchemaValidator schema;
        private readonly List<LintRule> active;
        private readonly DateOnly today;

        // Per active rule: its top-level options, used for every file when no override names the rule
        // (layering them per file rebuilt two sorted dictionaries per rule and file).
        private readonly (ImmutableSortedDictionary<string, double> Options, ImmutableSortedDictionary<string, ImmutableArray<string>> Lists)?[] fixedOptions;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (LintFile File, List<LintFinding> Findings, List<Suppression> Suppressions)> done = new(StringComparer.Ordinal);
        private readonly PhaseTimer timer = new("lint", "HRPREP_LINT_TIMING");
        private readonly MessageTable messages = new();
        private int filesDone;

        public Run(LintEngine engine)
        {
            this.engine = engine;
            config = engine.options.Config;
            schema = engine.options.Schema ?? CompiledSchemaValidator.Default;
            active = engine.rules.Where(config.MaybeOn).ToList();
            today = engine.options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
            fixedOptions = [.. active.Select(rule => config.Overrides.Any(o => o.Rules.ContainsKey(rule.Code))
                ? ((ImmutableSortedDictionary<string, double>, ImmutableSortedDictionary<string, ImmutableArray<string>>)?)null
                : (config.OptionsFor(rule, null), config.ListOptionsFor(rule, null)))];
        }

        public void Visit(PackFile pf, ReadOnlyMemory<byte> raw, IReadOnlyList<Diagnostic> readerDiagnostics)
        {
            try
            {
                VisitFile(pf, raw, readerDiagnostics);
            }
            finally
            {
                engine.options.FileLinted?.Invoke(Interlocked.Increment(ref filesDone));
            }
        }

        private void VisitFile(PackFile pf, ReadOnlyMemory<byte> raw, IReadOnlyList<Diagnostic> readerDiagnostics)
        {
            var file = new LintFile(pf.Path, pf.Root, raw);
            var found = new List<LintFinding>();
            if (pf.Root is not null)
            {
                HashSet<int>? taken = readerDiagnostics.Count > 0 ? [.. readerDiagnostics.Select(d => d.Line)] : null;
                foreach (var d in schema.Validate(pf.Root))
                {
                    if (taken is null || !taken.Contains(d.Line))
                    {
                        found.Add(new LintFinding(d.Path, d.Line, d.Column, LintSeverity.Error, d.Code, d.Message));
                    }
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
            file.Release();
            done[pf.Path] = (file, found, suppressions);
        }

        public LintResult Finish(PackReader.ReadDetails details)
        {
            timer.Mark("read and per-file rules");
            var packOfFile = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pack in details.Result.Packs)
            {
                packOfFile.TryAdd(pack.Location.Path, pack.Id);
                foreach (var q in pack.Questions)
                {
                    packOfFile.TryAdd(q.Location.Path, pack.Id);
                }
            }

            var files = new List<LintFile>(details.Files.Length);
            var all = new List<LintFinding>();
            var suppressions = new List<List<Suppression>>();
            foreach (var pf in details.Files)
            {
                if (!done.TryGetValue(pf.Path, out var entry))
                {
                    continue;
                }

                entry.File.PackId = packOfFile.GetValueOrDefault(pf.Path);
                files.Add(entry.File);
                all.AddRange(entry.Findings);
                suppressions.Add(entry.Suppressions);
            }

            var workspace = new LintWorkspace([.. files], details.Result.Packs);
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
                if (f.Code == CompiledSchemaValidator.Code)
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
            foreach (var d in details.Result.Diagnostics)
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
            kept.Sort(LintFinding.Compare);
            int baselined = 0;
            var final = kept.ToImmutableArray();
            if (engine.options.Baseline is { } baseline)
            {
                (final, baselined) = baseline.Filter(final);
            }

            timer.Mark("finish");
            return new LintResult(final, details.Files.Length, files.Sum(f => f.Summaries.Length), suppressedCount, baselined);
        }
    }

    private (List<LintFinding> Kept, int Suppressed, List<LintFinding> Meta) ApplySuppressions(List<LintFinding> findings, List<List<Suppression>> perFile, LintConfig config)
    {
        var byPath = new Dictionary<string, List<(Suppression S, bool[] Used)>>(StringComparer.Ordinal);
        var meta = new List<LintFinding>();
        byCode.TryGetValue("HP901", out var invalidRule);
        byCode.TryGetValue("HP902", out var unusedRule);
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
                    if (!byCode.ContainsKey(code) && code != CompiledSchemaValidator.Code)
                    {
                        bool reader = code.StartsWith("YAML", StringComparison.Ordinal) || code.StartsWith("PACK", StringComparison.Ordinal) || code.StartsWith("IO", StringComparison.Ordinal);
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
