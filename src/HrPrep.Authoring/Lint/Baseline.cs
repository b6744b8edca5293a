using System.Collections.Immutable;
using System.Text.Json;
using HrPrep.Authoring.IO;

namespace HrPrep.Authoring.Lint;

/// <summary>
/// Findings accepted as known, so that only new findings fail a run. A finding matches a baseline
/// entry by code, path and message (not line, so edits elsewhere in a file do not break it);
/// repeated identical findings are counted.
/// </summary>
public sealed class Baseline
{
    private readonly Dictionary<string, int> counts;

    private Baseline(Dictionary<string, int> counts) => this.counts = counts;

    /// <summary>The number of accepted findings.</summary>
    public int Count => counts.Values.Sum();

    /// <summary>Reads a baseline written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a baseline.</exception>
    public static Baseline Read(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            using var doc = JsonDocument.Parse(stream);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var f in doc.RootElement.GetProperty("findings").EnumerateArray())
            {
                string key = $"{f.GetProperty("code").GetString()}|{f.GetProperty("path").GetString()}|{f.GetProperty("message").GetString()}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            return new Baseline(counts);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not an hrprep lint baseline: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the findings as a baseline, atomically.</summary>
    public static void Write(string path, IEnumerable<LintFinding> findings)
    {
        var list = findings.OrderBy(f => f, Comparer<LintFinding>.Create(LintFinding.Compare)).ToList();
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartArray("findings");
            foreach (var f in list)
            {
                w.WriteStartObject();
                w.WriteString("code", f.Code);
                w.WriteString("path", f.Path.Replace('\\', '/'));
                w.WriteString("message", f.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Splits findings into new ones and those the baseline accepts.</summary>
    public (ImmutableArray<LintFinding> New, int Accepted) Filter(IEnumerable<LintFinding> findings)
    {
        var left = new Dictionary<string, int>(counts, StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<LintFinding>();
        int accepted = 0;
        foreach (var f in findings)
        {
            if (left.TryGetValue(f.Fingerprint, out int n) && n > 0)
            {
                left[f.Fingerprint] = n - 1;
                accepted++;
            }
            else
            {
                result.Add(f);
            }
        }

        return (result.ToImmutable(), accepted);
    }
}
