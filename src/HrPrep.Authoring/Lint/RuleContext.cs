using System.Collections.Immutable;
using HrPrep.Content;
using HrPrep.Content.Yaml;

namespace HrPrep.Authoring.Lint;

/// <summary>What a rule reports through: its options and the finding list of the file (or workspace) it checks.</summary>
public sealed class RuleContext
{
    private readonly List<LintFinding> sink;

    internal RuleContext(LintRule rule, ImmutableSortedDictionary<string, double> options, List<LintFinding> sink)
    {
        Rule = rule;
        Options = options;
        this.sink = sink;
    }

    /// <summary>The rule being run.</summary>
    public LintRule Rule { get; }

    /// <summary>The rule's effective options (defaults overlaid with configuration).</summary>
    public ImmutableSortedDictionary<string, double> Options { get; }

    /// <summary>An option's value (its default when not configured).</summary>
    public double Option(string name) =>
        Options.TryGetValue(name, out double v) ? v : Rule.DefaultOptions.TryGetValue(name, out double d) ? d : throw new ArgumentException($"rule {Rule.Code} has no option '{name}'", nameof(name));

    /// <summary>Reports a finding at a location.</summary>
    public void Report(SourceLocation at, string message, SourceLocation? related = null, string? relatedLabel = null) =>
        sink.Add(new LintFinding(at.Path, at.Line, at.Column, Rule.DefaultSeverity, Rule.Code, message) { Related = related, RelatedLabel = relatedLabel });

    /// <summary>Reports a finding at a node.</summary>
    public void Report(YamlNode at, string message) => Report(at.Start, message);
}
