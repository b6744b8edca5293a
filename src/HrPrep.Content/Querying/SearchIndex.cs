using HrPrep.Packs.Text;

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
    private readonly int[] idRank;

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

        var order = new int[questions.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(questions[a].Id, questions[b].Id));
        idRank = new int[questions.Count];
        for (int i = 0; i < order.Length; i++)
        {
            idRank[order[i]] = i;
        }

        sortedTerms = [.. postings.Keys];
        Array.Sort(sortedTerms, StringComparer.Ordinal);
    }

    public List<SearchHit> Search(string query, Func<Question, bool>? filter = null)
    {
        var terms = TextNormalizer.Tokens(query).Distinct(StringComparer.Ordinal).ToList();
        var hits = new List<SearchHit>();
        if (terms.Count == 0 || questions.Count == 0)
        {
            return hits;
        }

        // Dense accumulators: a document matches when every term matched it (AND).
        var total = new double[questions.Count];
        var matched = new int[questions.Count];
        var termScore = new double[questions.Count];
        var touched = new List<int>();
        for (int t = 0; t < terms.Count; t++)
        {
            touched.Clear();
            foreach (var expansion in Expand(terms[t]))
            {
                var list = postings[expansion];
                double idf = Math.Log(1 + ((questions.Count - list.Count + 0.5) / (list.Count + 0.5)));
                double boost = string.Equals(expansion, terms[t], StringComparison.Ordinal) ? 1.0 : 0.7;
                foreach (var p in list)
                {
                    if (matched[p.Doc] != t)
                    {
                        continue; // already failed an earlier term
                    }

                    var lengths = fieldLengths[p.Doc];
                    double s = (FieldScore(p.Prompt, lengths[0], 0) + FieldScore(p.Tags, lengths[1], 1) + FieldScore(p.Body, lengths[2], 2)) * idf * boost;
                    if (termScore[p.Doc] == 0)
                    {
                        touched.Add(p.Doc);
                    }

                    termScore[p.Doc] = Math.Max(termScore[p.Doc], s);
                }
            }

            if (touched.Count == 0)
            {
                return hits;
            }

            foreach (int doc in touched)
            {
                total[doc] += termScore[doc];
                termScore[doc] = 0;
                matched[doc] = t + 1;
            }
        }

        var ranked = new List<Ranked>();
        for (int doc = 0; doc < questions.Count; doc++)
        {
            if (matched[doc] == terms.Count && (filter is null || filter(questions[doc])))
            {
                ranked.Add(new Ranked(Math.Round(total[doc], 6), idRank[doc], doc));
            }
        }

        ranked.Sort();
        hits.Capacity = ranked.Count;
        foreach (var r in ranked)
        {
            hits.Add(new SearchHit(questions[r.Doc], r.Score));
        }

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

    /// <summary>Higher score first, then question id order (as a precomputed rank).</summary>
    private readonly record struct Ranked(double Score, int IdRank, int Doc) : IComparable<Ranked>
    {
        public int CompareTo(Ranked other)
        {
            int c = other.Score.CompareTo(Score);
            return c != 0 ? c : IdRank.CompareTo(other.IdRank);
        }
    }
}
