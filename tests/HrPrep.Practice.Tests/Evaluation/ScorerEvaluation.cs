using System.Text;
using HrPrep.Content;

namespace HrPrep.Practice.Evaluation;

/// <summary>Precision and recall counts.</summary>
internal sealed record Confusion(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Confusion operator +(Confusion a, Confusion b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>Figures of one scorer on a set of labelled answers.</summary>
internal sealed record ScorerFigures(string Name, int Answers, int Pairs, int PairsCorrect, Confusion KeyPoints, Confusion? RedFlags)
{
    public double RankingAccuracy => Pairs == 0 ? 0 : (double)PairsCorrect / Pairs;
}

/// <summary>What a scorer says about one answer: a grade for ranking, key points covered, red flags hit (null: not judged).</summary>
internal sealed record Judgement(double Strength, IReadOnlySet<int> KeyPoints, IReadOnlySet<int>? RedFlags, IReadOnlySet<int>? CheckableRedFlags);

/// <summary>
/// Measures a scorer on the labelled set: ranking accuracy (strong &gt; partial &gt; weak, strictly,
/// over every pair of differently graded answers to the same question), micro-averaged key-point precision and recall, and red
/// flag precision and recall over the red flags the scorer can judge.
/// </summary>
internal static class ScorerEvaluation
{
    /// <summary>The answers of every other question (0th, 2nd, … in file order): the set the scorer was tuned on.</summary>
    public static bool IsDevelopment(IReadOnlyList<string> questionOrder, string questionId) =>
        questionOrder.ToList().IndexOf(questionId) % 2 == 0;

    public static ScorerFigures Measure(string name, IEnumerable<LabelledAnswer> answers, Func<Question, string, Judgement> judge, QuestionBank bank)
    {
        var list = answers.ToList();
        var judged = list.Select(a => (Answer: a, Judgement: judge(bank[a.QuestionId], a.Text))).ToList();
        // Every pair of answers to the same question written to different grades counts once; it is
        // ranked correctly when the better-graded answer has the strictly higher strength (a tie is
        // wrong). With one answer per grade that is strong>partial, partial>weak and strong>weak.
        int pairs = 0, correct = 0;
        foreach (var group in judged.GroupBy(j => j.Answer.QuestionId, StringComparer.Ordinal))
        {
            var members = group.ToList();
            foreach (var hi in members)
            {
                foreach (var lo in members.Where(lo => lo.Answer.Grade < hi.Answer.Grade))
                {
                    pairs++;
                    correct += hi.Judgement.Strength > lo.Judgement.Strength ? 1 : 0;
                }
            }
        }

        var kp = new Confusion(0, 0, 0);
        Confusion? rf = null;
        foreach (var (answer, j) in judged)
        {
            int n = bank[answer.QuestionId].Answer.KeyPoints.Length;
            kp += Count(Enumerable.Range(0, n), j.KeyPoints, answer.KeyPoints);
            if (j.RedFlags is not null && j.CheckableRedFlags is not null)
            {
                rf = (rf ?? new Confusion(0, 0, 0)) + Count(j.CheckableRedFlags, j.RedFlags, answer.RedFlags);
            }
        }

        return new ScorerFigures(name, list.Count, pairs, correct, kp, rf);
    }

    private static Confusion Count(IEnumerable<int> universe, IReadOnlySet<int> predicted, IReadOnlySet<int> truth)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (int i in universe)
        {
            bool p = predicted.Contains(i), t = truth.Contains(i);
            tp += p && t ? 1 : 0;
            fp += p && !t ? 1 : 0;
            fn += !p && t ? 1 : 0;
        }

        return new Confusion(tp, fp, fn);
    }

    /// <summary>The scorer under test.</summary>
    public static Judgement Scorer(Question q, string answer)
    {
        var s = AnswerScorer.Score(q, answer);
        return new Judgement(
            s.Strength,
            s.KeyPoints.Where(k => k.Covered).Select(k => k.Index).ToHashSet(),
            s.RedFlags.Where(r => r.Hit).Select(r => r.Index).ToHashSet(),
            s.RedFlags.Where(r => r.Checkable).Select(r => r.Index).ToHashSet());
    }

    public static string Format(ScorerFigures f) => FormattableString.Invariant(
        $"{f.Name,-34} answers {f.Answers,3}  ranking {f.PairsCorrect,3}/{f.Pairs,-3} = {f.RankingAccuracy:0.000}  key points P {f.KeyPoints.Precision:0.000} R {f.KeyPoints.Recall:0.000} F1 {f.KeyPoints.F1:0.000} (tp {f.KeyPoints.TruePositives}, fp {f.KeyPoints.FalsePositives}, fn {f.KeyPoints.FalseNegatives})")
        + (f.RedFlags is { } r ? FormattableString.Invariant($"  red flags P {r.Precision:0.000} R {r.Recall:0.000} (tp {r.TruePositives}, fp {r.FalsePositives}, fn {r.FalseNegatives})") : string.Empty);
}

/// <summary>
/// The naive baseline: raw lower-case words, stop words dropped, no stemming or synonyms. Ranking by
/// the share of the model answer's words the answer uses; a key point counts as covered when the
/// answer uses at least <c>threshold</c> of the key point's words.
/// </summary>
internal static class BaselineScorer
{
    public static Func<Question, string, Judgement> WithThreshold(double threshold) => (q, answer) =>
    {
        var words = Words(answer);
        var model = Words(q.Answer.Summary);
        double strength = model.Count == 0 ? 0 : (double)model.Count(w => words.Contains(w)) / model.Count;
        var covered = new HashSet<int>();
        for (int k = 0; k < q.Answer.KeyPoints.Length; k++)
        {
            var kp = Words(q.Answer.KeyPoints[k]);
            if (kp.Count > 0 && (double)kp.Count(w => words.Contains(w)) / kp.Count >= threshold)
            {
                covered.Add(k);
            }
        }

        return new Judgement(strength, covered, null, null);
    };

    /// <summary>The threshold (0.05 steps) with the best key-point F1 on the given answers: the baseline's best case.</summary>
    public static double Tune(IEnumerable<LabelledAnswer> answers, QuestionBank bank)
    {
        var list = answers.ToList();
        double best = 0.5, bestF1 = -1;
        for (int i = 1; i < 20; i++)
        {
            double t = i * 0.05;
            double f1 = ScorerEvaluation.Measure("baseline", list, WithThreshold(t), bank).KeyPoints.F1;
            if (f1 > bestF1)
            {
                (best, bestF1) = (t, f1);
            }
        }

        return best;
    }

    private static HashSet<string> Words(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (char ch in text + " ")
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (sb.Length > 0)
            {
                string w = sb.ToString();
                sb.Clear();
                if (!Stop.Contains(w))
                {
                    set.Add(w);
                }
            }
        }

        return set;
    }

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "how", "i", "if", "in", "into", "is", "it",
        "its", "not", "of", "on", "or", "so", "such", "that", "the", "their", "them", "they", "this", "to", "was", "we", "what",
        "when", "which", "who", "will", "with", "you", "your", "our", "can", "do", "does", "each", "than", "then", "there", "these",
    };
}
