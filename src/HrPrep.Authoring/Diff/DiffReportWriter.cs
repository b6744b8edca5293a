using System.Text.Encodings.Web;
using System.Text.Json;

namespace HrPrep.Authoring.Diff;

/// <summary>Writes pack diffs as text (one line per change) or JSON.</summary>
public static class DiffReportWriter
{
    /// <summary>The lower-case name of a change level.</summary>
    public static string Name(ChangeLevel level) => level switch
    {
        ChangeLevel.Major => "major",
        ChangeLevel.Minor => "minor",
        ChangeLevel.Patch => "patch",
        _ => "none",
    };

    /// <summary>Writes the diffs as text: a header per pack, one line per change, then the verdict.</summary>
    public static void WriteText(TextWriter w, IReadOnlyList<PackDiffResult> diffs)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(diffs);
        foreach (var d in diffs)
        {
            w.WriteLine($"pack {d.PackId}: {d.OldVersion ?? "(none)"} -> {d.NewVersion ?? "(removed)"}");
            foreach (var id in d.Added)
            {
                w.WriteLine($"  added      {id}");
            }

            foreach (var r in d.Removed)
            {
                w.WriteLine($"  removed    {r.Id}{(r.Retired ? " (retired)" : d.NewVersion is null ? string.Empty : " (not listed in 'retired': add it there)")}");
            }

            foreach (var r in d.Renamed)
            {
                w.WriteLine($"  renamed    {r.OldId} -> {r.NewId}{(r.OldIdRetired ? " (old id retired)" : " (old id not listed in 'retired': add it there)")}");
            }

            foreach (var c in d.Changed)
            {
                w.WriteLine($"  changed    {c.Id}: {string.Join(", ", c.Fields)}");
            }

            foreach (var id in d.Retired)
            {
                w.WriteLine($"  retired    {id}");
            }

            foreach (var id in d.Unretired)
            {
                w.WriteLine($"  unretired  {id} (ids are forever: put it back in 'retired')");
            }

            foreach (var id in d.CategoriesAdded)
            {
                w.WriteLine($"  category added    {id}");
            }

            foreach (var id in d.CategoriesRemoved)
            {
                w.WriteLine($"  category removed  {id}");
            }

            if (d.ManifestChanged.Length > 0)
            {
                w.WriteLine($"  manifest   {string.Join(", ", d.ManifestChanged)}");
            }

            string why = d.Reasons.Length == 0 ? string.Empty : $" ({string.Join("; ", d.Reasons)})";
            w.WriteLine($"  required bump: {Name(d.Required)}{why}; declared: {(d.Declared is { } decl ? Name(decl) : d.OldVersion is null || d.NewVersion is null ? "n/a" : "version went down")}");
            w.WriteLine(d.BumpIsSufficient
                ? "  ok"
                : d.NewVersion is null
                    ? "  FAIL: the pack was removed"
                    : $"  FAIL: version {d.NewVersion} is too low; the changes need at least {d.MinimumVersion}");
        }
    }

    /// <summary>Writes the diffs as a JSON object <c>{ "ok": bool, "packs": [ ... ] }</c>.</summary>
    public static void WriteJson(Stream stream, IReadOnlyList<PackDiffResult> diffs)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(diffs);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteBoolean("ok", diffs.All(d => d.BumpIsSufficient));
            w.WriteStartArray("packs");
            foreach (var d in diffs)
            {
                w.WriteStartObject();
                w.WriteString("pack", d.PackId);
                w.WriteString("oldVersion", d.OldVersion);
                w.WriteString("newVersion", d.NewVersion);
                w.WriteString("required", Name(d.Required));
                w.WriteString("declared", d.Declared is { } decl ? Name(decl) : null);
                w.WriteString("minimumVersion", d.MinimumVersion);
                w.WriteBoolean("ok", d.BumpIsSufficient);
                Strings(w, "reasons", d.Reasons);
                Strings(w, "added", d.Added);
                w.WriteStartArray("removed");
                foreach (var r in d.Removed)
                {
                    w.WriteStartObject();
                    w.WriteString("id", r.Id);
                    w.WriteBoolean("retired", r.Retired);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("renamed");
                foreach (var r in d.Renamed)
                {
                    w.WriteStartObject();
                    w.WriteString("from", r.OldId);
                    w.WriteString("to", r.NewId);
                    w.WriteBoolean("retired", r.OldIdRetired);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("changed");
                foreach (var c in d.Changed)
                {
                    w.WriteStartObject();
                    w.WriteString("id", c.Id);
                    Strings(w, "fields", c.Fields);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Strings(w, "retired", d.Retired);
                Strings(w, "unretired", d.Unretired);
                Strings(w, "categoriesAdded", d.CategoriesAdded);
                Strings(w, "categoriesRemoved", d.CategoriesRemoved);
                Strings(w, "manifestChanged", d.ManifestChanged);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
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
