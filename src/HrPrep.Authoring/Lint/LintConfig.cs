using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint;

/// <summary>A rule's configured severity and options (either may be absent).</summary>
/// <param name="Severity">The severity, or null to keep the rule's default.</param>
/// <param name="Options">Option values overriding the rule's defaults.</param>
public sealed record RuleSetting(LintSeverity? Severity, ImmutableSortedDictionary<string, double> Options)
{
    /// <summary>List option values replacing the rule's defaults.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> ListOptions { get; init; } = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;
}

/// <summary>Settings that apply to files matching path globs.</summary>
/// <param name="Files">Globs (<c>*</c>, <c>**</c>, <c>?</c>) matched against paths relative to the configuration file.</param>
/// <param name="Rules">Rule settings by code.</param>
public sealed record ConfigOverride(ImmutableArray<string> Files, ImmutableDictionary<string, RuleSetting> Rules);

/// <summary>
/// The linter configuration (<c>.hrprep.yaml</c>, schema <c>schema/hrprep-config.schema.json</c>):
/// per-rule severity and options, overrides by path glob, and the default failure threshold.
/// </summary>
public sealed record LintConfig
{
    /// <summary>The configuration file name looked for in the working directory.</summary>
    public const string FileName = ".hrprep.yaml";

    /// <summary>No configuration: every rule at its default.</summary>
    public static LintConfig Empty { get; } = new();

    /// <summary>The lowest severity that fails a run, when the command line does not say.</summary>
    public LintSeverity? FailOn { get; init; }

    /// <summary>Rule settings by code.</summary>
    public ImmutableDictionary<string, RuleSetting> Rules { get; init; } = ImmutableDictionary<string, RuleSetting>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Overrides in file order; later ones win.</summary>
    public ImmutableArray<ConfigOverride> Overrides { get; init; } = [];

    /// <summary>The directory globs are relative to (the configuration file's), or null for the working directory.</summary>
    public string? BaseDirectory { get; init; }

    private readonly Dictionary<string, Regex> globCache = new(StringComparer.Ordinal);

    /// <summary>The effective severity of a rule for a path.</summary>
    public LintSeverity SeverityFor(LintRule rule, string path) => SeverityFor(rule, path, rule?.DefaultSeverity ?? LintSeverity.Off);

    /// <summary>
    /// The effective severity of a finding a rule reported with <paramref name="reported"/>: the
    /// configured severity when there is one for the path, else the reported one.
    /// </summary>
    public LintSeverity SeverityFor(LintRule rule, string path, LintSeverity reported)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var severity = Rules.TryGetValue(rule.Code, out var s) && s.Severity is { } sev ? sev : reported;
        foreach (var o in Overrides)
        {
            if (o.Rules.TryGetValue(rule.Code, out var os) && os.Severity is { } osev && Matches(o, path))
            {
                severity = osev;
            }
        }

