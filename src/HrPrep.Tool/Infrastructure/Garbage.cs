namespace HrPrep.Tool.Infrastructure;

/// <summary>
/// Releases the garbage a large phase (reading packs, merging them) left behind before the next
/// phase allocates, so a command's peak memory is its live data plus one phase's working set.
/// Phases over fewer than <see cref="LargeQuestionCount"/> questions are left to the collector.
/// </summary>
internal static class Garbage
{
    /// <summary>From this many questions on, a phase counts as large.</summary>
    public const int LargeQuestionCount = 10_000;

    /// <summary>Collects and decommits (a blocking, compacting full collection) after a phase over <paramref name="questions"/> questions, when that is large.</summary>
    public static void ReleaseAfter(int questions)
    {
        if (questions >= LargeQuestionCount)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
