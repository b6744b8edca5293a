using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using HrPrep.Content;
using HrPrep.Practice.Text;

namespace HrPrep.Practice;

/// <summary>
/// Scores a free-text answer against a question's rubric, offline and deterministically: which key
/// points it covers (with the sentence that covers each), which red flags it commits, and the
/// overall coverage. Lexical: words are normalised, stemmed (Porter), stop words dropped and
/// synonyms from a small curated HR list folded together; each key point is matched against every
/// sentence and pair of adjacent sentences of the answer, words weighted by how rare they are across
/// the shipped question bank. Thread-safe.
/// </summary>
public static class AnswerScorer
{
    /// <summary>A key point counts as covered at or above this score.</summary>
    public const double KeyPointThreshold = 0.25;

    /// <summary>A red flag counts as hit at or above this score.</summary>
    public const double RedFlagThreshold = 0.40;

    private static readonly ConditionalWeakTable<Question, PreparedQuestion> Prepared = new();

    /// <summary>Scores <paramref name="answer"/> against <paramref name="question"/>'s key points and red flags.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AnswerScore Score(Question question, string answer) => Score(question, answer, KeyPointThreshold, RedFlagThreshold);

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

    /// <summary>Scores with other thresholds (the benchmark sweeps them).</summary>
    internal static AnswerScore Score(Question question, string answer, double keyPointThreshold, double redFlagThreshold)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        var prepared = Prepared.GetValue(question, q => new PreparedQuestion(q, TermWeights.Default));

        var sentenceTexts = TextAnalysis.SplitSentences(answer);
        var sentences = new List<Sentence>(sentenceTexts.Count);
        foreach (string text in sentenceTexts)
        {
            sentences.Add(new Sentence(text, [.. TextAnalysis.Concepts(text)]));
        }

        var negated = new bool[sentences.Count];
        for (int i = 0; i < sentences.Count; i++)
        {
            negated[i] = TextAnalysis.Words(sentences[i].Text).Exists(StopWords.IsNegation);
        }

        var keyPoints = ImmutableArray.CreateBuilder<KeyPointResult>(prepared.KeyPoints.Length);
        double scoreSum = 0;
        int covered = 0;
        for (int k = 0; k < prepared.KeyPoints.Length; k++)
        {
            var terms = prepared.KeyPoints[k];
            double best = 0;
            string? evidence = null;
            for (int i = 0; i < sentences.Count; i++)
            {
                var (score, matched) = Match(terms, sentences[i].Concepts, null);
                if (score > best && matched >= MinMatches(terms))
                {
                    (best, evidence) = (score, sentences[i].Text);
                }
            }

            // A pair of adjacent sentences counts only when it clearly beats every single sentence.
            double bestSingle = best;
            for (int i = 0; i + 1 < sentences.Count; i++)
            {
                var (pairScore, pairMatched) = Match(terms, sentences[i].Concepts, sentences[i + 1].Concepts);
                if (pairScore > best && pairScore > bestSingle + 0.05 && pairMatched >= MinMatches(terms))
                {
                    (best, evidence) = (pairScore, sentences[i].Text + " " + sentences[i + 1].Text);
                }
            }

            best = Math.Round(best, 4);
            bool isCovered = best >= keyPointThreshold;
            covered += isCovered ? 1 : 0;
            scoreSum += best;
            keyPoints.Add(new KeyPointResult(k, question.Answer.KeyPoints[k], isCovered, best, isCovered ? evidence : null));
        }

        var redFlags = ImmutableArray.CreateBuilder<RedFlagResult>(prepared.RedFlags.Length);
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
                    var (score, matched) = Match(terms, sentences[i].Concepts, null);
                    if (negated[i] != flagNegated)
                    {
                        // "not", "never", "instead of"... in one but not the other: said the other way round,
                        // so the sentence can never reach the red-flag threshold
                        score *= 0.3;
                    }

                    if (score > best && matched >= MinMatches(terms))
                    {
                        (best, evidence) = (score, sentences[i].Text);
                    }
                }
            }

            best = Math.Round(best, 4);
            bool hit = checkable && best >= redFlagThreshold;
            hits += hit ? 1 : 0;
            redFlags.Add(new RedFlagResult(r, question.RedFlags[r], hit, best, hit ? evidence : null, checkable));
        }

        int n = prepared.KeyPoints.Length;
        double coverage = n == 0 ? 0 : (double)covered / n;
        double mean = n == 0 ? 0 : scoreSum / n;
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            all.UnionWith(sentence.Concepts);
        }

        double rubric = Match(prepared.Rubric, all, null).Score;
        double strength = ((0.6 * coverage) + (0.2 * mean) + (0.2 * rubric)) * Math.Pow(0.85, hits);
        return new AnswerScore(question.Id, Math.Round(coverage, 4), Math.Round(strength, 4), keyPoints.MoveToImmutable(), redFlags.MoveToImmutable());
    }

    private static int MinMatches(WeightedTerms terms) => Math.Min(2, terms.Concepts.Length);

    /// <summary>Weighted share of the terms found in one or two concept sets, and how many were found.</summary>
    private static (double Score, int Matched) Match(WeightedTerms terms, HashSet<string> a, HashSet<string>? b)
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
            if (a.Contains(c) || (b is not null && b.Contains(c)))
            {
                found += terms.Weights[i];
                matched++;
            }
        }

        return (found / terms.Total, matched);
    }
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
    }

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
