using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HrPrep.Authoring.Lint.Output;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 for code-scanning upload, with metadata for every rule and
/// reader code, relative artifact URIs, partial fingerprints and the other copy of a near-duplicate
/// as a related location.
/// </summary>
public sealed class SarifLintFormatter : ILintFormatter
{
    /// <inheritdoc />
    public string Name => "sarif";

    /// <inheritdoc />
    public void Write(TextWriter output, LintResult result, LintFormatOptions options) =>
        LintFormatters.WriteAsText(output, stream => ((ILintFormatter)this).Write(stream, result, options));

    /// <inheritdoc />
    void ILintFormatter.Write(Stream output, LintResult result, LintFormatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Write(output, result, options.ToolVersion, options.BaseDirectory);
        output.WriteByte((byte)'\n');
    }

    /// <summary>The SARIF schema the output conforms to.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>Writes the result as a SARIF log with one run.</summary>
    public static void Write(Stream stream, LintResult result, string toolVersion, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        var rules = new List<(string Id, string Name, string Short, string Full, string Help, string Level, string Group)>();
        foreach (var r in RuleDescriptors.All)
        {
            rules.Add((r.Code, r.Name, r.Summary, r.Rationale, r.Help, Level(r.DefaultSeverity), r.GroupName));
        }

        foreach (var c in RuleCatalogue.ReaderCodes)
        {
            rules.Add((c.Code, c.Code.ToLowerInvariant(), c.Summary, c.Summary, c.Summary, "error", c.Code == AuthoringDiagnosticCodes.Schema ? "schema" : "reader"));
        }

        foreach (var code in result.Findings.Select(f => f.Code).Distinct(StringComparer.Ordinal))
        {
            if (!rules.Any(r => r.Id == code))
            {
                rules.Add((code, code.ToLowerInvariant(), code, code, code, "error", "reader"));
            }
        }

        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "hrprep");
        w.WriteString("fullName", "dotnet hrprep lint");
        w.WriteString("semanticVersion", toolVersion);
        w.WriteString("version", toolVersion);
        w.WriteStartArray("rules");
        foreach (var r in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("name", r.Name);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", r.Short);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", r.Full);
            w.WriteEndObject();
            w.WriteStartObject("help");
            w.WriteString("text", r.Help);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", r.Level);
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            w.WriteStringValue(r.Group);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject("SRCROOT");
        w.WriteString("uri", new Uri(EnsureSlash(Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory()))).AbsoluteUri);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var f in result.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.Code);
            w.WriteNumber("ruleIndex", index[f.Code]);
            w.WriteString("level", Level(f.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", f.Related is null ? f.Message : $"{f.Message} ([{f.RelatedLabel ?? "related"}](1))");
            w.WriteEndObject();
            w.WriteStartArray("locations");
            WriteLocation(w, f.Path, f.Line, f.Column, baseDirectory, null, null);
            w.WriteEndArray();
            if (f.Related is { } rel)
            {
                w.WriteStartArray("relatedLocations");
                WriteLocation(w, rel.Path, rel.Line, rel.Column, baseDirectory, 1, f.RelatedLabel ?? "related");
                w.WriteEndArray();
            }

            w.WriteStartObject("partialFingerprints");
            w.WriteString("hrprepFingerprint/v1", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(f.Fingerprint)))[..32].ToLowerInvariant());
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string EnsureSlash(string dir) => dir.EndsWith(Path.DirectorySeparatorChar) ? dir : dir + Path.DirectorySeparatorChar;

    private static void WriteLocation(Utf8JsonWriter w, string path, int line, int column, string? baseDirectory, int? id, string? message)
    {
        w.WriteStartObject();
        if (id is { } i)
        {
            w.WriteNumber("id", i);
        }

        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", RelativeUri(path, baseDirectory));
        if (!Path.IsPathRooted(path) || baseDirectory is not null)
        {
            w.WriteString("uriBaseId", "SRCROOT");
        }

        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", Math.Max(line, 1));
        w.WriteNumber("startColumn", Math.Max(column, 1));
        w.WriteEndObject();
        w.WriteEndObject();
        if (message is not null)
        {
            w.WriteStartObject("message");
            w.WriteString("text", message);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static string RelativeUri(string path, string? baseDirectory)
    {
        string p = path;
        if (Path.IsPathRooted(path))
        {
            p = Path.GetRelativePath(baseDirectory ?? Directory.GetCurrentDirectory(), path);
        }

        return string.Join('/', p.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static string Level(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        LintSeverity.Info => "note",
        _ => "none",
    };
}
