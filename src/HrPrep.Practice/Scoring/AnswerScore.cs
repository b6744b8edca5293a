using System.Collections.Immutable;

namespace HrPrep.Practice;

/// <summary>How an answer covers one key point of the model answer.</summary>
/// <param name="Index">0-based index into the question's <c>Answer.KeyPoints</c>.</param>
/// <param name="Text">The key point.</param>
/// <param name="Covered">True when the answer covers it (<see cref="Score"/> at or above the scorer's threshold).</param>
/// <param name="Score">How well the answer covers it, 0 to 1: the weighted share of its words the answer uses (sentences that commit a red flag left out).</param>
/// <param name="Evidence">The sentence, or shortest run of adjacent sentences, of the answer that has every word found; null when not covered.</param>
public sealed record KeyPointResult(int Index, string Text, bool Covered, double Score, string? Evidence);

/// <summary>Whether an answer commits one of the question's red flags.</summary>
/// <param name="Index">0-based index into the question's <c>RedFlags</c>.</param>
/// <param name="Text">The red flag.</param>
/// <param name="Hit">True when a sentence of the answer says what the red flag describes.</param>
/// <param name="Score">How closely the best-matching sentence matches the red flag, 0 to 1.</param>
/// <param name="Evidence">The sentence that commits it; null when not hit.</param>
/// <param name="Checkable">
/// False for red flags about something missing ("Leaves out…", "Ignores…", "Cannot name…"): the
/// scorer does not judge absences, so <see cref="Hit"/> is always false for them.
/// </param>
public sealed record RedFlagResult(int Index, string Text, bool Hit, double Score, string? Evidence, bool Checkable);

/// <summary>The result of scoring one answer against one question's rubric.</summary>
/// <param name="QuestionId">The question's id.</param>
/// <param name="Coverage">Share of the key points covered, 0 to 1 (0 when the question has none).</param>
/// <param name="Strength">
/// A finer grade for ranking answers, 0 to 1: the weighted share of the model answer's and key
/// points' words the answer uses, times 0.85 for each red flag hit.
/// </param>
/// <param name="KeyPoints">One entry per key point, in the question's order.</param>
/// <param name="RedFlags">One entry per red flag, in the question's order.</param>
public sealed record AnswerScore(string QuestionId, double Coverage, double Strength, ImmutableArray<KeyPointResult> KeyPoints, ImmutableArray<RedFlagResult> RedFlags)
{
    /// <summary>The key points covered.</summary>
    public IEnumerable<KeyPointResult> Covered => KeyPoints.Where(k => k.Covered);

    /// <summary>The key points missed.</summary>
    public IEnumerable<KeyPointResult> Missed => KeyPoints.Where(k => !k.Covered);

    /// <summary>The red flags hit.</summary>
    public IEnumerable<RedFlagResult> RedFlagsHit => RedFlags.Where(r => r.Hit);
}
