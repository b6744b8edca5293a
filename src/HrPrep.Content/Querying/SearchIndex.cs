namespace HrPrep.Content.Querying;

/// <summary>A ranked search result.</summary>
/// <param name="Question">The matching question.</param>
/// <param name="Score">Relevance; higher is better. Only meaningful within one search.</param>
public sealed record SearchHit(Question Question, double Score);

/// <summary>
/// An inverted index over prompt (weight 3), tags and category (weight 2), and model answer, key
/// points and scenario (weight 1), scored with BM25. Every query term must match (a term of three
/// or more characters also matches as a prefix); ties are broken by question id.
/// </summary>
internal sealed class SearchIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private static readonly double[] FieldWeights = [3.0, 2.0, 1.0];

    private readonly IReadOnlyList<Question> questions;
    private readonly Dictionary<string, List<Posting>> postings = new(StringComparer.Ordinal);
    private readonly string[] sortedTerms;
    private readonly int[][] fieldLengths;
    private readonly double[] averageLengths = new double[3];

    public SearchIndex(IReadOnlyList<Question> questions)
    {
        this.questions = questions;
        fieldLengths = new int[questions.Count][];
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int doc = 0; doc < questions.Count; doc++)
        {
            var q = questions[doc];
            var fields = new[]
            {
                TextNormalizer.Tokens(q.Prompt),
                TextNormalizer.Tokens(string.Join(' ', q.Tags) + " " + q.Category),
                TextNormalizer.Tokens(string.Join('\n', [q.Answer.Summary, .. q.Answer.KeyPoints, q.Scenario?.Text ?? string.Empty])),
            };
            fieldLengths[doc] = [fields[0].Count, fields[1].Count, fields[2].Count];
            counts.Clear();
            for (int f = 0; f < 3; f++)
            {
                averageLengths[f] += fields[f].Count;
                foreach (var token in fields[f])
                {
                    if (!counts.TryGetValue(token, out var perField))
                    {
                        counts[token] = perField = new int[3];
                    }

                    perField[f]++;
                }
            }

            foreach (var (term, perField) in counts)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(new Posting(doc, perField[0], perField[1], perField[2]));
            }
        }

        for (int f = 0; f < 3; f++)
        {
            averageLengths[f] = questions.Count == 0 ? 1 : Math.Max(1, averageLengths[f] / questions.Count);
        }

        sortedTerms = [.. postings.Keys];
        Array.Sort(sortedTerms, StringComparer.Ordinal);
    }

    public List<SearchHit> Search(string query, Func<Question, bool>? filter = null)
    {
        var terms = TextNormalizer.Tokens(query).Distinct(StringComparer.Ordinal).ToList();
        var hits = new List<SearchHit>();
        if (terms.Count == 0)
        {
            return hits;
        }

        Dictionary<int, double>? scores = null;
        foreach (var term in terms)
        {
            var termScores = new Dictionary<int, double>();
            foreach (var expansion in Expand(term))
            {
                var list = postings[expansion];
                double idf = Math.Log(1 + ((questions.Count - list.Count + 0.5) / (list.Count + 0.5)));
                double exactBoost = string.Equals(expansion, term, StringComparison.Ordinal) ? 1.0 : 0.7;
                foreach (var p in list)
                {
                    double s = 0;
                    var lengths = fieldLengths[p.Doc];
                    s += FieldScore(p.Prompt, lengths[0], 0);
                    s += FieldScore(p.Tags, lengths[1], 1);
                    s += FieldScore(p.Body, lengths[2], 2);
                    s *= idf * exactBoost;
                    termScores[p.Doc] = Math.Max(termScores.GetValueOrDefault(p.Doc), s);
                }
            }

            if (scores is null)
            {
                scores = termScores;
            }
            else
            {
                var next = new Dictionary<int, double>();
                foreach (var (doc, s) in scores)
                {
                    if (termScores.TryGetValue(doc, out var t))
                    {
                        next[doc] = s + t;
                    }
                }

                scores = next;
            }

            if (scores.Count == 0)
            {
                return hits;
            }
        }

        foreach (var (doc, score) in scores!)
        {
            var q = questions[doc];
            if (filter is null || filter(q))
            {
                hits.Add(new SearchHit(q, Math.Round(score, 6)));
            }
        }

        hits.Sort((a, b) =>
        {
            int c = b.Score.CompareTo(a.Score);
            return c != 0 ? c : string.CompareOrdinal(a.Question.Id, b.Question.Id);
        });
        return hits;
    }

    private double FieldScore(int tf, int length, int field)
    {
        if (tf == 0)
        {
            return 0;
        }

        double norm = K1 * (1 - B + (B * length / averageLengths[field]));
        return FieldWeights[field] * (tf * (K1 + 1)) / (tf + norm);
    }

    private IEnumerable<string> Expand(string term)
    {
        if (term.Length < 3)
        {
            if (postings.ContainsKey(term))
            {
                yield return term;
            }

            yield break;
        }

        int index = Array.BinarySearch(sortedTerms, term, StringComparer.Ordinal);
        if (index < 0)
        {
            index = ~index;
        }

        for (int i = index; i < sortedTerms.Length && sortedTerms[i].StartsWith(term, StringComparison.Ordinal); i++)
        {
            yield return sortedTerms[i];
        }
    }

    private readonly record struct Posting(int Doc, int Prompt, int Tags, int Body);
}
