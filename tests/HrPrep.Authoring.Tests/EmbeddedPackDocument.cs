using System.Text.Json;
using HrPrep.Content;

namespace HrPrep.Authoring.Tests;

/// <summary>Writes a pack as a JSON document in the pack-file shape (JSON is valid YAML), for schema checks.</summary>
internal static class EmbeddedPackDocument
{
    public static string ToYamlJson(QuestionPack pack)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("pack");
            w.WriteString("id", pack.Id);
            w.WriteString("version", pack.Version);
            w.WriteString("title", pack.Title);
            Opt(w, "role", pack.Role);
            Opt(w, "description", pack.Description);
            w.WriteString("language", pack.Language);
            w.WriteString("license", pack.License);
            Strings(w, "authors", pack.Authors);
            Opt(w, "disclaimer", pack.Disclaimer);
            Opt(w, "homepage", pack.Homepage);
            w.WriteStartArray("categories");
            foreach (var c in pack.Categories)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("title", c.Title);
                Opt(w, "description", c.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Strings(w, "retired", pack.Retired);
            w.WriteEndObject();
            w.WritePropertyName("questions");
            using (var doc = JsonDocument.Parse(HrPrep.Authoring.Export.QuestionJsonWriter.ToJson(pack.Questions)))
            {
                w.WriteStartArray();
                foreach (var q in doc.RootElement.EnumerateArray())
                {
                    w.WriteStartObject();
                    foreach (var p in q.EnumerateObject().Where(p => p.Name != "pack"))
                    {
                        p.WriteTo(w);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
