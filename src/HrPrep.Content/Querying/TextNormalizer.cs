using System.Globalization;
using System.Text;

namespace HrPrep.Content.Querying;

/// <summary>Folds text for search: lower case (invariant), accents removed, split on non-letters.</summary>
internal static class TextNormalizer
{
    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        string folded = Fold(text);
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
                tokens.Add(folded[start..i]);
                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>Lower-cases and strips diacritics (é → e, ß → ss).</summary>
    public static string Fold(string text)
    {
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

        string decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'ß':
                    sb.Append("ss");
                    break;
                case 'æ' or 'Æ':
                    sb.Append("ae");
                    break;
                case 'ø' or 'Ø':
                    sb.Append('o');
                    break;
                case 'œ' or 'Œ':
                    sb.Append("oe");
                    break;
                case 'ł' or 'Ł':
                    sb.Append('l');
                    break;
                case 'đ' or 'Đ':
                    sb.Append('d');
                    break;
                default:
                    sb.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
