using System.Collections.Immutable;
using HrPrep.Content;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint;

/// <summary>What a rule reports through: its options and the finding list of the file (or workspace) it checks.</summary>
public sealed class RuleContext
{
    private readonly List<LintFinding> sink;

    internal RuleContext(LintRule rule, ImmutableSortedDictionary<string, double> options, List<LintFinding> sink)
        : this(rule, options, ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty, DateOnly.FromDateTime(DateTime.UtcNow), sink)
    {
    }

    internal RuleContext(LintRule rule, ImmutableSortedDictionary<string, double> options, ImmutableSortedDictionary<string, ImmutableArray<string>> listOptions, DateOnly today, List<LintFinding> sink)
    {
        Rule = rule;
        Options = options;
        ListOptions = listOptions;
        Today = today;
        this.sink = sink;
    }

    /// <summary>The date rules treat as today (<see cref="LintOptions.Today"/>; by default the current UTC date).</summary>
    public DateOnly Today { get; }

    /// <summary>The rule's effective list options (defaults replaced by configured lists).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> ListOptions { get; }

    /// <summary>A list option's value (its default when not configured).</summary>
    public ImmutableArray<string> ListOption(string name) =>
        ListOptions.TryGetValue(name, out var v) ? v : Rule.DefaultListOptions.TryGetValue(name, out var d) ? d : throw new ArgumentException($"rule {Rule.Code} has no list option '{name}'", nameof(name));

    /// <summary>The rule being run.</summary>
    public LintRule Rule { get; }

    /// <summary>The rule's effective options (defaults overlaid with configuration).</summary>
    public ImmutableSortedDictionary<string, double> Options { get; }

    /// <summary>An option's value (its default when not configured).</summary>
    public double Option(string name) =>
        Options.TryGetValue(name, out double v) ? v : Rule.DefaultOptions.TryGetValue(name, out double d) ? d : throw new ArgumentException($"rule {Rule.Code} has no option '{name}'", nameof(name));

    /// <summary>
    /// The run's table of finding messages, or null: findings are kept until the end of a run, and on a
    /// large collection most of their messages repeat ("the answer has 3 key points; list at least 4"),
    /// so each distinct message is kept once.
    /// </summary>
    internal MessageTable? Messages { get; init; }

    /// <summary>Reports a finding at a location.</summary>
    public void Report(SourceLocation at, string message, SourceLocation? related = null, string? relatedLabel = null) =>
        sink.Add(new LintFinding(at.Path, at.Line, at.Column, Rule.DefaultSeverity, Rule.Code, Messages?.Share(message) ?? message) { Related = related, RelatedLabel = relatedLabel });

    /// <summary>Reports a finding at a node.</summary>
    public void Report(YamlNode at, string message) => Report(at.Start, message);

    /// <summary>
    /// Reports a finding with its own severity, for rules whose findings differ in weight (a date
    /// that has passed versus one that is near). A severity configured for the rule still replaces it.
    /// </summary>
    public void Report(YamlNode at, string message, LintSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(at);
        sink.Add(new LintFinding(at.Start.Path, at.Start.Line, at.Start.Column, severity, Rule.Code, Messages?.Share(message) ?? message));
    }
}

/// <summary>Shares equal finding messages within a run (thread-safe; bounded, after which messages are kept as given).</summary>
internal sealed class MessageTable
{
    private const int MaxEntries = 16_384;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> table = new(StringComparer.Ordinal);

    /// <summary>The first instance of an equal message seen, or the message itself.</summary>
    public string Share(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (table.TryGetValue(message, out var shared))
        {
            return shared;
        }

        return table.Count < MaxEntries ? table.GetOrAdd(message, message) : message;
    }
}
