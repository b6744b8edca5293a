using System.Collections.Immutable;
using HrPrep.Content;

namespace HrPrep.Practice;

/// <summary>What to practise.</summary>
public sealed record PracticeRequest
{
    /// <summary>How many questions.</summary>
    public int Count { get; init; } = 5;

    /// <summary>The seed for drawing new questions (same seed, content and progress: same session).</summary>
    public ulong Seed { get; init; }

    /// <summary>Questions due for review come first (most overdue first), then new draws.</summary>
    public bool DueFirst { get; init; }

    /// <summary>Only these category ids (empty: all).</summary>
    public ImmutableArray<string> Categories { get; init; } = [];
}

/// <summary>Per-category figures of a user's progress.</summary>
/// <param name="Category">Category id.</param>
/// <param name="Reviews">Number of reviews.</param>
/// <param name="MeanCoverage">Mean scorer coverage of the scored reviews, or null when none was scored.</param>
/// <param name="MeanRating">Mean self-rating (1-4).</param>
public sealed record CategoryProgress(string Category, int Reviews, double? MeanCoverage, double MeanRating);

/// <summary>Mean coverage of the answers given in one ISO week.</summary>
/// <param name="Week">ISO year and week, e.g. <c>2026-W49</c>.</param>
/// <param name="Reviews">Number of scored reviews.</param>
/// <param name="MeanCoverage">Their mean coverage.</param>
public sealed record CoveragePoint(string Week, int Reviews, double MeanCoverage);

/// <summary>A summary of a user's progress at a moment.</summary>
/// <param name="Due">Ids due now that are in the bank, most overdue first.</param>
/// <param name="Reviewed">Questions reviewed at least once.</param>
/// <param name="Retired">Ids with progress that the bank no longer has (kept).</param>
/// <param name="Categories">Per-category figures, strongest first (mean coverage, then mean rating).</param>
/// <param name="CoverageOverTime">Mean coverage per ISO week, oldest first.</param>
public sealed record ProgressSummary(ImmutableArray<string> Due, int Reviewed, ImmutableArray<string> Retired, ImmutableArray<CategoryProgress> Categories, ImmutableArray<CoveragePoint> CoverageOverTime);

/// <summary>Chooses the questions of a practice session and summarises progress.</summary>
public static class PracticePlanner
{
    /// <summary>
    /// The questions of a session: with <see cref="PracticeRequest.DueFirst"/>, the due questions
    /// (most overdue first, then by id); then questions never reviewed drawn reproducibly with the
    /// seed (the bank's sampler); then, if still short, any other question of the pool.
    /// </summary>
    public static ImmutableArray<Question> Choose(QuestionBank bank, IReadOnlyDictionary<string, ReviewCard> cards, PracticeRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Count);
        var pool = request.Categories.IsDefaultOrEmpty ? bank.Query() : bank.Query().InCategory([.. request.Categories]);
        var chosen = new List<Question>();
        if (request.DueFirst)
        {
            chosen.AddRange(pool
                .Where(q => cards.TryGetValue(q.Id, out var c) && c.IsDue(now))
                .OrderBy(q => cards[q.Id].Due)
                .ThenBy(q => q.Id, StringComparer.Ordinal)
                .Take(request.Count));
        }

        if (chosen.Count < request.Count)
        {
            var fresh = bank.Sample(new SampleRequest
            {
                Count = request.Count - chosen.Count,
                Seed = request.Seed,
                Pool = pool,
                Exclude = [.. chosen.Select(q => q.Id), .. cards.Keys],
            });
            chosen.AddRange(fresh.Questions);
        }

        if (chosen.Count < request.Count)
        {
            var rest = bank.Sample(new SampleRequest { Count = request.Count - chosen.Count, Seed = request.Seed, Pool = pool, Exclude = [.. chosen.Select(q => q.Id)] });
            chosen.AddRange(rest.Questions);
        }

        return [.. chosen];
    }

    /// <summary>Summarises a store against a bank at <paramref name="now"/>.</summary>
    public static ProgressSummary Summarize(QuestionBank bank, IReadOnlyDictionary<string, ReviewCard> cards, IReadOnlyList<ReviewRecord> reviews, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(reviews);
        var due = cards.Where(kv => bank.Find(kv.Key) is not null && kv.Value.IsDue(now))
            .OrderBy(kv => kv.Value.Due).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key);
        var retired = cards.Keys.Where(id => bank.Find(id) is null).Order(StringComparer.Ordinal);
        var categories = reviews.GroupBy(r => r.Category, StringComparer.Ordinal)
            .Select(g =>
            {
                var scored = g.Where(r => r.Coverage is not null).Select(r => r.Coverage!.Value).ToList();
                return new CategoryProgress(g.Key, g.Count(), scored.Count == 0 ? null : Math.Round(scored.Average(), 4), Math.Round(g.Average(r => (int)r.Rating), 4));
            })
            .OrderByDescending(c => c.MeanCoverage ?? -1).ThenByDescending(c => c.MeanRating).ThenBy(c => c.Category, StringComparer.Ordinal);
        var weeks = reviews.Where(r => r.Coverage is not null)
            .GroupBy(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.Globalization.ISOWeek.GetYear(r.ReviewedAt.UtcDateTime)}-W{System.Globalization.ISOWeek.GetWeekOfYear(r.ReviewedAt.UtcDateTime):00}"), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CoveragePoint(g.Key, g.Count(), Math.Round(g.Average(r => r.Coverage!.Value), 4)));
        return new ProgressSummary([.. due], cards.Count, [.. retired], [.. categories], [.. weeks]);
    }
}
