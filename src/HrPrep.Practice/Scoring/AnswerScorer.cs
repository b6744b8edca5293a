using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using HrPrep.Content;
using HrPrep.Practice.Text;

namespace HrPrep.Practice;

/// <summary>
/// Scores a free-text answer against a question's rubric, offline and deterministically: which key
/// points it covers (with the sentences that cover each), which red flags it commits, and the
/// overall coverage. Lexical: words are normalised, stemmed (Porter), stop words dropped and
/// synonyms from a small curated HR list folded together; stems that share their first five letters
/// also match. Red flags are judged sentence by sentence; a sentence that commits one is not
/// evidence for any key point. A key point's score is the share of its words (weighted by how rare
/// they are across the shipped question bank) that the answer uses anywhere outside those sentences,
/// since candidates often make a point over several sentences. The other words of the key point's closest
/// sentence of the model answer (or "look for" item) count too, at a small weight: the question's
/// own texts say what the key point means; they raise the score but do not cover a key point alone
/// (at least two of its own words must be found). Its evidence is the shortest run of adjacent
/// sentences that has every word found. Thread-safe.
/// </summary>
public static class AnswerScorer
{
    /// <summary>A key point counts as covered at or above this score.</summary>
    public const double KeyPointThreshold = 0.17;

    /// <summary>A red flag counts as hit at or above this score.</summary>
    public const double RedFlagThreshold = 0.45;

    private static readonly ConditionalWeakTable<Question, PreparedQuestion> Prepared = new();

    /// <summary>Scores <paramref name="answer"/> against <paramref name="question"/>'s key points and red flags.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AnswerScore Score(Question question, string answer) => Score(question, answer, LexicalTuning.Default);

    /// <summary>
    /// The sentences the scorer judges an answer by: split at . ! ? ; and line breaks (not inside
    /// numbers such as 1.5) and at list markers, trimmed, without the ones that have no letter or digit.
    /// A scorer built on this one (such as the semantic scorer) uses it so that evidence is the same unit.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="answer"/> is null.</exception>
    public static IReadOnlyList<string> SplitSentences(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return TextAnalysis.SplitSentences(answer);
    }

    /// <summary>Scores with other parameters (the benchmark and tests vary them).</summary>
    internal static AnswerScore Score(Question question, string answer, LexicalTuning tuning)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(tuning);
        var prepared = Prepared.GetValue(question, q => new PreparedQuestion(q, TermWeights.Default));

        var sentenceTexts = TextAnalysis.SplitSentences(answer);
        var sentences = new List<Sentence>(sentenceTexts.Count);
        foreach (string text in sentenceTexts)
        {
            sentences.Add(new Sentence(text, TextAnalysis.WithPrefixes(TextAnalysis.Concepts(text), tuning.PrefixLength)));
        }

        var negated = new bool[sentences.Count];
        for (int i = 0; i < sentences.Count; i++)
        {
            negated[i] = TextAnalysis.Words(sentences[i].Text).Exists(StopWords.IsNegation);
        }

        // Red flags first: a sentence that commits one is not evidence for a key point.
        var redFlags = ImmutableArray.CreateBuilder<RedFlagResult>(prepared.RedFlags.Length);
        var flagged = new bool[sentences.Count];
        int hits = 0;
        for (int r = 0; r < prepared.RedFlags.Length; r++)
        {
            var (terms, checkable, flagNegated) = prepared.RedFlags[r];
            double best = 0;
            string? evidence = null;
            if (checkable)
            {
                for (int i = 0; i < sentences.Count; i++)
                {
                    var (score, matched) = Match(terms, sentences[i].Concepts, tuning.PrefixLength);
                    if (negated[i] != flagNegated)
                    {
                        // "not", "never", "instead of"... in one but not the other: said the other way round,
                        // so the sentence can never reach the red-flag threshold
                        score *= 0.3;
                    }

                    if (matched >= MinMatches(terms) && score >= tuning.RedFlagThreshold)
                    {
                        flagged[i] = true;
                    }

                    if (score > best && matched >= MinMatches(terms))
                    {
                        (best, evidence) = (score, sentences[i].Text);
                    }
                }
            }

            best = Math.Round(best, 4);
            bool hit = checkable && best >= tuning.RedFlagThreshold;
            hits += hit ? 1 : 0;
            redFlags.Add(new RedFlagResult(r, question.RedFlags[r], hit, best, hit ? evidence : null, checkable));
        }

