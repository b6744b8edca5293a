using System.Globalization;
using System.Text;

namespace HrPrep.Authoring.Import;

/// <summary>
/// Repairs mojibake: UTF-8 text that was decoded as Mac Roman or Windows-1252, such as
/// <c>üöÄ</c> for 🚀 or <c>‚Äô</c> for ’. Each run of characters is mapped back to the bytes the
/// wrong decoding produced them from; where those bytes form a valid UTF-8 sequence, the sequence
/// replaces the run. Text without such runs is returned unchanged.
/// </summary>
public static class MojibakeRepair
{
    private static readonly Lazy<Dictionary<char, byte>[]> Maps = new(() =>
    [
        ReverseMap(10000), // Mac Roman
        ReverseMap(1252),  // Windows-1252
    ]);

    /// <summary>Returns the text with every mojibake sequence decoded.</summary>
    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        int i = 0;
        int copied = 0;
        int lastDecodedEnd = -1;
        while (i < text.Length)
        {
            if (text[i] < 0x80)
            {
                i++;
                continue;
            }

            string? decoded = null;
            int consumed = 0;
            foreach (var map in Maps.Value)
            {
                if (TryDecodeAt(text, i, map, out decoded, out consumed) && Plausible(decoded!, afterDecoded: lastDecodedEnd == i))
                {
                    break;
                }

                decoded = null;
            }

            if (decoded is null)
            {
                i++;
                continue;
            }

            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copied, i - copied).Append(decoded);
            i += consumed;
            copied = i;
            lastDecodedEnd = i;
        }

        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Rejects decodings no real text produces: controls, private use, unassigned code points, and
    /// combining marks that do not follow another repaired sequence (so <c>Ã©</c> becomes é via
    /// Windows-1252 rather than U+0329 via Mac Roman, while an emoji's variation selector is kept).
    /// </summary>
    private static bool Plausible(string decoded, bool afterDecoded)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(decoded, 0);
        return category switch
        {
            UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned => false,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => afterDecoded,
            _ => true,
        };
    }

    private static bool TryDecodeAt(string text, int start, Dictionary<char, byte> map, out string? decoded, out int consumed)
    {
        decoded = null;
        consumed = 0;
        if (!map.TryGetValue(text[start], out byte lead))
        {
            return false;
        }

        int length = lead switch
        {
            >= 0xC2 and <= 0xDF => 2,
            >= 0xE0 and <= 0xEF => 3,
            >= 0xF0 and <= 0xF4 => 4,
            _ => 0,
        };
        if (length == 0 || start + length > text.Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = lead;
        for (int k = 1; k < length; k++)
        {
            if (!map.TryGetValue(text[start + k], out byte b) || b < 0x80 || b > 0xBF)
            {
                return false;
            }

            bytes[k] = b;
        }

        if (System.Text.Unicode.Utf8.ToUtf16(bytes[..length], stackalloc char[2], out int read, out int written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done || read != length)
        {
            return false;
        }

        Span<char> chars = stackalloc char[2];
        System.Text.Unicode.Utf8.ToUtf16(bytes[..length], chars, out _, out written, replaceInvalidSequences: false);
        decoded = new string(chars[..written]);
        consumed = length;
        return true;
    }

    private static Dictionary<char, byte> ReverseMap(int codePage)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)
            ?? throw new InvalidOperationException($"code page {codePage} is not available");
        var map = new Dictionary<char, byte>();
        for (int b = 0x80; b <= 0xFF; b++)
        {
            string s = encoding.GetString([(byte)b]);
            if (s.Length == 1 && s[0] >= 0x80 && s[0] != '\uFFFD')
            {
                map.TryAdd(s[0], (byte)b);
            }
        }

        return map;
    }
}
