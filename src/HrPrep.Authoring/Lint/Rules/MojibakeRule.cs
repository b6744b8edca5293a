using System.Text;
using HrPrep.Authoring.Lint.Text;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP501: mojibake, UTF-8 text that was decoded with the wrong code page and saved again.</summary>
public sealed class MojibakeRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP501";

    /// <inheritdoc />
    public override string Name => "mojibake";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Hygiene;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Error;

    /// <inheritdoc />
    public override string Summary => "The file contains mojibake: UTF-8 read as Windows-1252 or Mac Roman ('Ã©' for 'é', 'â€™' for '’', 'üöÄ' for a rocket emoji).";

    /// <inheritdoc />
    public override string Rationale => "Copying text through a tool with the wrong encoding garbles every accent, dash and emoji; readers see nonsense. Retype the characters or re-import the source as UTF-8.";

    /// <inheritdoc />
    public override string BadExample => "summary: The employeeâ€™s rÃ©sumÃ© ... ## üöÄ Overview";

    /// <inheritdoc />
    public override string GoodExample => "summary: The employee’s résumé ...";

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
