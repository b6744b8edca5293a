using System.Text;

namespace HrPrep.Authoring.Lint.Text;

/// <summary>Small text helpers shared by rules.</summary>
public static class TextTools
{
    /// <summary>Counts words (runs of letters or digits, with inner apostrophes and hyphens).</summary>
    public static int WordCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int count = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool letter = c < 128 ? IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter || (inWord && c is '\'' or '-' or '\u2019');
        }

        return count;
    }

    // Bit c of the mask (c < 64) or bit c - 64 (64 <= c < 128): the ASCII characters for which
    // char.IsLetterOrDigit is true ('0'-'9', 'A'-'Z', 'a'-'z'); a shift instead of a table lookup
    // per character of every answer.
    private const ulong AsciiDigits = 0x03FF_0000_0000_0000UL;
    private const ulong AsciiLetters = 0x07FF_FFFE_07FF_FFFEUL;

    /// <summary>char.IsLetterOrDigit for a character below 128.</summary>
    internal static bool IsAsciiLetterOrDigit(char c) =>
        ((c < 64 ? AsciiDigits >> c : AsciiLetters >> (c - 64)) & 1) != 0;

    /// <summary>The first word of the text, lower case, or empty.</summary>
    public static string FirstWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int i = 0;
        while (i < text.Length && !char.IsLetter(text[i]))
        {
            i++;
        }

        int start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '-'))
        {
            i++;
        }

        return text[start..i].ToLowerInvariant();
    }

    /// <summary>Lower-case words of the text with accents folded (the library's search folding).</summary>
    public static List<string> Words(string text) => HrPrep.Packs.Text.TextNormalizer.Tokens(text);

    /// <summary>Converts a byte offset in UTF-8 text to a 1-based line and column (UTF-16 units).</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, int offset)
    {
        int line = utf8[..offset].Count((byte)'\n') + 1;
        int lineStart = utf8[..offset].LastIndexOf((byte)'\n') + 1;
        if (line == 1 && utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            lineStart = Math.Min(3, offset);
        }

        return (line, Encoding.UTF8.GetCharCount(utf8[lineStart..offset]) + 1);
    }
}
