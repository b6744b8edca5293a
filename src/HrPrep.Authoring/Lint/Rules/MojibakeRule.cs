using System.Text;
using HrPrep.Authoring.Lint.Text;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP501: mojibake, UTF-8 text that was decoded with the wrong code page and saved again.</summary>
public sealed class MojibakeRule() : LintRule(RuleDescriptors.Mojibake)
{
    /// <inheritdoc />
    public override void CheckFile(LintFile file, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        var raw = file.Raw.Span;
        int lineStart = 0;
        int lineNo = 1;
        while (lineStart < raw.Length)
        {
            int nl = raw[lineStart..].IndexOf((byte)'\n');
            int end = nl < 0 ? raw.Length : lineStart + nl;
            var line = raw[lineStart..end];
            if (lineNo == 1 && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            if (line.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
            {
                string text;
                try
                {
                    text = Encoding.UTF8.GetString(line);
                }
                catch (DecoderFallbackException)
                {
                    text = string.Empty;
                }

                if (Mojibake.Find(text) is { } hit)
                {
                    string garbled = text.Substring(hit.Index, hit.Length);
                    context.Report(new HrPrep.Content.SourceLocation(file.Path, lineNo, hit.Index + 1), $"mojibake '{garbled}' (probably {(hit.Intended.Length <= 2 ? $"'{hit.Intended}'" : hit.Intended)} decoded with the wrong code page)");
                }
            }

            lineStart = end + 1;
            lineNo++;
        }
    }
}
