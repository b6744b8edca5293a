using System.Text;

namespace HrPrep.Authoring.Lint.Output;

/// <summary>What a lint report is written with besides the result.</summary>
public sealed record LintFormatOptions
{
    /// <summary>Colour the text format with ANSI escapes (only when writing to a terminal).</summary>
    public bool Color { get; init; }

    /// <summary>The tool's version, recorded by formats that carry one (SARIF).</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>The folder relative paths are given against (SARIF); null for the working directory.</summary>
    public string? BaseDirectory { get; init; }
}

/// <summary>A lint output format, chosen with <c>lint --format NAME</c> and registered in <see cref="LintFormatters"/>.</summary>
public interface ILintFormatter
{
    /// <summary>The format name used on the command line (<c>text</c>, <c>sarif</c>…).</summary>
    string Name { get; }

    /// <summary>Writes the report as text (standard output); does not close the writer.</summary>
    void Write(TextWriter output, LintResult result, LintFormatOptions options);

    /// <summary>Writes the report as UTF-8 bytes (a file); does not close the stream.</summary>
    void Write(Stream output, LintResult result, LintFormatOptions options)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        Write(writer, result, options);
    }
}

/// <summary>The lint output formats by name, as <see cref="Export.QuestionExporters"/> holds the export formats.</summary>
public static class LintFormatters
{
    private static readonly ILintFormatter[] All =
    [
        new TextLintFormatter(),
        new JsonLintFormatter(),
        new SarifLintFormatter(),
        new GitHubLintFormatter(),
        new MsBuildLintFormatter(),
    ];

    /// <summary>Format names in display order; the first is the default.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    /// <summary>The formatter for a format name, or null.</summary>
    public static ILintFormatter? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// Writes a JSON format to text: rendered to UTF-8 bytes, then decoded once. Formats built on
    /// <see cref="System.Text.Json.Utf8JsonWriter"/> write bytes natively and use this for standard output.
    /// </summary>
    internal static void WriteAsText(TextWriter output, Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        output.Write(Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length));
    }
}
