using System.Buffers;
using System.Globalization;
using System.Text;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Writing;

/// <summary>
/// Chooses and writes the YAML style of one string so that the library's reader (YAML 1.2 core
/// schema) reads back exactly the same text: plain when that is unambiguous, a literal block
/// (<c>|</c>, <c>|-</c>, <c>|+</c>) for multi-line Markdown, otherwise double-quoted with escapes.
/// </summary>
internal static class YamlScalarWriter
{
    private static readonly HashSet<string> Yaml11Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    private static readonly string[] Pads = [.. Enumerable.Range(0, 16).Select(n => new string(' ', n))];

    /// <summary>Writes a scalar that follows <c>key:</c> or <c>-</c> (a space is written first); ends the line.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The text.</param>
    /// <param name="contentIndent">Indentation of block scalar lines.</param>
    public static void WriteValue(TextWriter w, string value, int contentIndent)
    {
        if (IsBlockSafe(value))
        {
            WriteBlock(w, value, contentIndent);
            return;
        }

        w.Write(' ');
        WriteInline(w, value, flow: false);
        w.Write('\n');
    }

    /// <summary>Writes a single-line scalar (plain or double-quoted).</summary>
    public static void WriteInline(TextWriter w, string value, bool flow)
    {
        if (IsPlainSafe(value, flow))
        {
            w.Write(value);
        }
        else
        {
            WriteDoubleQuoted(w, value);
        }
    }

    /// <summary>True when the text can be written plain and reads back as the same string.</summary>
    public static bool IsPlainSafe(string value, bool flow)
    {
        if (value.Length == 0 || !char.IsLetterOrDigit(value[0]) || value[^1] == ' ' || value[^1] == ':')
        {
            return false;
        }

        if ((value.Length <= 5 && Yaml11Words.Contains(value)) || ScalarTyping.Classify(value) != ScalarKind.String)
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c != ' ' && char.IsWhiteSpace(c)) || c is '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }

            if (c == ':' && (flow || (i + 1 < value.Length && value[i + 1] == ' ')))
            {
                return false;
            }

            if (c == '#' && value[i - 1] == ' ')
            {
                return false;
            }

            if (flow && c is ',' or '[' or ']' or '{' or '}')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the text is multi-line and a literal block scalar reads back the same.</summary>
    public static bool IsBlockSafe(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        bool seenContent = false;
        int lineStart = 0;
        while (true)
        {
            int nl = value.IndexOf('\n', lineStart);
            int end = nl < 0 ? value.Length : nl;
            var line = value.AsSpan(lineStart, end - lineStart);
            if (!CharactersOk(line) || !LineOk(line, ref seenContent))
            {
                return false;
            }

            if (nl < 0)
            {
                return seenContent;
            }

            lineStart = nl + 1;
        }
    }

    // Every char.IsWhiteSpace character but the space.
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))));

    private static bool CharactersOk(ReadOnlySpan<char> line)
    {
        int i = line.IndexOfAny(YamlCharacters.Unusual);
        while (i >= 0)
        {
            if (!(char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1])))
            {
                return false;
            }

            i += 2;
            int next = line[i..].IndexOfAny(YamlCharacters.Unusual);
            i = next < 0 ? -1 : i + next;
        }

        return true;
    }

    private static bool LineOk(ReadOnlySpan<char> line, ref bool seenContent)
    {
        if (line.IsEmpty)
        {
            return true;
        }

        if (line.IndexOfAny(OtherWhiteSpace) >= 0)
        {
            return false;
        }

        if (line.IndexOfAnyExcept(' ') < 0)
        {
            // A line of only spaces is ambiguous in a block scalar.
            return false;
        }

        if (!seenContent && line[0] == ' ')
        {
            // The first content line fixes the indentation; it must not start with a space.
            return false;
        }

        seenContent = true;
        return true;
    }

    private static void WriteBlock(TextWriter w, string value, int indent)
    {
        int trailing = 0;
        while (trailing < value.Length && value[value.Length - 1 - trailing] == '\n')
        {
            trailing++;
        }

        w.Write(trailing == 0 ? " |-\n" : trailing == 1 ? " |\n" : " |+\n");
        string body = trailing == 0 ? value : value[..^1];
        string pad = indent < 16 ? Pads[indent] : new string(' ', indent);
        int lineStart = 0;
        while (true)
        {
            int nl = body.IndexOf('\n', lineStart);
            int end = nl < 0 ? body.Length : nl;
            if (end > lineStart)
            {
                w.Write(pad);
                w.Write(body.AsSpan(lineStart, end - lineStart));
            }

            w.Write('\n');
            if (nl < 0)
            {
                break;
            }

            lineStart = nl + 1;
        }
    }

    /// <summary>Writes a double-quoted scalar, escaping everything that is not printable as is.</summary>
    public static void WriteDoubleQuoted(TextWriter w, string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        sb.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else if (c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsSurrogate(c))
                    {
                        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            sb.Append(c).Append(value[i + 1]);
                            i++;
                        }
                        else
                        {
                            throw new ArgumentException("the text contains an unpaired UTF-16 surrogate and cannot be written as UTF-8", nameof(value));
                        }
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        w.Write(sb.ToString());
    }
}
