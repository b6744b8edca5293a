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
/// A lint rule: stable code, documentation for <c>--explain</c>, default severity, numeric options,
/// and checks over files, questions or the whole set of linted packs. Rules are stateless and
/// thread-safe; <see cref="CheckFile"/> and <see cref="CheckQuestion"/> run in parallel across files.
/// </summary>
public abstract class LintRule
{
    /// <summary>The stable code, e.g. <c>HP301</c>.</summary>
    public abstract string Code { get; }

    /// <summary>A short kebab-case name, e.g. <c>prompt-not-a-question</c>; accepted wherever a code is.</summary>
    public abstract string Name { get; }

    /// <summary>The rule's family.</summary>
    public abstract RuleGroup Group { get; }

    /// <summary>The severity when no configuration says otherwise.</summary>
    public abstract LintSeverity DefaultSeverity { get; }

    /// <summary>What the rule checks, in one sentence.</summary>
    public abstract string Summary { get; }

    /// <summary>Why it matters.</summary>
    public abstract string Rationale { get; }

    /// <summary>A YAML fragment the rule reports.</summary>
    public abstract string BadExample { get; }

    /// <summary>The same fragment, fixed.</summary>
    public abstract string GoodExample { get; }

    /// <summary>Numeric options with their defaults (configurable in <c>.hrprep.yaml</c>).</summary>
    public virtual ImmutableSortedDictionary<string, double> DefaultOptions => ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>List options (lists of text) with their defaults, configurable in <c>.hrprep.yaml</c> as YAML lists.</summary>
    public virtual ImmutableSortedDictionary<string, ImmutableArray<string>> DefaultListOptions => ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Checks one configured item of a list option; returns why it is invalid, or null when it is fine.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="item">The configured item.</param>
    public virtual string? ValidateListItem(string option, string item) => null;

    /// <summary>
    /// True for rules about how a prompt is worded. They skip the prompts of questions with
    /// <c>origin: brief</c>, which are the user's questions kept verbatim and must not be edited.
    /// </summary>
    public virtual bool IsWordingRule => false;

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
