using System.Text;

namespace HrPrep.Authoring.Lint.Text;

/// <summary>
/// Detects mojibake: UTF-8 text that was decoded as Windows-1252 or Mac Roman and saved again
/// (<c>Ã©</c> for <c>é</c>, <c>â€™</c> for <c>’</c>, <c>üöÄ</c> for a rocket emoji whose first byte
/// was lost). A run of non-ASCII characters is reported when mapping it back to bytes through one
/// of those code pages gives valid multi-byte UTF-8, or three or more UTF-8 continuation bytes.
/// </summary>
public static class Mojibake
{
    private const string MacRomanHigh =
        "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø" +
        "¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

    private const string Cp1252Low = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private static readonly Dictionary<char, byte> MacRoman = Build(MacRomanHigh, 0x80);
    private static readonly Dictionary<char, byte> Cp1252 = BuildCp1252();
    private static readonly UTF8Encoding Strict = new(false, true);

    /// <summary>Finds the first mojibake run in the text: its index, length and what it probably was.</summary>
    public static (int Index, int Length, string Intended)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] < 0x80)
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && text[i] >= 0x80)
            {
                i++;
            }

            if (i - start >= 2 && (Try(text, start, i - start, Cp1252) ?? Try(text, start, i - start, MacRoman)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static (int, int, string)? Try(string text, int start, int length, Dictionary<char, byte> table)
    {
        var bytes = new byte[length];
        for (int k = 0; k < length; k++)
        {
            if (!table.TryGetValue(text[start + k], out bytes[k]))
            {
                return null;
            }
        }

        // Valid multi-byte UTF-8 somewhere in the run: try each start position and sequence length.
        for (int s = 0; s < length - 1; s++)
        {
            int need = bytes[s] switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (need > 0 && s + need <= length)
            {
                try
                {
                    string decoded = Strict.GetString(bytes, s, need);
                    return (start + s, need, decoded);
                }
                catch (DecoderFallbackException)
                {
                }
            }
        }

        // A lost lead byte: three continuation bytes in a row (the tail of a 4-byte emoji).
        int run = 0;
        for (int s = 0; s < length; s++)
        {
            run = bytes[s] is >= 0x80 and <= 0xBF ? run + 1 : 0;
            if (run == 3)
            {
                return (start + s - 2, 3, "an emoji or symbol");
            }
        }

        return null;
    }

    private static Dictionary<char, byte> Build(string chars, int first)
    {
        var map = new Dictionary<char, byte>();
        for (int k = 0; k < chars.Length; k++)
        {
            map.TryAdd(chars[k], (byte)(first + k));
        }

        return map;
    }

    private static Dictionary<char, byte> BuildCp1252()
    {
        var map = Build(Cp1252Low, 0x80);
        for (int b = 0xA0; b <= 0xFF; b++)
        {
            map.TryAdd((char)b, (byte)b);
        }

        return map;
    }
}
