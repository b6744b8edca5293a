using System.Text;

namespace HrPrep.Packs.Text;

/// <summary>
/// Folds text the same way everywhere (search, near-duplicate checks, merge, import): lower case
/// (invariant), accents removed with a fixed table, split into runs of letters and digits.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The folded tokens of a text (maximal runs of letters and digits); empty for null or empty text.</summary>
    /// <param name="text">Any text.</param>
    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        string folded = Fold(text);
        foreach (var token in TokenRanges(folded))
        {
            tokens.Add(folded[token]);
        }

        return tokens;
    }

    /// <summary>
    /// The tokens of <see cref="Tokens"/> joined by single spaces, built without a string per token
    /// (used as a duplicate key over many texts).
    /// </summary>
    /// <param name="text">Any text.</param>
    public static string TokenKey(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string folded = Fold(text);
        var key = new StringBuilder(folded.Length);
        foreach (var token in TokenRanges(folded))
        {
            (key.Length > 0 ? key.Append(' ') : key).Append(folded.AsSpan()[token]);
        }

        return key.ToString();
    }

    /// <summary>The tokens of folded text: maximal runs of letters and digits.</summary>
    private static IEnumerable<Range> TokenRanges(string folded)
    {
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
                yield return start..i;
                start = -1;
            }
        }
    }

    /// <summary>ASCII base letters of U+00C0..U+024F (Latin-1 Supplement, Latin Extended-A and -B); empty = keep.</summary>
    private static readonly string[] LatinFold = "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|ij|ij|j|j|k|k|k|l|l|l|l|l|l|l|l|l|l|n|n|n|n|n|n|n|n|n|o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|s|||||||||||||||||||||||||||||||||o|o||||||||||||||u|u|||||||||||||||||||||||||||||a|a|i|i|o|o|u|u|u|u|u|u|u|u|u|u||a|a|a|a|||||g|g|k|k|o|o|o|o|||j||||g|g|||n|n|a|a|||||a|a|a|a|e|e|e|e|i|i|i|i|o|o|o|o|r|r|r|r|u|u|u|u|s|s|t|t|||h|h|||||||a|a|e|e|o|o|o|o|o|o|o|o|y|y||||||||||||||||||||||||||||".Split('|');

    /// <summary>
    /// Lower-cases (invariant) and strips diacritics (é → e, ß → ss) with a fixed table, so the result
    /// is the same on every platform and in invariant-globalization mode. Combining marks
    /// (U+0300..U+036F) are dropped.
    /// </summary>
    /// <param name="text">Any text.</param>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool ascii = true;
        foreach (char c in text)
        {
            if (c > 127)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return text.ToLowerInvariant();
        }

        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is >= '\u0300' and <= '\u036F')
            {
                continue;
            }

            if (c is >= '\u00C0' and <= '\u024F' && LatinFold[c - 0xC0] is { Length: > 0 } folded)
            {
                sb.Append(folded);
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
