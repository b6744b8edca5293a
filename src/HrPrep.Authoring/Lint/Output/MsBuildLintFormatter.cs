using System.Globalization;

namespace HrPrep.Authoring.Lint.Output;

/// <summary>
/// <c>--format msbuild</c>: the canonical MSBuild/Visual Studio error format
/// <c>path(line,col): error CODE: message</c>, which MSBuild's Exec task turns into clickable
/// errors and warnings. Info findings are printed with the category <c>info</c>, which MSBuild shows as plain output.
/// </summary>
public sealed class MsBuildLintFormatter : ILintFormatter
{
    /// <inheritdoc />
    public string Name => "msbuild";

    /// <inheritdoc />
    public void Write(TextWriter output, LintResult result, LintFormatOptions options) => Write(output, result);

    /// <summary>Writes one line per finding, with full paths so that IDEs can open them.</summary>
    public static void Write(TextWriter writer, LintResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var lines = new LineBuffer(writer);
        foreach (var f in result.Findings)
        {
            string path = f.Path.StartsWith(LintEngine.EmbeddedSourcePrefix, StringComparison.Ordinal) && !File.Exists(f.Path) ? f.Path : Path.GetFullPath(f.Path);
            lines.Builder.Append(CultureInfo.InvariantCulture, $"{path}({Math.Max(f.Line, 1)},{Math.Max(f.Column, 1)}): {f.Severity.ToName()} {f.Code}: {f.FullMessage.Replace('\n', ' ')}");
            lines.EndLine();
        }

        lines.Flush();
    }
}
