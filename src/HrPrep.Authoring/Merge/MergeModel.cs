using System.Collections.Immutable;
using HrPrep.Authoring.Diff;
using HrPrep.Content;

namespace HrPrep.Authoring.Merge;

/// <summary>What to do when two inputs hold different content under the same id (or manifest field).</summary>
public enum ConflictPolicy
{
    /// <summary>Stop: nothing is written and every conflict is listed (the default).</summary>
    Fail,

    /// <summary>Keep the content of the input given first on the command line.</summary>
    Ours,

    /// <summary>Keep the content of the input given last on the command line.</summary>
    Theirs,

    /// <summary>
    /// Keep the newest content: the input with the higher pack version (SemVer precedence), then
    /// the question with the later <c>lastVerified</c> (a missing date is oldest). When neither
    /// decides, the conflict stays unresolved and the merge fails.
    /// </summary>
    Newest,
}

/// <summary>One pack given to the merge, with where it came from.</summary>
/// <param name="Path">The path given on the command line.</param>
/// <param name="Pack">The pack read from it.</param>
public sealed record MergeInput(string Path, QuestionPack Pack);

/// <summary>Options of <see cref="PackMerger"/>.</summary>
public sealed record MergeOptions
{
    /// <summary>How conflicts are resolved.</summary>
    public ConflictPolicy Policy { get; init; } = ConflictPolicy.Fail;

    /// <summary>The merged pack's id; needed only when the inputs have different ids.</summary>
    public string? PackId { get; init; }
}

/// <summary>Why a report entry exists.</summary>
public enum MergeReason
{
    /// <summary>The same question (identical content) came from several inputs; one copy kept.</summary>
    DuplicateCollapsed,

    /// <summary>Different content under one id; the policy chose one copy, the others were dropped.</summary>
    ConflictResolved,

    /// <summary>Different content under one id that the policy could not resolve (the merge fails).</summary>
    Conflict,

    /// <summary>The id is retired in one of the inputs; the question was dropped.</summary>
    Retired,

    /// <summary>Another question has the same prompt (after case, accent and punctuation folding); both kept.</summary>
    NearDuplicate,

    /// <summary>Manifest values differed between inputs; the policy chose one.</summary>
    MetadataResolved,

    /// <summary>A <c>related</c> id that is not in the merged pack (kept as written).</summary>
    RelatedMissing,

    /// <summary>Copies of one question differed only in their tags; the output has the union of the tags.</summary>
    TagsMerged,
}

/// <summary>One line of the merge report.</summary>
/// <param name="Reason">Why the entry exists.</param>
/// <param name="Subject">The question id, or <c>pack.FIELD</c> / <c>category ID</c> for manifest entries.</param>
/// <param name="Message">A one-line explanation.</param>
/// <param name="Locations">Every location concerned; the kept copy first where one was kept.</param>
public sealed record MergeReportEntry(MergeReason Reason, string Subject, string Message, ImmutableArray<SourceLocation> Locations);

/// <summary>The outcome of a merge.</summary>
public sealed record MergeResult
{
    /// <summary>The merged pack, or null when the merge failed.</summary>
    public QuestionPack? Pack { get; init; }

    /// <summary>Problems that stop the merge (conflicts under <c>fail</c>, different languages…).</summary>
    public ImmutableArray<Diagnostic> Errors { get; init; } = [];

    /// <summary>Everything the merge did to a question or the manifest that is not "copied as is".</summary>
    public ImmutableArray<MergeReportEntry> Report { get; init; } = [];

    /// <summary>The input whose version is the base of the output version, or null.</summary>
    public MergeInput? Base { get; init; }

    /// <summary>The change from the base input to the output, which set the output's version.</summary>
    public PackDiffResult? Change { get; init; }

    /// <summary>Number of questions read from all inputs.</summary>
    public int InputQuestions { get; init; }

    /// <summary>True when the merge produced a pack.</summary>
    public bool Success => Pack is not null && Errors.IsEmpty;
}
