using System.Collections.Immutable;

namespace HrPrep.Authoring.Lint;

/// <summary>The families rules belong to, as listed by <c>--list-rules</c>.</summary>
public enum RuleGroup
{
    /// <summary>Ids, references and categories.</summary>
    Identity,

    /// <summary>Near-duplicate questions.</summary>
    Duplicates,

    /// <summary>Missing or thin content.</summary>
    Completeness,

    /// <summary>How prompts are worded.</summary>
    Quality,

    /// <summary>Fairness and employment law.</summary>
    Fairness,

    /// <summary>Encoding, control characters, whitespace and quotes.</summary>
    Hygiene,

    /// <summary>Pack-level checks.</summary>
    Pack,

    /// <summary>The linter's own inline suppressions.</summary>
    Suppression,

    /// <summary>Evidence and currency: primary sources, review dates, forward-looking legal wording.</summary>
    Sources,
}

/// <summary>
/// What a lint rule is, apart from what it checks: stable code, name, family, default severity and the
/// documentation <c>--explain</c>, <c>--list-rules</c>, SARIF and the docs show. Every rule's
/// descriptor is in the one catalogue, <see cref="RuleDescriptors"/>.
/// </summary>
/// <param name="Code">The stable code, e.g. <c>HP301</c>.</param>
/// <param name="Name">A short kebab-case name, e.g. <c>prompt-not-a-question</c>; accepted wherever a code is.</param>
/// <param name="Group">The rule's family.</param>
/// <param name="DefaultSeverity">The severity when no configuration says otherwise.</param>
/// <param name="Summary">What the rule checks, in one sentence.</param>
/// <param name="Rationale">Why it matters.</param>
/// <param name="BadExample">A YAML fragment the rule reports.</param>
/// <param name="GoodExample">The same fragment, fixed.</param>
public sealed record RuleDescriptor(
    string Code,
    string Name,
    RuleGroup Group,
    LintSeverity DefaultSeverity,
    string Summary,
    string Rationale,
    string BadExample,
    string GoodExample)
{
    /// <summary>
    /// True for rules about how a prompt is worded. They skip the prompts of questions with
    /// <c>origin: brief</c>, which are the user's questions kept verbatim and must not be edited.
    /// </summary>
    public bool IsWordingRule { get; init; }

    /// <summary>The group's name as shown in lists and SARIF tags: lower case, e.g. <c>quality</c>.</summary>
    public string GroupName => Group.ToString().ToLowerInvariant();

    /// <summary>The full help in plain text: what, why, a bad and a good example (SARIF <c>help</c>).</summary>
    public string Help => $"{Summary}\n\nWhy: {Rationale}\n\nBad:\n{BadExample}\n\nGood:\n{GoodExample}";
}

/// <summary>
/// A lint rule: a <see cref="RuleDescriptor"/> (code, documentation, default severity), numeric
/// options, and checks over files, questions or the whole set of linted packs. Rules are stateless and
/// thread-safe; <see cref="CheckFile"/> and <see cref="CheckQuestion"/> run in parallel across files.
/// </summary>
/// <param name="descriptor">The rule's entry in <see cref="RuleDescriptors"/>.</param>
public abstract class LintRule(RuleDescriptor descriptor)
{
    /// <summary>The rule's metadata, from the catalogue <see cref="RuleDescriptors"/>.</summary>
    public RuleDescriptor Descriptor { get; } = descriptor ?? throw new ArgumentNullException(nameof(descriptor));

    /// <summary>The stable code, e.g. <c>HP301</c>.</summary>
    public string Code => Descriptor.Code;

    /// <summary>A short kebab-case name, e.g. <c>prompt-not-a-question</c>; accepted wherever a code is.</summary>
    public string Name => Descriptor.Name;

    /// <summary>The rule's family.</summary>
    public RuleGroup Group => Descriptor.Group;

    /// <summary>The severity when no configuration says otherwise.</summary>
    public LintSeverity DefaultSeverity => Descriptor.DefaultSeverity;

    /// <summary>What the rule checks, in one sentence.</summary>
    public string Summary => Descriptor.Summary;

    /// <summary>Why it matters.</summary>
    public string Rationale => Descriptor.Rationale;

    /// <summary>A YAML fragment the rule reports.</summary>
    public string BadExample => Descriptor.BadExample;

    /// <summary>The same fragment, fixed.</summary>
    public string GoodExample => Descriptor.GoodExample;

    /// <summary>True for rules about how a prompt is worded (see <see cref="RuleDescriptor.IsWordingRule"/>).</summary>
    public bool IsWordingRule => Descriptor.IsWordingRule;

    /// <summary>Numeric options with their defaults (configurable in <c>.hrprep.yaml</c>).</summary>
    public virtual ImmutableSortedDictionary<string, double> DefaultOptions => ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>List options (lists of text) with their defaults, configurable in <c>.hrprep.yaml</c> as YAML lists.</summary>
    public virtual ImmutableSortedDictionary<string, ImmutableArray<string>> DefaultListOptions => ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Checks one configured item of a list option; returns why it is invalid, or null when it is fine.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="item">The configured item.</param>
    public virtual string? ValidateListItem(string option, string item) => null;

    /// <summary>Checks one file (raw text and node tree). Runs in parallel across files.</summary>
    public virtual void CheckFile(LintFile file, RuleContext context)
    {
    }

    /// <summary>Checks one question mapping. Runs in parallel across files.</summary>
    public virtual void CheckQuestion(QuestionNode question, RuleContext context)
    {
    }

    /// <summary>Checks across every linted file and pack (runs once, after the per-file checks).</summary>
    public virtual void CheckWorkspace(LintWorkspace workspace, RuleContext context)
    {
    }
}
