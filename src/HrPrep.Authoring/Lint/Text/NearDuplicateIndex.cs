using System.Runtime.Intrinsics;

namespace HrPrep.Authoring.Lint.Text;

/// <summary>
/// Finds near-duplicate texts in linear time: each text becomes a set of hashed word shingles,
/// a MinHash signature (up to 128 values) is cut into bands (locality-sensitive hashing), and only texts
/// sharing a band bucket are compared by exact Jaccard similarity of their shingle sets. Bucket
/// comparisons are capped, so a pathological corpus cannot make the pass quadratic.
/// </summary>
public sealed class NearDuplicateIndex
{
    private const int Hashes = 128;
    private const int MaxComparisonsPerBucket = 8;
    private static readonly ulong[] Seeds = MakeSeeds(0x2545F4914F6CDD1DUL, odd: true);
    private static readonly ulong[] Offsets = MakeSeeds(0x9E3779B97F4A7C15UL, odd: false);

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
        ArgumentNullException.ThrowIfNull(words);
        var wordHashes = new ulong[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            wordHashes[i] = Hash(words[i]);
        }

        return FromWordHashes(wordHashes);
    }

    /// <summary>
    /// The shingles of a text's words as <see cref="TextTools.Words"/> splits them (folded, maximal runs
    /// of letters and digits), hashed straight from the folded text without a string per word.
    /// </summary>
    internal ulong[] Shingles(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        string folded = HrPrep.Packs.Text.TextNormalizer.Fold(text);
        ulong[] rented = System.Buffers.ArrayPool<ulong>.Shared.Rent((folded.Length / 2) + 1);
        try
        {
            int count = 0;
            int start = -1;
            for (int i = 0; i <= folded.Length; i++)
            {
                bool letter = i < folded.Length && char.IsLetterOrDigit(folded[i]);
                if (letter && start < 0)
                {
                    start = i;
                }
                else if (!letter && start >= 0)
                {
                    rented[count++] = Hash(folded.AsSpan(start, i - start));
                    start = -1;
                }
            }

            return FromWordHashes(rented.AsSpan(0, count));
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    private ulong[] FromWordHashes(ReadOnlySpan<ulong> wordHashes)
    {
        if (wordHashes.Length == 0)
        {
            return [];
        }

        int k = Math.Min(shingleSize, wordHashes.Length);
        var hashes = new ulong[wordHashes.Length - k + 1];
        for (int i = 0; i < hashes.Length; i++)
        {
            ulong h = 0x9E3779B97F4A7C15UL;
            for (int j = 0; j < k; j++)
            {
                h = Mix(h ^ wordHashes[i + j]);
            }

            hashes[i] = h;
        }

        UInt64Sort.Sort(hashes);
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
    /// The MinHash signature of a shingle set: for each hash function <c>a[h]*x + c[h]</c> (wrapping
    /// 64-bit arithmetic), its minimum over the set (<see cref="ulong.MaxValue"/> for an empty set).
    /// </summary>
    /// <param name="set">The shingle hashes.</param>
    /// <param name="a">The multipliers.</param>
    /// <param name="c">The offsets (as many as <paramref name="a"/>).</param>
    /// <param name="sig">Receives one value per hash function.</param>
    /// <param name="vector">Use 256-bit vectors where the hardware has them (false: scalar code only; the same values).</param>
    internal static void MinHash(ReadOnlySpan<ulong> set, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> c, Span<ulong> sig, bool vector)
    {
        int h0 = 0;
        if (vector && Vector256.IsHardwareAccelerated)
        {
            // Four hash functions at a time, the minimum kept in a register over the whole set
            // (the same wrapping integer arithmetic as below, so the same signature on any hardware).
            for (; h0 + Vector256<ulong>.Count <= a.Length; h0 += Vector256<ulong>.Count)
            {
                var av = Vector256.Create<ulong>(a.Slice(h0, Vector256<ulong>.Count));
                var cv = Vector256.Create<ulong>(c.Slice(h0, Vector256<ulong>.Count));
                var min = Vector256.Create(ulong.MaxValue);
                foreach (ulong s in set)
                {
                    min = Vector256.Min(min, (Vector256.Create(s) * av) + cv);
                }

                min.CopyTo(sig.Slice(h0, Vector256<ulong>.Count));
            }
        }

        // Without 256-bit vectors (the Native AOT tool targets x86-64-v2), four hash functions at a
        // time in scalar registers, the set in the inner loop: the minimum stays in a register and the
        // four multiplies are independent, instead of a load, compare and store of sig[h] per value.
        for (; h0 + 4 <= a.Length; h0 += 4)
        {
            ulong a0 = a[h0], a1 = a[h0 + 1], a2 = a[h0 + 2], a3 = a[h0 + 3];
            ulong c0 = c[h0], c1 = c[h0 + 1], c2 = c[h0 + 2], c3 = c[h0 + 3];
            ulong m0 = ulong.MaxValue, m1 = ulong.MaxValue, m2 = ulong.MaxValue, m3 = ulong.MaxValue;
            foreach (ulong s in set)
            {
                m0 = Math.Min(m0, (s * a0) + c0);
                m1 = Math.Min(m1, (s * a1) + c1);
                m2 = Math.Min(m2, (s * a2) + c2);
                m3 = Math.Min(m3, (s * a3) + c3);
            }

            sig[h0] = m0;
            sig[h0 + 1] = m1;
            sig[h0 + 2] = m2;
            sig[h0 + 3] = m3;
        }

        for (int h = h0; h < a.Length; h++)
        {
            ulong ah = a[h], ch = c[h], m = ulong.MaxValue;
            foreach (ulong s in set)
            {
                m = Math.Min(m, (s * ah) + ch);
            }

            sig[h] = m;
        }
    }

    /// <summary>
    /// For every item, the index of the earliest other item (in input order) it near-duplicates, or -1,
    /// with the similarity. Only later items point at earlier ones.
    /// </summary>
    public (int Other, double Similarity)[] FindEarlierDuplicates(IReadOnlyList<ulong[]> shingleSets)
    {
        ArgumentNullException.ThrowIfNull(shingleSets);
        int n = shingleSets.Count;
        int hashes = bands * rows;

        // 1. MinHash signatures, cut into band keys (parallel). Each hash function is a*x + b over the
        //    already well-mixed 64-bit shingle hashes (a odd: a bijection), one multiply-add per value.
        var bandKeys = new ulong[n * bands];
        Parallel.For(0, n, i =>
        {
            var set = shingleSets[i];
            Span<ulong> sig = stackalloc ulong[Hashes];
            MinHash(set, Seeds.AsSpan(0, hashes), Offsets.AsSpan(0, hashes), sig, Vector256.IsHardwareAccelerated);

            for (int b = 0; b < bands; b++)
            {
                ulong key = (ulong)(b + 1) * 0xD6E8FEB86659FD93UL;
                for (int r = 0; r < rows; r++)
                {
                    key = Mix(key ^ sig[(b * rows) + r]);
                }

                bandKeys[(i * bands) + b] = key;
            }
        });

        // 2. Group items by band key with one sort of packed values (key's high bits, item index in the
        //    low bits): no per-bucket objects. A rare false grouping from the truncated key is harmless,
        //    since every candidate is verified exactly.
        int indexBits = Math.Max(1, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)n));
        ulong indexMask = (1UL << indexBits) - 1;
        // Packed in place: the write position never passes the read position.
        var packed = bandKeys;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (shingleSets[i].Length > 0)
            {
                for (int b = 0; b < bands; b++)
                {
                    packed[count++] = (bandKeys[(i * bands) + b] & ~indexMask) | (uint)i;
                }
            }
        }

        SortParallel(packed, count);
        var groups = new List<(int Start, int Length)>();
        for (int start = 0; start < count;)
        {
            ulong key = packed[start] & ~indexMask;
            int end = start + 1;
            while (end < count && (packed[end] & ~indexMask) == key)
            {
                end++;
            }

            if (end - start > 1)
            {
                groups.Add((start, end - start));
            }

            start = end;
        }

        // 3. Verify candidates (parallel over groups): each member is compared with the group's first
        //    members (capped, so a huge group of look-alikes stays linear); keep the earliest match.
        var best = new int[n];
        Array.Fill(best, int.MaxValue);
        var similarity = new double[n];
        Parallel.ForEach(groups, group =>
        {
            int heads = Math.Min(group.Length, MaxComparisonsPerBucket);
            for (int k = 1; k < group.Length; k++)
            {
                int i = (int)(packed[group.Start + k] & indexMask);
                for (int h = 0; h < Math.Min(k, heads); h++)
                {
                    int j = (int)(packed[group.Start + h] & indexMask);
                    if (j == i || j >= Volatile.Read(ref best[i]))
                    {
                        break;
                    }

                    if (Reaches(shingleSets[i], shingleSets[j], Threshold, out double sim))
                    {
                        lock (similarity)
                        {
                            if (j < best[i])
                            {
                                best[i] = j;
                                similarity[i] = sim;
                            }
                        }

                        break;
                    }
                }
            }
        });

        var result = new (int, double)[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = best[i] == int.MaxValue ? (-1, 0) : (best[i], similarity[i]);
        }

        return result;
    }

    /// <summary>
    /// Sorts the first <paramref name="count"/> values in place, as <c>Array.Sort</c> would: they are
    /// moved by their top byte into 256 ranges (one in-place pass that follows each displaced value
    /// to its range; band keys are well mixed, so the ranges are even), and the ranges, already in
    /// order among themselves, are sorted in parallel.
    /// </summary>
    internal static void SortParallel(ulong[] values, int count)
    {
        const int Buckets = 256;
        if (count < 1 << 16)
        {
            UInt64Sort.Sort(values.AsSpan(0, count));
            return;
        }

        var starts = new int[Buckets + 1];
        for (int i = 0; i < count; i++)
        {
            starts[(int)(values[i] >> 56) + 1]++;
        }

        for (int b = 1; b <= Buckets; b++)
        {
            starts[b] += starts[b - 1];
        }

        // next[b]: the first position of range b not yet holding a value of range b.
        var next = new int[Buckets];
        Array.Copy(starts, next, Buckets);
        for (int b = 0; b < Buckets; b++)
        {
            while (next[b] < starts[b + 1])
            {
                ulong v = values[next[b]];
                int d = (int)(v >> 56);
                while (d != b)
                {
                    // Put v where range d continues and carry on with the value it displaces.
                    (values[next[d]], v) = (v, values[next[d]]);
                    next[d]++;
                    d = (int)(v >> 56);
                }

                values[next[b]++] = v;
            }
        }

        Parallel.For(0, Buckets, b => UInt64Sort.Sort(values.AsSpan(starts[b], starts[b + 1] - starts[b])));
    }

    /// <summary>Exact Jaccard similarity of two sorted distinct sets.</summary>
    public static double Jaccard(ulong[] a, ulong[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int inter = Intersection(a, b, need: 0);
        int union = a.Length + b.Length - inter;
        return union == 0 ? 0 : (double)inter / union;
    }

    /// <summary>
    /// Whether <see cref="Jaccard"/> of two sorted distinct sets is at least <paramref name="threshold"/>,
    /// and if so the similarity (the same value <see cref="Jaccard"/> returns). It gives up as soon as the
    /// intersection can no longer reach the smallest size that meets the threshold, so sets of very
    /// different sizes are ruled out before any element is compared.
    /// </summary>
    internal static bool Reaches(ulong[] a, ulong[] b, double threshold, out double similarity)
    {
        similarity = 0;
        int total = a.Length + b.Length;
        int need = MinIntersection(total, threshold);
        if (need > Math.Min(a.Length, b.Length))
        {
            return false;
        }

        int inter = Intersection(a, b, need);
        if (inter < 0)
        {
            return false;
        }

        int union = total - inter;
        double sim = union == 0 ? 0 : (double)inter / union;
        if (!(sim >= threshold))
        {
            return false;
        }

        similarity = sim;
        return true;
    }

    /// <summary>
    /// The size of the intersection of two sorted distinct sets, or -1 as soon as it can no longer
    /// reach <paramref name="need"/> (with <paramref name="need"/> 0 it always runs to the end).
    /// </summary>
    private static int Intersection(ulong[] a, ulong[] b, int need)
    {
        int i = 0, j = 0, inter = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                inter++;
                i++;
                j++;
                continue;
            }

            if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }

            // A miss lowers what the rest can still add.
            if (inter + Math.Min(a.Length - i, b.Length - j) < need)
            {
                return -1;
            }
        }

        return inter;
    }

    /// <summary>
    /// The smallest intersection size <c>k</c> for which two sets of <paramref name="total"/> elements
    /// together have <c>(double)k / (total - k) &gt;= threshold</c>, evaluated exactly as
    /// <see cref="Jaccard"/> does (the quotient only grows with <c>k</c>). A result above the smaller
    /// set's size means no intersection can reach the threshold.
    /// </summary>
    internal static int MinIntersection(int total, double threshold)
    {
        int k = Math.Max(0, (int)Math.Floor(threshold * total / (1 + threshold)) - 2);
        while (k > 0 && (double)(k - 1) / (total - (k - 1)) >= threshold)
        {
            k--;
        }

        while (k < total && (double)k / (total - k) < threshold)
        {
            k++;
        }

        return k;
    }

    private static ulong Hash(ReadOnlySpan<char> word)
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

    private static ulong[] MakeSeeds(ulong start, bool odd)
    {
        var seeds = new ulong[Hashes];
        ulong s = start;
        for (int i = 0; i < Hashes; i++)
        {
            s += 0x9E3779B97F4A7C15UL;
            seeds[i] = odd ? Mix(s) | 1 : Mix(s);
        }

        return seeds;
    }

}
