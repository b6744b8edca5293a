using System.Globalization;

namespace HrPrep.Content;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational; never fails a run.</summary>
    Info = 0,

    /// <summary>Something to fix; fails a run only with <c>--fail-on warning</c>.</summary>
    Warning = 1,

    /// <summary>The input is invalid.</summary>
    Error = 2,
}

/// <summary>
/// A located problem in an input file, printed as <c>path:line:col: severity CODE: message</c>.
/// </summary>
/// <param name="Path">The file (or embedded resource) the problem is in.</param>
/// <param name="Line">1-based line; 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column; 0 when the problem concerns the whole file.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Code">A stable code, e.g. <c>YAML002</c>; see docs/pack-format.md for the catalogue.</param>
/// <param name="Message">One line describing the problem.</param>
public sealed record Diagnostic(string Path, int Line, int Column, DiagnosticSeverity Severity, string Code, string Message)
{
    /// <summary>Creates an error diagnostic at a location.</summary>
    public static Diagnostic Error(SourceLocation at, string code, string message) =>
        new(at.Path, at.Line, at.Column, DiagnosticSeverity.Error, code, message);

    /// <summary>
    /// True when the code means the input could not be read at all (missing or unreadable file,
    /// over the size limit, not UTF-8: <c>IO001</c>, <c>YAML005</c>, <c>YAML006</c>) rather than being invalid.
    /// Tools map these to exit code 3.
    /// </summary>
    public static bool IsUnreadableInputCode(string code) => code is DiagnosticCodes.Unreadable or DiagnosticCodes.TooLarge or DiagnosticCodes.NotUtf8;

    /// <summary>True when this problem means the input could not be read at all; see <see cref="IsUnreadableInputCode"/>.</summary>
    public bool IsUnreadableInput => IsUnreadableInputCode(Code);

    /// <summary>The location of the problem.</summary>
    public SourceLocation Location => new(Path, Line, Column);

    /// <summary>The lower-case name of <see cref="Severity"/> as printed.</summary>
    public string SeverityName => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Formats the diagnostic as <c>path:line:col: severity CODE: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}:{Math.Max(Line, 1)}:{Math.Max(Column, 1)}: {SeverityName} {Code}: {Message}");
}

/// <summary>A position in a source file: path, 1-based line and 1-based column.</summary>
/// <param name="Path">The file or embedded resource name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    /// <summary>Formats the location as <c>path:line:col</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}:{Math.Max(Line, 1)}:{Math.Max(Column, 1)}");

    /// <summary>Source order of two positions given by their parts: path (ordinal), then line, then column.</summary>
    /// <param name="pathA">The first path.</param>
    /// <param name="lineA">The first line.</param>
    /// <param name="columnA">The first column.</param>
    /// <param name="pathB">The second path.</param>
    /// <param name="lineB">The second line.</param>
    /// <param name="columnB">The second column.</param>
    /// <returns>Negative when the first comes first, zero when equal, positive otherwise.</returns>
    public static int CompareOrder(string pathA, int lineA, int columnA, string pathB, int lineB, int columnB)
    {
        int c = string.CompareOrdinal(pathA, pathB);
        if (c == 0)
        {
            c = lineA.CompareTo(lineB);
        }

        return c != 0 ? c : columnA.CompareTo(columnB);
    }
}
