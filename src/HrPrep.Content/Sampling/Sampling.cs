using System.Collections.Immutable;

namespace HrPrep.Content;

/// <summary>
/// A quota of a mock interview: exactly <see cref="Count"/> questions matching the category and/or
/// level given (null means any).
/// </summary>
/// <param name="Count">How many questions to draw for this quota.</param>
/// <param name="Category">Category id, or null for any category.</param>
/// <param name="Level">Level, or null for any level.</param>
public sealed record SampleQuota(int Count, string? Category = null, QuestionLevel? Level = null)
{
    /// <summary>True when a question counts toward this quota.</summary>
    public bool Matches(Question question) =>
        (Category is null || string.Equals(question.Category, Category, StringComparison.Ordinal)) &&
        (Level is null || question.Level == Level);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Count} x {(Category ?? "any category")}/{(Level?.ToSchemaName() ?? "any level")}";
}

/// <summary>What to draw for a mock interview. Compares by content (quotas in order, excluded ids as a set, the pool by reference).</summary>
public sealed record SampleRequest
{
    /// <summary>Total number of questions; at least the sum of the quotas.</summary>
    public required int Count { get; init; }

    /// <summary>The seed; the same seed and content version give the same interview everywhere.</summary>
    public ulong Seed { get; init; }

    /// <summary>Quotas filled in order before the rest is drawn from any remaining question.</summary>
    public ImmutableArray<SampleQuota> Quotas { get; init; } = [];

    /// <summary>Question ids not to draw (for example, already seen).</summary>
    public ImmutableHashSet<string> Exclude { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>An optional query limiting the pool (for example one pack or level).</summary>
    public QuestionQuery? Pool { get; init; }

    /// <summary>True when both requests ask for the same draw.</summary>
    public bool Equals(SampleRequest? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Count == other.Count
            && Seed == other.Seed
            && ValueEquality.Same(Quotas, other.Quotas)
            && (ReferenceEquals(Exclude, other.Exclude) || Exclude.SetEquals(other.Exclude))
            && ReferenceEquals(Pool, other.Pool));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Seed, ValueEquality.Length(Quotas), Exclude.Count);
}

/// <summary>A quota (or the total) that could not be met.</summary>
/// <param name="Quota">The quota; null for the overall count.</param>
/// <param name="Requested">How many were asked for.</param>
/// <param name="Drawn">How many could be drawn.</param>
public sealed record SampleShortfall(SampleQuota? Quota, int Requested, int Drawn)
{
    /// <inheritdoc />
    public override string ToString() =>
        Quota is null
            ? $"only {Drawn} of {Requested} questions were available"
            : $"quota {Quota}: only {Drawn} of {Requested} questions were available";
}

/// <summary>The drawn mock interview.</summary>
/// <param name="Questions">The questions in interview order.</param>
/// <param name="Shortfalls">Quotas or totals that could not be met; empty when complete.</param>
/// <param name="Seed">The seed used.</param>
/// <param name="ContentVersion">The content version drawn from.</param>
/// <remarks>Compares by content: the same seed over the same content gives equal results.</remarks>
public sealed record SampleResult(ImmutableArray<Question> Questions, ImmutableArray<SampleShortfall> Shortfalls, ulong Seed, string ContentVersion)
{
    /// <summary>True when every quota and the total were met.</summary>
    public bool IsComplete => Shortfalls.IsEmpty;

    /// <summary>True when both results drew the same questions in the same order, with the same shortfalls, seed and content version.</summary>
    public bool Equals(SampleResult? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Seed == other.Seed
            && ValueEquality.Same(ContentVersion, other.ContentVersion)
            && ValueEquality.Same(Questions, other.Questions)
            && ValueEquality.Same(Shortfalls, other.Shortfalls));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Seed, ContentVersion, ValueEquality.Length(Questions));
}

/// <summary>Draws reproducible mock interviews.</summary>
internal static class InterviewSampler
{
    /// <summary>
    /// The algorithm (a stability contract): candidates are the pool minus excluded ids, sorted by
    /// (pack id, question id) ordinally; a Fisher-Yates shuffle driven by xoshiro256** seeded with
    /// the seed orders them; each quota in turn takes the first matching candidates not yet taken;
    /// then the total is topped up with the first remaining candidates.
    /// </summary>
    public static SampleResult Draw(QuestionBank bank, SampleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Count);
        int quotaTotal = 0;
        foreach (var quota in request.Quotas)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(quota.Count);
            quotaTotal += quota.Count;
        }

        if (quotaTotal > request.Count)
        {
            throw new ArgumentException($"The quotas ask for {quotaTotal} questions, more than the total of {request.Count}.", nameof(request));
        }

        // bank.QuestionsById is sorted by (pack id, question id) once per bank.
        var pool = new List<Question>(bank.QuestionsById.Length);
        foreach (var q in bank.QuestionsById)
        {
            if ((request.Pool is null || request.Pool.Accepts(q)) && !request.Exclude.Contains(q.Id))
            {
                pool.Add(q);
            }
        }

        var candidates = pool.ToArray();

        var rng = new Xoshiro256StarStar(request.Seed);
        for (int i = candidates.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }

        var taken = new bool[candidates.Length];
        var drawn = ImmutableArray.CreateBuilder<Question>(request.Count);
        var shortfalls = ImmutableArray.CreateBuilder<SampleShortfall>();
        foreach (var quota in request.Quotas)
        {
            int got = 0;
            for (int i = 0; i < candidates.Length && got < quota.Count; i++)
            {
                if (!taken[i] && quota.Matches(candidates[i]))
                {
                    taken[i] = true;
                    drawn.Add(candidates[i]);
                    got++;
                }
            }

            if (got < quota.Count)
            {
                shortfalls.Add(new SampleShortfall(quota, quota.Count, got));
            }
        }

        for (int i = 0; i < candidates.Length && drawn.Count < request.Count; i++)
        {
            if (!taken[i])
            {
                taken[i] = true;
                drawn.Add(candidates[i]);
            }
        }

        if (drawn.Count < request.Count)
        {
            shortfalls.Add(new SampleShortfall(null, request.Count, drawn.Count));
        }

        return new SampleResult(drawn.ToImmutable(), shortfalls.ToImmutable(), request.Seed, bank.ContentVersion);
    }
}
