using System.Text.Encodings.Web;
using System.Text.Json;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>
/// Writes questions as JSON with the schema's field names (plus <c>pack</c>) in a stable order:
/// id, pack, prompt, category, type, level, origin, tags, scenario, answer, followUps, lookFor,
/// redFlags, jurisdiction, sources, related, lastVerified, reviewBy, attribution. Optional fields without a value are left out.
/// </summary>
public static class QuestionJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a JSON array of questions to a stream (UTF-8, no BOM, trailing newline).</summary>
    public static void WriteArray(Stream stream, IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(questions);
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartArray();
            foreach (var q in questions)
            {
                Write(writer, q);
                if (writer.BytesPending > 1 << 16)
                {
                    writer.Flush();
                }
            }

            writer.WriteEndArray();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Returns a JSON array of questions as text.</summary>
    public static string ToJson(IEnumerable<Question> questions)
    {
        using var ms = new MemoryStream();
        WriteArray(ms, questions);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Writes one question object.</summary>
    public static void Write(Utf8JsonWriter writer, Question q)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(q);
        writer.WriteStartObject();
        writer.WriteString("id", q.Id);
        writer.WriteString("pack", q.PackId);
        writer.WriteString("prompt", q.Prompt);
        writer.WriteString("category", q.Category);
        writer.WriteString("type", q.Type.ToSchemaName());
        writer.WriteString("level", q.Level.ToSchemaName());
        writer.WriteString("origin", q.Origin.ToSchemaName());
        WriteStrings(writer, "tags", q.Tags);
        if (q.Scenario is { } scenario)
        {
            writer.WriteStartObject("scenario");
            writer.WriteString("text", scenario.Text);
            if (scenario.Table is { } table)
            {
                writer.WriteStartObject("table");
                if (table.Caption is not null)
                {
                    writer.WriteString("caption", table.Caption);
                }

                WriteStrings(writer, "columns", table.Columns);
                writer.WriteStartArray("rows");
                foreach (var row in table.Rows)
                {
                    writer.WriteStartArray();
                    foreach (var cell in row)
                    {
                        writer.WriteStringValue(cell);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteStartObject("answer");
        writer.WriteString("summary", q.Answer.Summary);
        WriteStrings(writer, "keyPoints", q.Answer.KeyPoints);
        writer.WriteEndObject();
        WriteStrings(writer, "followUps", q.FollowUps);
        WriteStrings(writer, "lookFor", q.LookFor);
        WriteStrings(writer, "redFlags", q.RedFlags);
        if (q.Jurisdiction is not null)
        {
            writer.WriteString("jurisdiction", q.Jurisdiction);
        }

        writer.WriteStartArray("sources");
        foreach (var s in q.Sources)
        {
            writer.WriteStartObject();
            writer.WriteString("title", s.Title);
            if (s.Url is not null)
            {
                writer.WriteString("url", s.Url);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "related", q.Related);
        if (q.LastVerified is { } date)
        {
            writer.WriteString("lastVerified", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (q.ReviewBy is { } reviewBy)
        {
            writer.WriteString("reviewBy", reviewBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (q.Attribution is { } attribution)
        {
            writer.WriteStartObject("attribution");
            writer.WriteString("title", attribution.Title);
            if (attribution.Url is not null)
            {
                writer.WriteString("url", attribution.Url);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }
}
