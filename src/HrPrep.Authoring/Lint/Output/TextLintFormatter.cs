using System.Globalization;

namespace HrPrep.Authoring.Lint.Output;

/// <summary><c>--format text</c>: <c>path:line:col: severity CODE: message</c> per finding, then a summary line.</summary>
public sealed class TextLintFormatter : ILintFormatter
{
    /// <inheritdoc />
    public string Name => "text";

    /// <inheritdoc />
    public void Write(TextWriter output, LintResult result, LintFormatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Write(output, result, options.Color);
    }

    /// <summary>Writes the findings; with <paramref name="color"/> the severity and code are coloured with ANSI escapes.</summary>
    public static void Write(TextWriter writer, LintResult result, bool color)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var lines = new LineBuffer(writer);
        foreach (var f in result.Findings)
        {
            if (!color)
            {
                // As LintFinding.ToString(), appended without a string per finding.
                lines.Builder.Append(CultureInfo.InvariantCulture, $"{f.Path}:{Math.Max(f.Line, 1)}:{Math.Max(f.Column, 1)}: {f.Severity.ToName()} {f.Code}: {f.FullMessage}");
                lines.EndLine();
                continue;
            }

            string paint = f.Severity switch
            {
                LintSeverity.Error => "\u001b[31;1m",
                LintSeverity.Warning => "\u001b[33;1m",
                _ => "\u001b[36m",
            };
            lines.Builder.Append(CultureInfo.InvariantCulture, $"\u001b[1m{f.Path}:{Math.Max(f.Line, 1)}:{Math.Max(f.Column, 1)}:\u001b[0m {paint}{f.Severity.ToName()}\u001b[0m \u001b[2m{f.Code}:\u001b[0m {f.FullMessage}");
            lines.EndLine();
        }

        lines.Line(Summary(result));
        lines.Flush();
    }

    /// <summary>The summary line: counts by severity, files and questions, suppressed and baselined findings.</summary>
    public static string Summary(LintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        static string N(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? "" : "s")}");
        string text = $"{N(result.Count(LintSeverity.Error), "error")}, {N(result.Count(LintSeverity.Warning), "warning")}, {N(result.Count(LintSeverity.Info), "info")} in {N(result.FileCount, "file")} ({N(result.QuestionCount, "question")})";
        if (result.SuppressedInline > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {result.SuppressedInline} suppressed inline");
        }

        if (result.SuppressedByBaseline > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {result.SuppressedByBaseline} in the baseline");
        }

        return text;
    }
}