        var keyPoints = ImmutableArray.CreateBuilder<KeyPointResult>(prepared.KeyPoints.Length);
        double scoreSum = 0;
        int covered = 0;
        var masks = new ulong[sentences.Count];
        for (int k = 0; k < prepared.KeyPoints.Length; k++)
        {
            // the key point's own words, then (weighing ExpansionWeight as much) the other words of the
            // model-answer sentence or "look for" item closest to it, which say what it means
            var terms = tuning.ExpansionWeight > 0 ? prepared.Expanded[k] : prepared.KeyPoints[k];
            int own = prepared.KeyPoints[k].Concepts.Length;
            double best = 0;
            string? evidence = null;

            // Which of those words each sentence has (a bit per word; the key point's own words come
            // first, and past 64 words the rest are ignored), the words found anywhere in the answer,
            // and from them the score.
            int count = Math.Min(terms.Concepts.Length, 64);
            ulong found = 0;
            for (int i = 0; i < sentences.Count; i++)
            {
                masks[i] = flagged[i] ? 0 : MaskOf(terms, count, sentences[i].Concepts, tuning.PrefixLength);
                found |= masks[i];
            }

            if (BitOperations.PopCount(found) >= MinMatches(prepared.KeyPoints[k])
                && HasSubstance(prepared.KeyPoints[k], found, tuning))
            {
                best = tuning.ExpansionWeight > 0 ? ScoreOf(terms, found, own, prepared.KeyPoints[k].Total, tuning.ExpansionWeight) : ScoreOf(terms, found);

                evidence = ShortestRun(sentences, masks, found);
            }

            best = Math.Round(best, 4);
            bool isCovered = best >= tuning.KeyPointThreshold;
            covered += isCovered ? 1 : 0;
            scoreSum += best;
            keyPoints.Add(new KeyPointResult(k, question.Answer.KeyPoints[k], isCovered, best, isCovered ? evidence : null));
        }

