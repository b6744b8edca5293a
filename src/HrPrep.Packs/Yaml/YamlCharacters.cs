using System.Buffers;
using System.Text;

namespace HrPrep.Packs.Yaml;

/// <summary>Character sets shared by the pack reader and writers of pack YAML.</summary>
public static class YamlCharacters
{
    /// <summary>
    /// Characters that pack YAML never holds as they are, line feed aside: controls (tab and carriage
    /// return included), DEL and C1 controls, YAML 1.1 line breaks (NEL, LS, PS), the byte-order mark,
    /// non-characters and surrogates. The fast reader leaves files with any of them to YamlDotNet
    /// (CRLF aside); the writer does not put text with them in a block scalar (valid surrogate pairs aside).
    /// </summary>
    public static readonly SearchValues<char> Unusual = SearchValues.Create(Build());

    private static string Build()
    {
        var sb = new StringBuilder();
        for (char c = '\0'; c < ' '; c++)
        {
            if (c != '\n')
            {
                sb.Append(c);
            }
        }

        for (char c = '\u007F'; c <= '\u009F'; c++)
        {
            sb.Append(c);
        }

        for (char c = '\uD800'; c <= '\uDFFF'; c++)
        {
            sb.Append(c);
        }

        return sb.Append('\u2028').Append('\u2029').Append('\uFEFF').Append('\uFFFE').Append('\uFFFF').ToString();
    }
}
