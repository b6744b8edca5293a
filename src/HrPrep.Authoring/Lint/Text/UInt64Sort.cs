using System.Numerics;

namespace HrPrep.Authoring.Lint.Text;

/// <summary>
/// Sorts 64-bit unsigned integers in ascending order (introspective sort: quicksort with a
/// median-of-three pivot, heapsort past a depth limit, insertion sort for short ranges).
/// <see cref="Array.Sort{T}(T[])"/> gives the same order, but in the Native AOT tool it sorts
/// <see cref="ulong"/> through a generic comparer, one call per comparison; the near-duplicate pass
/// sorts millions of band keys and a shingle set per prompt.
/// </summary>
internal static class UInt64Sort
{
    private const int InsertionSortLimit = 16;

    /// <summary>Sorts the values in place.</summary>
    /// <param name="keys">The values.</param>
    public static void Sort(Span<ulong> keys)
    {
        if (keys.Length > 1)
        {
            Sort(keys, 2 * (BitOperations.Log2((uint)keys.Length) + 1));
        }
    }

    /// <summary>Sorts the values in place, switching to heapsort once <paramref name="depthLimit"/> partitions deep (tests pass 0 to sort by heapsort alone).</summary>
    /// <param name="keys">The values.</param>
    /// <param name="depthLimit">How many partition levels before heapsort.</param>
    internal static void Sort(Span<ulong> keys, int depthLimit)
    {
        int n = keys.Length;
        while (n > InsertionSortLimit)
        {
            if (depthLimit == 0)
            {
                HeapSort(keys[..n]);
                return;
            }

            depthLimit--;
            int p = Partition(keys[..n]);
            Sort(keys[(p + 1)..n], depthLimit);
            n = p;
        }

        InsertionSort(keys[..n]);
    }

    /// <summary>Partitions around the median of the first, middle and last values; returns the pivot's final position. Needs at least three values.</summary>
    private static int Partition(Span<ulong> keys)
    {
        int hi = keys.Length - 1;
        int middle = hi >> 1;
        SwapIfGreater(keys, 0, middle);
        SwapIfGreater(keys, 0, hi);
        SwapIfGreater(keys, middle, hi);

        ulong pivot = keys[middle];
        (keys[middle], keys[hi - 1]) = (keys[hi - 1], keys[middle]);
        int left = 0;
        int right = hi - 1;
        while (left < right)
        {
            // keys[hi - 1] is the pivot and keys[0] is at most the pivot: both scans stop inside.
            while (keys[++left] < pivot)
            {
            }

            while (pivot < keys[--right])
            {
            }

            if (left >= right)
            {
                break;
            }

            (keys[left], keys[right]) = (keys[right], keys[left]);
        }

        if (left != hi - 1)
        {
            (keys[left], keys[hi - 1]) = (keys[hi - 1], keys[left]);
        }

        return left;
    }

    private static void SwapIfGreater(Span<ulong> keys, int i, int j)
    {
        if (keys[i] > keys[j])
        {
            (keys[i], keys[j]) = (keys[j], keys[i]);
        }
    }

    private static void HeapSort(Span<ulong> keys)
    {
        int n = keys.Length;
        for (int i = n >> 1; i >= 1; i--)
        {
            DownHeap(keys, i, n);
        }

        for (int i = n; i > 1; i--)
        {
            (keys[0], keys[i - 1]) = (keys[i - 1], keys[0]);
            DownHeap(keys, 1, i - 1);
        }
    }

    /// <summary>Sifts the value at heap position <paramref name="i"/> (1-based) down a heap of <paramref name="n"/> values.</summary>
    private static void DownHeap(Span<ulong> keys, int i, int n)
    {
        ulong d = keys[i - 1];
        while (i <= n >> 1)
        {
            int child = 2 * i;
            if (child < n && keys[child - 1] < keys[child])
            {
                child++;
            }

            if (d >= keys[child - 1])
            {
                break;
            }

            keys[i - 1] = keys[child - 1];
            i = child;
        }

        keys[i - 1] = d;
    }

    private static void InsertionSort(Span<ulong> keys)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            ulong t = keys[i];
            int j = i - 1;
            while (j >= 0 && t < keys[j])
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = t;
        }
    }
}