        return severity;
    }

    /// <summary>The effective options of a rule for a path (null path: the top-level settings only).</summary>
    public ImmutableSortedDictionary<string, double> OptionsFor(LintRule rule, string? path)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Layered(rule.Code, rule.DefaultOptions, static s => s.Options, path);
    }

    /// <summary>The effective list options of a rule for a path (null path: the top-level settings only).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> ListOptionsFor(LintRule rule, string? path)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Layered(rule.Code, rule.DefaultListOptions, static s => s.ListOptions, path);
    }

    // Defaults, then the top-level settings, then every matching override in order (later wins).
    private ImmutableSortedDictionary<string, T> Layered<T>(string code, ImmutableSortedDictionary<string, T> defaults, Func<RuleSetting, ImmutableSortedDictionary<string, T>> pick, string? path)
    {
        var options = defaults;
        if (Rules.TryGetValue(code, out var s))
        {
            options = options.SetItems(pick(s));
        }

        if (path is not null)
        {
            foreach (var o in Overrides)
            {
                if (o.Rules.TryGetValue(code, out var os) && pick(os) is { Count: > 0 } set && Matches(o, path))
                {
                    options = options.SetItems(set);
                }
            }
        }

        return options;
    }

    /// <summary>True when a rule could be on for some file (used to skip rules that are off everywhere).</summary>
    public bool MaybeOn(LintRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var top = Rules.TryGetValue(rule.Code, out var s) && s.Severity is { } sev ? sev : rule.DefaultSeverity;
        return top != LintSeverity.Off || Overrides.Any(o => o.Rules.TryGetValue(rule.Code, out var os) && os.Severity is not null and not LintSeverity.Off);
    }

    private bool Matches(ConfigOverride o, string path)
    {
        string rel = Relative(path);
        foreach (var glob in o.Files)
        {
            Regex regex;
            lock (globCache)
            {
                if (!globCache.TryGetValue(glob, out regex!))
                {
                    regex = new Regex(GlobToRegex(glob), RegexOptions.CultureInvariant);
                    globCache[glob] = regex;
                }
            }

            if (regex.IsMatch(rel))
            {
                return true;
            }
        }

        return false;
    }

    private string Relative(string path)
    {
        string p = path.Replace('\\', '/');
        if (BaseDirectory is not null && Path.IsPathRooted(path))
        {
            p = Path.GetRelativePath(BaseDirectory, path).Replace('\\', '/');
        }
        else if (BaseDirectory is not null && !Path.IsPathRooted(path))
        {
            p = Path.GetRelativePath(BaseDirectory, Path.GetFullPath(path)).Replace('\\', '/');
        }

        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p;
    }

    /// <summary>Converts a glob to an anchored regular expression: <c>**</c> crosses folders, <c>*</c> and <c>?</c> do not.</summary>
    internal static string GlobToRegex(string glob)
    {
        var sb = new System.Text.StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        if (glob.EndsWith('/'))
        {
            sb.Append(".*");
        }

        return sb.Append('$').ToString();
    }
}

/// <summary>A configuration file that cannot be used: every problem, located.</summary>
public sealed class LintConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LintConfigException(IReadOnlyList<Diagnostic> problems, bool unreadable)
        : base(problems.Count > 0 ? problems[0].ToString() : "invalid configuration")
    {
        Problems = problems;
        Unreadable = unreadable;
    }

    /// <summary>Creates the exception with a message.</summary>
    public LintConfigException()
        : this([], false)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LintConfigException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public LintConfigException(string message, Exception inner)
        : base(message, inner)
    {
        Problems = [];
    }

    /// <summary>Every located problem (code <c>CONFIG</c>, or a reader code for bad YAML).</summary>
    public IReadOnlyList<Diagnostic> Problems { get; }

    /// <summary>True when the file could not be read at all (missing, not UTF-8), not merely invalid.</summary>
    public bool Unreadable { get; }
}

/// <summary>Reads <c>.hrprep.yaml</c> with the safe YAML reader and checks it strictly: unknown keys, rules and options are located errors.</summary>
public static class LintConfigLoader
{
    private static readonly string[] RootKeys = ["failOn", "rules", "overrides"];
    private static readonly string[] OverrideKeys = ["files", "rules"];

