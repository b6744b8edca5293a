using System.Collections.Immutable;

namespace HrPrep.Content;

/// <summary>
/// Element-wise equality of the model's immutable arrays (a default array counts as empty), used by
/// the records' <c>Equals</c>. <see cref="ImmutableArray{T}"/> itself compares by reference.
/// </summary>
internal static class ValueEquality
{
    /// <summary>True when both arrays hold equal elements in the same order.</summary>
    public static bool Same<T>(ImmutableArray<T> a, ImmutableArray<T> b)
    {
        var x = a.IsDefault ? ImmutableArray<T>.Empty : a;
        var y = b.IsDefault ? ImmutableArray<T>.Empty : b;
        if (x.Length != y.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < x.Length; i++)
        {
            if (!comparer.Equals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when both tables of rows hold equal rows in the same order.</summary>
    public static bool SameRows(ImmutableArray<ImmutableArray<string>> a, ImmutableArray<ImmutableArray<string>> b)
    {
        var x = a.IsDefault ? [] : a;
        var y = b.IsDefault ? [] : b;
        if (x.Length != y.Length)
        {
            return false;
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (!Same(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The length of an array, 0 for a default one (hash codes use it: cheap and consistent with <see cref="Same{T}"/>).</summary>
    public static int Length<T>(ImmutableArray<T> a) => a.IsDefault ? 0 : a.Length;

    /// <summary>Ordinal string equality.</summary>
    public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);
}