        int n = prepared.KeyPoints.Length;
        double coverage = n == 0 ? 0 : (double)covered / n;
        double mean = n == 0 ? 0 : scoreSum / n;
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            all.UnionWith(sentence.Concepts);
        }

        double rubric = Match(prepared.Rubric, all, tuning.PrefixLength).Score;
        double strength = ((tuning.CoverageWeight * coverage) + (tuning.MeanWeight * mean) + (tuning.RubricWeight * rubric))
            / (tuning.CoverageWeight + tuning.MeanWeight + tuning.RubricWeight) * Math.Pow(tuning.RedFlagFactor, hits);
        return new AnswerScore(question.Id, Math.Round(coverage, 4), Math.Round(strength, 4), keyPoints.MoveToImmutable(), redFlags.MoveToImmutable());
    }

    /// <summary>
    /// The shortest run of adjacent sentences whose masks together have every bit of
    /// <paramref name="found"/> (the first such run), joined with spaces: a sliding window over the
    /// sentences with a count per bit, so linear in the number of sentences.
    /// </summary>
    internal static string ShortestRun(List<Sentence> sentences, ulong[] masks, ulong found)
    {
        Span<int> counts = stackalloc int[64];
        counts.Clear();
        int need = BitOperations.PopCount(found), have = 0;
        int bestStart = 0, bestLength = int.MaxValue, left = 0;
        for (int right = 0; right < sentences.Count; right++)
        {
            for (ulong m = masks[right] & found; m != 0; m &= m - 1)
            {
                have += counts[BitOperations.TrailingZeroCount(m)]++ == 0 ? 1 : 0;
            }

            while (have == need && left <= right)
            {
                if (right - left + 1 < bestLength)
                {
                    (bestStart, bestLength) = (left, right - left + 1);
                }

                for (ulong m = masks[left] & found; m != 0; m &= m - 1)
                {
                    have -= --counts[BitOperations.TrailingZeroCount(m)] == 0 ? 1 : 0;
                }

                left++;
            }
        }

        return string.Join(" ", sentences.Skip(bestStart).Take(bestLength).Select(x => x.Text));
    }

    /// <summary>Bit i set when the i-th of the first <paramref name="count"/> terms is in <paramref name="concepts"/>.</summary>
    private static ulong MaskOf(WeightedTerms terms, int count, HashSet<string> concepts, int prefixLength)
    {
        ulong mask = 0;
        for (int i = 0; i < count; i++)
        {
            string c = terms.Concepts[i];
            if (concepts.Contains(c) || (TextAnalysis.PrefixKey(c, prefixLength) is { } key && concepts.Contains(key)))
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    /// <summary>The weight of the terms found (bits of <paramref name="found"/>) over the total weight.</summary>
    private static double ScoreOf(WeightedTerms terms, ulong found)
    {
        double weight = 0;
        for (int i = 0; i < Math.Min(terms.Concepts.Length, 64); i++)
        {
            weight += (found & (1UL << i)) != 0 ? terms.Weights[i] : 0;
        }

        return terms.Total <= 0 ? 0 : weight / terms.Total;
    }

    /// <summary>
    /// The weight of the terms found over the weight of the key point's own <paramref name="own"/>
    /// terms, the terms after those weighing <paramref name="beta"/> as much (at most 1).
    /// </summary>
    private static double ScoreOf(WeightedTerms terms, ulong found, int own, double ownTotal, double beta)
    {
        double weight = 0;
        for (int i = 0; i < Math.Min(terms.Concepts.Length, 64); i++)
        {
            weight += (found & (1UL << i)) != 0 ? terms.Weights[i] * (i < own ? 1 : beta) : 0;
        }

        return ownTotal <= 0 ? 0 : Math.Min(1, weight / ownTotal);
    }

    private static int MinMatches(WeightedTerms terms) => Math.Min(2, terms.Concepts.Length);

    /// <summary>
    /// Whether the words found include the key point's substance, not only its topic: at least
    /// <see cref="LexicalTuning.MinOwnMatches"/> of the key point's own words (its first terms; the
    /// model-answer words after them do not count here), or all of them when it has fewer.
    /// </summary>
    internal static bool HasSubstance(WeightedTerms keyPoint, ulong found, LexicalTuning tuning)
    {
        int own = Math.Min(keyPoint.Concepts.Length, 64);
        ulong ownMask = own == 64 ? ulong.MaxValue : (1UL << own) - 1;
        return BitOperations.PopCount(found & ownMask) >= Math.Min(tuning.MinOwnMatches, own);
    }

    /// <summary>
    /// Weighted share of the terms found in a set of concepts, and how many were found. With a
    /// <paramref name="prefixLength"/>, a term also counts as found when the set holds another word
    /// with the same first letters (see <see cref="TextAnalysis.WithPrefixes"/>).
    /// </summary>
    internal static (double Score, int Matched) Match(WeightedTerms terms, HashSet<string> concepts, int prefixLength)
    {
        if (terms.Total <= 0)
        {
            return (0, 0);
        }

        double found = 0;
        int matched = 0;
        for (int i = 0; i < terms.Concepts.Length; i++)
        {
            string c = terms.Concepts[i];
            if (concepts.Contains(c) || (TextAnalysis.PrefixKey(c, prefixLength) is { } key && concepts.Contains(key)))
            {
                found += terms.Weights[i];
                matched++;
            }
        }

        return (found / terms.Total, matched);
    }
}

/// <summary>
/// The lexical scorer's parameters (bench/PracticeBench --tune-lexical sweeps them).
/// </summary>
/// <param name="KeyPointThreshold">A key point is covered at or above this score.</param>
/// <param name="RedFlagThreshold">A red flag is hit at or above this score (one sentence).</param>
/// <param name="PrefixLength">Words match when their stems share this many first letters (0: stems must be equal).</param>
/// <param name="CoverageWeight">Weight of the coverage in <see cref="AnswerScore.Strength"/>.</param>
/// <param name="MeanWeight">Weight of the mean key-point score in the strength.</param>
/// <param name="RubricWeight">Weight of the share of the model answer's and key points' words in the strength.</param>
/// <param name="RedFlagFactor">The strength is multiplied by this per red flag hit.</param>
/// <param name="ExpansionWeight">Weight of the words of a key point's closest model-answer sentence or "look for" item (0: not used).</param>
/// <param name="MinOwnMatches">A key point needs at least this many of its own words found (or all of them when it has fewer).</param>
internal sealed record LexicalTuning(double KeyPointThreshold, double RedFlagThreshold, int PrefixLength,
    double CoverageWeight, double MeanWeight, double RubricWeight, double RedFlagFactor, double ExpansionWeight = 0,
    int MinOwnMatches = 0)
{
    public static LexicalTuning Default { get; } = new(AnswerScorer.KeyPointThreshold, AnswerScorer.RedFlagThreshold, 5, 0, 0, 1, 0.85, 0.15, MinOwnMatches: 2);
}

/// <summary>A text's distinct concepts with their weights.</summary>
internal sealed class WeightedTerms
{
    public WeightedTerms(IEnumerable<string> concepts, Func<string, double> weight)
    {
        Concepts = [.. concepts.Distinct(StringComparer.Ordinal)];
        Weights = [.. Concepts.Select(weight)];
        Total = Weights.Sum();
    }

    public string[] Concepts { get; }

    public double[] Weights { get; }

    public double Total { get; }
}

/// <summary>A question's key points and red flags analysed once.</summary>
internal sealed class PreparedQuestion
{
    private static readonly string[] OmissionStarts = ["leaves out", "ignores", "cannot", "has no", "no ", "lacks", "omits", "misses", "gives no"];

    public PreparedQuestion(Question question, TermWeights weights)
    {
        var prompt = new HashSet<string>(TextAnalysis.Concepts(question.Prompt), StringComparer.Ordinal);
        double Weight(string c) => weights.Of(c) * (prompt.Contains(c) ? 0.5 : 1.0);
        KeyPoints = [.. question.Answer.KeyPoints.Select(k => new WeightedTerms(TextAnalysis.Concepts(k, rubric: true), Weight))];
        RedFlags = [.. question.RedFlags.Select(r => (new WeightedTerms(TextAnalysis.Concepts(r, rubric: true), Weight), !IsOmission(r), TextAnalysis.Words(r).Exists(StopWords.IsNegation)))];
        Rubric = new WeightedTerms(TextAnalysis.Concepts(string.Join("\n", [question.Answer.Summary, .. question.Answer.KeyPoints])), Weight);

        // Each key point's closest sentence of the model answer or "look for" item (the largest weighted
        // share of the key point's words, at least two of them): its other words, after the key point's.
        var sources = TextAnalysis.SplitSentences(question.Answer.Summary).Concat(question.LookFor)
            .Select(x => new HashSet<string>(TextAnalysis.Concepts(x), StringComparer.Ordinal)).ToList();
        Expanded = new WeightedTerms[KeyPoints.Length];
        for (int k = 0; k < KeyPoints.Length; k++)
        {
            var kp = KeyPoints[k];
            HashSet<string>? bestSource = null;
            double bestShare = 0;
            foreach (var src in sources)
            {
                var (share, matched) = AnswerScorer.Match(kp, src, 0);
                if (matched >= 2 && share > bestShare)
                {
                    (bestShare, bestSource) = (share, src);
                }
            }

            var extra = bestSource is null ? [] : bestSource.Where(c => !kp.Concepts.Contains(c)).Order(StringComparer.Ordinal).ToArray();
            Expanded[k] = new WeightedTerms([.. kp.Concepts, .. extra], Weight);
        }
    }

    /// <summary>Per key point: its own concepts, then the other concepts of its closest model-answer sentence or "look for" item.</summary>
    public WeightedTerms[] Expanded { get; }

    /// <summary>Every concept of the model answer and key points.</summary>
    public WeightedTerms Rubric { get; }

    public WeightedTerms[] KeyPoints { get; }

    public (WeightedTerms Terms, bool Checkable, bool Negated)[] RedFlags { get; }

    internal static bool IsOmission(string redFlag)
    {
        string lower = redFlag.TrimStart().ToLowerInvariant();
        return OmissionStarts.Any(s => lower.StartsWith(s, StringComparison.Ordinal));
    }
}

/// <summary>
/// Inverse document frequency of concepts over a set of questions (each question's prompt, model
/// answer, key points, what to look for and red flags is one document): rare words weigh more.
/// </summary>
internal sealed class TermWeights
{
    private static readonly Lazy<TermWeights> DefaultWeights = new(() => new TermWeights(QuestionBank.Default.Questions), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private readonly int documents;

    public TermWeights(IEnumerable<Question> questions)
    {
        foreach (var q in questions)
        {
            documents++;
            var text = string.Join("\n", [q.Prompt, q.Answer.Summary, .. q.Answer.KeyPoints, .. q.LookFor, .. q.RedFlags]);
            foreach (string c in TextAnalysis.Concepts(text).Distinct(StringComparer.Ordinal))
            {
                documentFrequency[c] = documentFrequency.GetValueOrDefault(c) + 1;
            }
        }
    }

    /// <summary>Weights from the packs shipped in HrPrep.Content.</summary>
    public static TermWeights Default => DefaultWeights.Value;

    public double Of(string concept) => Math.Log(1.0 + ((documents + 1.0) / (documentFrequency.GetValueOrDefault(concept) + 1.0)));
}
