using System.Globalization;
using System.Text;

namespace HrPrep.Authoring.Lint.Output;

/// <summary><c>--format github</c>: GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=…::message</c>), escaped.</summary>
public sealed class GitHubLintFormatter : ILintFormatter
{
    /// <inheritdoc />
    public string Name => "github";

    /// <inheritdoc />
    public void Write(TextWriter output, LintResult result, LintFormatOptions options) => Write(output, result);

    /// <summary>Writes one annotation per finding.</summary>
    public static void Write(TextWriter writer, LintResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var lines = new LineBuffer(writer);
        foreach (var f in result.Findings)
        {
            string command = f.Severity switch
            {
                LintSeverity.Error => "error",
                LintSeverity.Warning => "warning",
                _ => "notice",
            };
            lines.Builder.Append(CultureInfo.InvariantCulture, $"::{command} file={Property(f.Path.Replace('\\', '/'))},line={Math.Max(f.Line, 1)},col={Math.Max(f.Column, 1)},title={Property(f.Code)}::{Data(f.FullMessage)}");
            lines.EndLine();
        }

        lines.Flush();
    }

    /// <summary>Escapes a command's message: <c>%</c>, CR and LF.</summary>
    public static string Data(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            sb.Append(c switch { '%' => "%25", '\r' => "%0D", '\n' => "%0A", _ => c.ToString() });
        }

        return sb.ToString();
    }

    /// <summary>Escapes a property value: as <see cref="Data"/> plus <c>:</c> and <c>,</c>.</summary>
    public static string Property(string value) => Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