    /// <summary>Loads and checks a configuration file.</summary>
    /// <exception cref="LintConfigException">The file is unreadable or invalid.</exception>
    public static LintConfig Load(string path, IReadOnlyCollection<LintRule> rules)
    {
        ArgumentNullException.ThrowIfNull(path);
        var read = SafeYamlReader.ReadFile(path);
        var config = Parse(read, rules);
        return config with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) };
    }

    /// <summary>Parses configuration text (for tests and tools).</summary>
    /// <exception cref="LintConfigException">The text is invalid.</exception>
    public static LintConfig Parse(string path, string text, IReadOnlyCollection<LintRule> rules) =>
        Parse(SafeYamlReader.ReadText(path, text), rules);

    private static LintConfig Parse(YamlReadResult read, IReadOnlyCollection<LintRule> rules)
    {
        var problems = new List<Diagnostic>(read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        if (problems.Count > 0 || read.Root is null)
        {
            throw new LintConfigException(problems, problems.Any(p => Diagnostic.IsUnreadableInputCode(p.Code)));
        }

        var byCode = new Dictionary<string, LintRule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            byCode[rule.Code] = rule;
            byCode[rule.Name] = rule;
        }

        void Fail(SourceLocation at, string message) => problems.Add(Diagnostic.Error(at, AuthoringDiagnosticCodes.Config, message));

        var config = LintConfig.Empty;
        if (read.Root is YamlScalar { Kind: ScalarKind.Null })
        {
            return config;
        }

        if (read.Root is not YamlMapping root)
        {
            Fail(read.Root.Start, $"the configuration must be a mapping, found {read.Root.KindName}");
            throw new LintConfigException(problems, false);
        }

        foreach (var (key, value) in root.Entries)
        {
            switch (key.Value)
            {
                case "failOn":
                    if (value is YamlScalar { Value: "error" or "warning" or "info" } f && LintSeverityNames.TryParse(f.Value, out var fo))
                    {
                        config = config with { FailOn = fo };
                    }
                    else
                    {
                        Fail(value.Start, "'failOn' must be error, warning or info");
                    }

                    break;
                case "rules":
                    config = config with { Rules = ParseRules(value, byCode, Fail) };
                    break;
                case "overrides":
                    if (value is not YamlSequence seq)
                    {
                        Fail(value.Start, $"'overrides' must be a list, found {value.KindName}");
                        break;
                    }

                    var overrides = ImmutableArray.CreateBuilder<ConfigOverride>();
                    foreach (var item in seq.Items)
                    {
                        if (item is not YamlMapping om)
                        {
                            Fail(item.Start, $"an override must be a mapping with 'files' and 'rules', found {item.KindName}");
                            continue;
                        }

                        UnknownKeys(om, OverrideKeys, "an override", Fail);
                        var files = ImmutableArray.CreateBuilder<string>();
                        switch (om.Get("files"))
                        {
                            case YamlScalar { Kind: ScalarKind.String } one:
                                files.Add(one.Value);
                                break;
                            case YamlSequence globs:
                                foreach (var g in globs.Items)
                                {
                                    if (g is YamlScalar { Kind: ScalarKind.String } gs && gs.Value.Length > 0)
                                    {
                                        files.Add(gs.Value);
                                    }
                                    else
                                    {
                                        Fail(g.Start, "a 'files' entry must be a non-empty glob string");
                                    }
                                }

                                break;
                            case null:
                                Fail(om.Start, "required key 'files' is missing");
                                break;
                            case var other:
                                Fail(other.Start, $"'files' must be a glob or a list of globs, found {other.KindName}");
                                break;
                        }

                        var orules = om.Get("rules") is { } rn ? ParseRules(rn, byCode, Fail) : ImmutableDictionary<string, RuleSetting>.Empty;
                        if (om.Get("rules") is null)
                        {
                            Fail(om.Start, "required key 'rules' is missing");
                        }

                        overrides.Add(new ConfigOverride(files.ToImmutable(), orules));
                    }

                    config = config with { Overrides = overrides.ToImmutable() };
                    break;
                default:
                    string hint = HrPrep.Packs.DiagnosticText.Suggest(key.Value, RootKeys) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
                    Fail(key.Start, $"unknown key '{key.Value}'{hint}; allowed: {string.Join(", ", RootKeys)}");
                    break;
            }
        }

        if (problems.Count > 0)
        {
            problems.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
            throw new LintConfigException(problems, false);
        }

        return config;
    }

    private static void UnknownKeys(YamlMapping map, string[] allowed, string what, Action<SourceLocation, string> fail)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                string hint = HrPrep.Packs.DiagnosticText.Suggest(key.Value, allowed) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
                fail(key.Start, $"unknown key '{key.Value}' in {what}{hint}; allowed: {string.Join(", ", allowed)}");
            }
        }
    }

    private static ImmutableDictionary<string, RuleSetting> ParseRules(YamlNode node, Dictionary<string, LintRule> byCode, Action<SourceLocation, string> fail)
    {
        var result = ImmutableDictionary.CreateBuilder<string, RuleSetting>(StringComparer.Ordinal);
        if (node is not YamlMapping map)
        {
            fail(node.Start, $"'rules' must be a mapping of rule codes to settings, found {node.KindName}");
            return result.ToImmutable();
        }

        foreach (var (key, value) in map.Entries)
        {
            if (!byCode.TryGetValue(key.Value, out var rule))
            {
                string hint = HrPrep.Packs.DiagnosticText.Suggest(key.Value, byCode.Keys) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
                string extra = RuleCatalogue.IsReaderCode(key.Value)
                    ? "; reader and schema errors cannot be configured"
                    : "; run 'dotnet hrprep lint --list-rules'";
                fail(key.Start, $"unknown rule '{key.Value}'{hint}{extra}");
                continue;
            }

            LintSeverity? severity = null;
            var options = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            var listOptions = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
            if (value is YamlScalar sv)
            {
                if (LintSeverityNames.TryParse(sv.Value, out var sev))
                {
                    severity = sev;
                }
                else
                {
                    fail(value.Start, $"severity of {rule.Code} must be error, warning, info or off (found '{sv.Value}')");
                }
            }
            else if (value is YamlMapping rm)
            {
                foreach (var (ok, ov) in rm.Entries)
                {
                    if (ok.Value == "severity")
                    {
                        if (ov is YamlScalar ss && LintSeverityNames.TryParse(ss.Value, out var sev))
                        {
                            severity = sev;
                        }
                        else
                        {
                            fail(ov.Start, $"severity of {rule.Code} must be error, warning, info or off");
                        }
                    }
                    else if (rule.DefaultOptions.ContainsKey(ok.Value))
                    {
                        if (ov is YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } num && double.TryParse(num.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                        {
                            options[ok.Value] = d;
                        }
                        else
                        {
                            fail(ov.Start, $"option '{ok.Value}' of {rule.Code} must be a number, found {ov.KindName}");
                        }
                    }
                    else if (rule.DefaultListOptions.ContainsKey(ok.Value))
                    {
                        if (ov is not YamlSequence items)
                        {
                            fail(ov.Start, $"option '{ok.Value}' of {rule.Code} must be a list, found {ov.KindName}");
                            continue;
                        }

                        var list = ImmutableArray.CreateBuilder<string>(items.Items.Count);
                        foreach (var item in items.Items)
                        {
                            if (item is not YamlScalar { Kind: ScalarKind.String } text)
                            {
                                fail(item.Start, $"an item of option '{ok.Value}' of {rule.Code} must be non-empty text, found {item.KindName}");
                            }
                            else if (string.IsNullOrWhiteSpace(text.Value))
                            {
                                fail(item.Start, $"an item of option '{ok.Value}' of {rule.Code} must not be empty");
                            }
                            else if (rule.ValidateListItem(ok.Value, text.Value) is { } why)
                            {
                                fail(item.Start, $"'{text.Value}' in option '{ok.Value}' of {rule.Code}: {why}");
                            }
                            else
                            {
                                list.Add(text.Value);
                            }
                        }

                        listOptions[ok.Value] = list.ToImmutable();
                    }
                    else
                    {
                        var allowed = rule.DefaultOptions.Keys.Concat(rule.DefaultListOptions.Keys).Prepend("severity").ToList();
                        string hint = HrPrep.Packs.DiagnosticText.Suggest(ok.Value, allowed) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
                        fail(ok.Start, $"unknown option '{ok.Value}' for {rule.Code} ({rule.Name}){hint}; allowed: {string.Join(", ", allowed)}");
                    }
                }
            }
            else
            {
                fail(value.Start, $"setting of {rule.Code} must be a severity or a mapping, found {value.KindName}");
            }

            result[rule.Code] = new RuleSetting(severity, options.ToImmutable()) { ListOptions = listOptions.ToImmutable() };
        }

        return result.ToImmutable();
    }
}
