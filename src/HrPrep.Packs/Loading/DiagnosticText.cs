using System.Text.RegularExpressions;

namespace HrPrep.Packs;

/// <summary>
/// Wording helpers shared by every layer that reports located problems: the reader, lint, import
/// and the command-line tool use them so their messages read alike.
/// </summary>
public static partial class DiagnosticText
{
    /// <summary>The longest value quoted whole in a message; longer values are cut with "...".</summary>
    public const int MaxQuotedLength = 60;

    /// <summary>A value as quoted in a message: itself, or its first 57 characters and "..." when longer than <see cref="MaxQuotedLength"/>.</summary>
    /// <param name="value">The value to quote.</param>
    public static string Shorten(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= MaxQuotedLength ? value : string.Concat(value.AsSpan(0, MaxQuotedLength - 3), "...");
    }

    /// <summary>
    /// The known name closest to <paramref name="name"/> by edit distance (ignoring case), when it is
    /// close enough to be a likely typo (at most a third of its length, at least one edit); otherwise null.
    /// </summary>
    /// <param name="name">The name that was written.</param>
    /// <param name="known">The names that are allowed.</param>
    public static string? Suggest(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        string? best = null;
        int bestDistance = int.MaxValue;
        string lower = name.ToLowerInvariant();
        foreach (var candidate in known)
        {
            int d = Distance(lower, candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= Math.Max(1, best.Length / 3) ? best : null;
    }

    /// <summary>A message on one line: every run of white space (line breaks included) becomes one space; trimmed.</summary>
    /// <param name="message">An exception or parser message.</param>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WhiteSpaceRun().Replace(message, " ").Trim();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpaceRun();
}
