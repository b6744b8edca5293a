using System.Globalization;
using HrPrep.Content;

namespace HrPrep.Authoring.Lint;

/// <summary>
/// One located lint finding, printed as <c>path:line:col: severity CODE: message</c>.
/// </summary>
/// <param name="Path">The file (or embedded resource) the finding is in.</param>
/// <param name="Line">1-based line (0 for the whole file).</param>
/// <param name="Column">1-based column (0 for the whole file).</param>
/// <param name="Severity">The effective severity.</param>
/// <param name="Code">The stable code: a rule (<c>HP301</c>), a reader code (<c>PACK006</c>) or <c>SCHEMA</c>.</param>
/// <param name="Message">One line; never contains a position (see <see cref="Related"/>).</param>
public sealed record LintFinding(string Path, int Line, int Column, LintSeverity Severity, string Code, string Message)
{
    /// <summary>A second location the finding refers to (the other copy of a near-duplicate), or null.</summary>
    public SourceLocation? Related { get; init; }

    /// <summary>What <see cref="Related"/> is, for example "the other copy".</summary>
    public string? RelatedLabel { get; init; }

    /// <summary>The location of the finding.</summary>
    public SourceLocation Location => new(Path, Line, Column);

    /// <summary>The message with the related location appended, as the text formats print it.</summary>
    public string FullMessage => Related is { } r ? $"{Message} ({RelatedLabel ?? "see"} at {r})" : Message;

    /// <summary>A key that identifies the finding independently of its line, used by baselines.</summary>
    public string Fingerprint => string.Create(CultureInfo.InvariantCulture, $"{Code}|{Path.Replace('\\', '/')}|{Message}");

    /// <summary>Formats the finding as <c>path:line:col: severity CODE: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}:{Math.Max(Line, 1)}:{Math.Max(Column, 1)}: {Severity.ToName()} {Code}: {FullMessage}");

    /// <summary>Orders findings by path, line, column, code and message (ordinal).</summary>
    public static int Compare(LintFinding? a, LintFinding? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        int c = SourceLocation.CompareOrder(a.Path, a.Line, a.Column, b.Path, b.Line, b.Column);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Code, b.Code);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
