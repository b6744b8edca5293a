using System.Text.Json;

namespace HrPrep.Authoring.Lint.Output;

/// <summary><c>--format json</c>: one object with a summary and every finding.</summary>
public sealed class JsonLintFormatter : ILintFormatter
{
    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public void Write(TextWriter output, LintResult result, LintFormatOptions options) =>
        LintFormatters.WriteAsText(output, stream => ((ILintFormatter)this).Write(stream, result, options));

    /// <inheritdoc />
    void ILintFormatter.Write(Stream output, LintResult result, LintFormatOptions options)
    {
        Write(output, result);
        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes the result as indented JSON.</summary>
    public static void Write(Stream stream, LintResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteStartObject("summary");
        w.WriteNumber("files", result.FileCount);
        w.WriteNumber("questions", result.QuestionCount);
        w.WriteNumber("errors", result.Count(LintSeverity.Error));
        w.WriteNumber("warnings", result.Count(LintSeverity.Warning));
        w.WriteNumber("infos", result.Count(LintSeverity.Info));
        w.WriteNumber("suppressedInline", result.SuppressedInline);
        w.WriteNumber("baselined", result.SuppressedByBaseline);
        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            w.WriteStartObject();
            w.WriteString("path", f.Path);
            w.WriteNumber("line", Math.Max(f.Line, 1));
            w.WriteNumber("column", Math.Max(f.Column, 1));
            w.WriteString("severity", f.Severity.ToName());
            w.WriteString("code", f.Code);
            w.WriteString("message", f.Message);
            if (f.Related is { } r)
            {
                w.WriteStartObject("related");
                w.WriteString("path", r.Path);
                w.WriteNumber("line", Math.Max(r.Line, 1));
                w.WriteNumber("column", Math.Max(r.Column, 1));
                w.WriteString("label", f.RelatedLabel ?? "related");
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
