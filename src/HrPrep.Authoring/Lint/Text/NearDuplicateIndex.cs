using System.Runtime.InteropServices;

namespace HrPrep.Authoring.Lint.Text;

/// <summary>
/// Finds near-duplicate texts in linear time: each text becomes a set of hashed word shingles,
/// a 128-value MinHash signature is cut into bands (locality-sensitive hashing), and only texts
/// sharing a band bucket are compared by exact Jaccard similarity of their shingle sets. Bucket
/// comparisons are capped, so a pathological corpus cannot make the pass quadratic.
/// </summary>
public sealed class NearDuplicateIndex
{
    private const int Hashes = 128;
    private const int MaxComparisonsPerBucket = 48;
    private static readonly ulong[] Seeds = MakeSeeds();

    private readonly int shingleSize;
    private readonly int bands;
    private readonly int rows;

    /// <summary>Creates an index for a Jaccard threshold (0..1] and shingles of <paramref name="shingleSize"/> words.</summary>
    public NearDuplicateIndex(double threshold, int shingleSize)
    {
        this.shingleSize = Math.Max(1, shingleSize);
        Threshold = threshold;

        // Put the S-curve's midpoint (1/b)^(1/r) below the threshold so true matches are rarely missed.
        (bands, rows) = threshold switch
        {
            >= 0.75 => (16, 8),
            >= 0.6 => (21, 6),
            >= 0.45 => (32, 4),
            _ => (64, 2),
        };
    }

    /// <summary>The similarity at or above which two texts are near-duplicates.</summary>
    public double Threshold { get; }

    /// <summary>The sorted, distinct shingle hashes of a text's words.</summary>
    public ulong[] Shingles(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return [];
        }

        int k = Math.Min(shingleSize, words.Count);
        var hashes = new ulong[words.Count - k + 1];
        var wordHashes = new ulong[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            wordHashes[i] = Hash(words[i]);
        }

        for (int i = 0; i < hashes.Length; i++)
        {
            ulong h = 0x9E3779B97F4A7C15UL;
            for (int j = 0; j < k; j++)
            {
                h = Mix(h ^ wordHashes[i + j]);
            }

            hashes[i] = h;
        }

        Array.Sort(hashes);
        int n = hashes.Length == 0 ? 0 : 1;
        for (int i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] != hashes[n - 1])
            {
                hashes[n++] = hashes[i];
            }
        }

        return n == hashes.Length ? hashes : hashes[..n];
    }

    /// <summary>
    /// For every item, the index of the earliest other item (in input order) it near-duplicates, or -1,
    /// with the similarity. Only later items point at earlier ones.
    /// </summary>
    public (int Other, double Similarity)[] FindEarlierDuplicates(IReadOnlyList<ulong[]> shingleSets)
    {
        ArgumentNullException.ThrowIfNull(shingleSets);
        int n = shingleSets.Count;
        var result = new (int, double)[n];
        var bandKeys = new ulong[n * bands];
        Parallel.For(0, n, i =>
        {
            var set = shingleSets[i];
            Span<ulong> sig = stackalloc ulong[Hashes];
            sig.Fill(ulong.MaxValue);
            foreach (ulong s in set)
            {
                for (int h = 0; h < Hashes; h++)
                {
                    ulong v = Mix(s ^ Seeds[h]);
                    if (v < sig[h])
                    {
                        sig[h] = v;
                    }
                }
            }

            for (int b = 0; b < bands; b++)
            {
                ulong key = (ulong)b * 0xD6E8FEB86659FD93UL;
                for (int r = 0; r < rows; r++)
                {
                    key = Mix(key ^ sig[(b * rows) + r]);
                }

                bandKeys[(i * bands) + b] = set.Length == 0 ? 0 : key | 1;
            }
        });

        var buckets = new Dictionary<ulong, List<int>>();
        for (int i = 0; i < n; i++)
        {
            result[i] = (-1, 0);
            if (shingleSets[i].Length == 0)
            {
                continue;
            }

            int best = -1;
            double bestSim = 0;
            for (int b = 0; b < bands; b++)
            {
                ulong key = bandKeys[(i * bands) + b] ^ ((ulong)b << 56);
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(buckets, key, out bool exists);
                if (!exists)
                {
                    list = [];
                }

                int compared = 0;
                foreach (int j in list!)
                {
                    if (compared++ >= MaxComparisonsPerBucket)
                    {
                        break;
                    }

                    if (best >= 0 && j >= best)
                    {
                        break;
                    }

                    double sim = Jaccard(shingleSets[i], shingleSets[j]);
                    if (sim >= Threshold)
                    {
                        best = j;
                        bestSim = sim;
                        break;
                    }
                }

                if (list.Count < MaxComparisonsPerBucket)
                {
                    list.Add(i);
                }
            }

            result[i] = (best, bestSim);
        }

        return result;
    }

    /// <summary>Exact Jaccard similarity of two sorted distinct sets.</summary>
    public static double Jaccard(ulong[] a, ulong[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int i = 0, j = 0, inter = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                inter++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        int union = a.Length + b.Length - inter;
        return union == 0 ? 0 : (double)inter / union;
    }

    private static ulong Hash(string word)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in word)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return Mix(h);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Hashes];
        ulong s = 0x2545F4914F6CDD1DUL;
        for (int i = 0; i < Hashes; i++)
        {
            s += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(s) | 1;
        }

        return seeds;
    }

}
