using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using HrPrep.Authoring.Schema;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>
/// The binder (<see cref="PackFileBinder"/>) is the one authority on whether a pack file is valid;
/// the JSON Schema in <c>schema/</c> (which drives editor completion) must agree with it. These
/// tests check both verdicts, and that an invalid document is reported on a line both name, on every
/// fixture, every shipped pack file and a corpus of generated mutants.
/// </summary>
public class SchemaAgreementTests
{
    /// <summary>
    /// Checks the binder makes that a JSON Schema cannot express: a category id declared twice in
    /// one manifest (PACK006) and the questions-per-file limit (PACK010).
    /// </summary>
    private static readonly string[] BinderOnly = ["PACK006", "PACK010"];

    private sealed record Verdict(IReadOnlyList<Diagnostic> Schema, IReadOnlyList<Diagnostic> Binder)
    {
        public bool SchemaValid => Schema.Count == 0;

        public bool BinderValid => Binder.Count == 0;
    }

    /// <summary>Both verdicts on a document the YAML reader accepted; null when the reader itself rejected it (neither verdict applies).</summary>
    private static Verdict? Judge(YamlReadResult read)
    {
        if (read.Root is null || read.Diagnostics.Count > 0)
        {
            return null;
        }

        var schema = PackSchemaValidator.Default.Validate(read.Root);
        var binder = PackFileBinder.Bind(read).Diagnostics.Where(d => !BinderOnly.Contains(d.Code)).ToList();
        return new Verdict(schema, binder);
    }

    private static string? Disagreement(Verdict v)
    {
        if (v.SchemaValid != v.BinderValid)
        {
            return $"schema says {(v.SchemaValid ? "valid" : "invalid")}, binder says {(v.BinderValid ? "valid" : "invalid")}\nschema:\n  {string.Join("\n  ", v.Schema)}\nbinder:\n  {string.Join("\n  ", v.Binder)}";
        }

        if (!v.SchemaValid)
        {
            var schemaLines = v.Schema.Select(d => d.Line).ToHashSet();
            if (!v.Binder.Any(d => schemaLines.Contains(d.Line)))
            {
                return $"no line is named by both\nschema:\n  {string.Join("\n  ", v.Schema)}\nbinder:\n  {string.Join("\n  ", v.Binder)}";
            }
        }

        return null;
    }

    public static TheoryData<string> FixtureAndShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Repo.PathOf("tests", "fixtures"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repo.PathOf("questions"), "*.yaml", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal))
        {
            data.Add(f);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureAndShippedFiles))]
    public void Schema_and_binder_agree_on_every_fixture_and_shipped_file(string file)
    {
        var read = SafeYamlReader.ReadFile(Repo.PathOf(file));
        if (Judge(read) is not { } verdict)
        {
            // Rejected by the YAML reader (e.g. the empty file): only reader fixtures may be.
            Assert.Contains("/broken/", "/" + file, StringComparison.Ordinal);
            return;
        }

        Assert.True(Disagreement(verdict) is null, file + ": " + Disagreement(verdict));
        bool broken = file.Contains("/broken/", StringComparison.Ordinal);
        Assert.Equal(!broken, verdict.BinderValid);
    }

    [Fact]
    public void Broken_question_fixture_is_reported_by_the_binder_at_each_problem()
    {
        var read = SafeYamlReader.ReadFile(Repo.PathOf("tests", "fixtures", "lint", "broken", "bad-question.yaml"));
        var found = PackFileBinder.Bind(read).Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(found, e => e.EndsWith(":9:5: error PACK002: a question is missing the required key 'prompt'", StringComparison.Ordinal));
        Assert.Contains(found, e => e.EndsWith(":10:5: error PACK001: unknown key 'promt' in a question (did you mean 'prompt'?)", StringComparison.Ordinal));
        Assert.Contains(found, e => e.EndsWith(":12:11: error PACK003: 'type' must be text, found a number; quote it to make it text", StringComparison.Ordinal));
        Assert.Contains(found, e => e.EndsWith(":13:12: error PACK004: 'level' value 'medium' is not one of: entry, mid, senior", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    public void Unreadable_custom_schema_is_one_clear_error(string json)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new PackSchemaValidator(json));
        Assert.StartsWith("the schema cannot be read: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    // ----- generated corpus -----

    private static readonly Lazy<JsonNode[]> Bases = new(() =>
    {
        var list = new List<JsonNode>();
        foreach (var file in Directory.EnumerateFiles(Repo.MiniPack, "*.yaml").Order(StringComparer.Ordinal)
            .Append(Repo.PathOf("tests", "fixtures", "packs", "mini-next", "mini.yaml"))
            .Append(Path.Combine(Repo.ShippedPack, "pack.yaml"))
            .Append(Path.Combine(Repo.ShippedPack, "legal-uk.yaml")))
        {
            var read = SafeYamlReader.ReadFile(file);
            Assert.Empty(read.Diagnostics);
            var node = ToJson(read.Root!)!;

            // Keep generated documents small: at most three questions each.
            if (node["questions"] is JsonArray questions)
            {
                while (questions.Count > 3)
                {
                    questions.RemoveAt(questions.Count - 1);
                }
            }

            list.Add(node);
        }

        return [.. list];
    });

    /// <summary>Values a mutation may put anywhere: near misses of every format, wrong types, empty containers.</summary>
    private static readonly Func<JsonNode?>[] Pool =
    [
        () => "", () => " ", () => "x", () => "Q_1", () => "q-1", () => "a--b", () => new string('a', 64), () => "a" + new string('b', 64),
        () => "1.0", () => "1.0.0", () => "01.0.0", () => "2.1.0-rc.1+build.5", () => "en", () => "english", () => "en-GB", () => "MIT", () => "MIT AND",
        () => "CC-BY-4.0 OR MIT", () => "http://x", () => "https://x y", () => "https://example.org/a", () => "ftp://x", () => "http://[", () => "https://",
        () => "2024-02-29", () => "2023-02-29", () => "2024-13-01", () => "2024-1-01", () => "global", () => "US", () => "US-CAL", () => "EU",
        () => "case-study", () => "medium", () => "senior", () => "brief", () => "imported", () => "Tag", () => "ok-tag", () => new string('t', 41),
        () => 0, () => 42, () => 1.5, () => true, () => false, () => null,
        () => new JsonArray(), () => new JsonObject(), () => new JsonArray("a", "a"), () => new JsonArray("ok"), () => new JsonArray(1, "x"),
        () => new JsonObject { ["title"] = "t" }, () => new JsonObject { ["title"] = "t", ["url"] = "https://example.org/s" },
        () => new JsonObject { ["id"] = "c-x", ["title"] = "X" }, () => new JsonObject { ["summary"] = "S", ["keyPoints"] = new JsonArray("k") },
        () => new JsonObject { ["text"] = "T", ["table"] = new JsonObject { ["columns"] = new JsonArray("a"), ["rows"] = new JsonArray(new JsonArray("1")) } },
    ];

    private static readonly string[] AddedKeys = ["extra", "promt", "id", "title", "url", "keyPoints", "table", "reviewBy", "retired", "homepage"];

    [Fact]
    public void Schema_and_binder_agree_on_generated_mutants()
    {
        var gen = Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 4], Gen.Int[0, 10_000], Gen.Int[0, 1000]).Array[1, 3];
        int total = 0, invalid = 0, valid = 0, skipped = 0;
        gen.Sample(edits =>
        {
            string text = Build(edits);
            var verdict = Judge(SafeYamlReader.ReadText("m.yaml", text));
            Interlocked.Increment(ref total);
            if (verdict is null)
            {
                Interlocked.Increment(ref skipped);
                return true;
            }

            Interlocked.Increment(ref verdict.BinderValid ? ref valid : ref invalid);
            return Disagreement(verdict) is null;
        }, iter: 1500, print: edits => Build(edits) + "\n" + (Judge(SafeYamlReader.ReadText("m.yaml", Build(edits))) is { } v ? Disagreement(v) : "reader rejected it"));

        // The agreement means something only if many mutants are invalid (and some stay valid), and few are left to the reader.
        Assert.True(invalid >= total * 4 / 10, $"only {invalid} of {total} mutants were invalid");
        Assert.True(valid >= total / 20, $"only {valid} of {total} mutants stayed valid");
        Assert.True(skipped <= total / 20, $"{skipped} of {total} mutants were rejected by the YAML reader");
    }

    /// <summary>Applies the edits to a copy of one base document and writes it as (indented JSON) YAML.</summary>
    private static string Build((int Base, int Kind, int Where, int Value)[] edits)
    {
        var doc = Bases.Value[edits[0].Base % Bases.Value.Length].DeepClone();
        foreach (var (_, kind, where, value) in edits)
        {
            var slots = new List<(JsonNode Parent, string? Key, int Index)>();
            Collect(doc, slots);
            if (slots.Count == 0)
            {
                continue;
            }

            var (parent, key, index) = slots[where % slots.Count];
            var target = key is not null ? parent[key] : parent[index];
            switch (kind)
            {
                case 0 when parent is JsonObject o: // remove a key
                    o.Remove(key!);
                    break;
                case 1 when target is JsonObject t: // add a key
                    string added = AddedKeys[value % AddedKeys.Length];
                    t.Remove(added);
                    t[added] = Pool[value % Pool.Length]();
                    break;
                case 2 when target is JsonArray a && a.Count > 0: // repeat an item
                    a.Add(a[value % a.Count]?.DeepClone());
                    break;
                case 3 when target is JsonArray a: // empty a list
                    a.Clear();
                    break;
                default: // replace the value
                    if (parent is JsonObject po)
                    {
                        po[key!] = Pool[value % Pool.Length]();
                    }
                    else
                    {
                        ((JsonArray)parent)[index] = Pool[value % Pool.Length]();
                    }

                    break;
            }
        }

        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Key, int Index)> slots)
    {
        if (node is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                slots.Add((o, k, -1));
                if (v is not null)
                {
                    Collect(v, slots);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                slots.Add((a, null, i));
                if (a[i] is { } item)
                {
                    Collect(item, slots);
                }
            }
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMapping m => new JsonObject(m.Entries.Select(e => new KeyValuePair<string, JsonNode?>(e.Key.Value, ToJson(e.Value)))),
        YamlSequence s => new JsonArray([.. s.Items.Select(ToJson)]),
        YamlScalar { Kind: ScalarKind.Null } => null,
        YamlScalar { Kind: ScalarKind.Bool } b => JsonValue.Create(b.Value is "true" or "True" or "TRUE"),
        YamlScalar { Kind: ScalarKind.Int } i when long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) => JsonValue.Create(l),
        YamlScalar { Kind: ScalarKind.Float or ScalarKind.Int } f => JsonValue.Create(double.Parse(f.Value, CultureInfo.InvariantCulture)),
        YamlScalar s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException("unknown node"),
    };
}

/// <summary>Every <c>pattern</c> of the pack schema (with its length bound) accepts exactly what the binder's <see cref="Patterns"/> regex accepts.</summary>
public class SchemaPatternTests
{
    /// <summary>The binder's regex for each pattern of the schema (the non-blank text check is the binder's own, not a regex).</summary>
    private static readonly Dictionary<string, System.Text.RegularExpressions.Regex?> ByPattern = new(StringComparer.Ordinal)
    {
        [@"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"] = Patterns.Id(),
        [@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$"] = Patterns.SemVer(),
        [@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"] = Patterns.Language(),
        [@"^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$"] = Patterns.License(),
        [@"^(global|[A-Z]{2}(-[A-Z0-9]{1,3})?)$"] = Patterns.Jurisdiction(),
        [@"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"] = Patterns.Date(),
        [@"^[a-z0-9]+(-[a-z0-9]+)*$"] = Patterns.Tag(),
        [@"^https?://\S+$"] = Patterns.Url(),
        [@"^https://\S+$"] = Patterns.HttpsUrl(),
        [@"\S"] = null,
    };

    private static List<(string Pattern, int? MaxLength)> SchemaPatterns()
    {
        var found = new List<(string, int?)>();
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o["pattern"] is JsonValue p && p.TryGetValue<string>(out var text))
                {
                    found.Add((text, o["maxLength"]?.GetValue<int>()));
                }

                foreach (var (_, v) in o)
                {
                    Walk(v);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                {
                    Walk(item);
                }
            }
        }

        Walk(JsonNode.Parse(File.ReadAllText(Repo.PathOf("schema", "question-pack.schema.json"))));
        return found.Distinct().ToList();
    }

    [Fact]
    public void Every_schema_pattern_matches_exactly_what_the_binders_regex_matches()
    {
        var patterns = SchemaPatterns();
        Assert.True(patterns.Count >= 9, $"only {patterns.Count} patterns found in the schema");
        foreach (var (pattern, maxLength) in patterns)
        {
            Assert.True(ByPattern.TryGetValue(pattern, out var regex), $"schema pattern {pattern} has no counterpart in HrPrep.Packs.Patterns");
            if (regex is null)
            {
                continue;
            }

            var schemaRegex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);

            // Strings near the formats: their characters, separators, white space, lengths around the bounds.
            var gen = Gen.OneOf<char>(Gen.Char["az"], Gen.Char["AZ"], Gen.Char["09"], Gen.OneOf('-', '.', '+', ' ', ':', '/', '_', '\t', 'é'))
                .Array[0, 70].Select(cs => new string(cs));
            var seeds = Gen.OneOf("global", "US-CA", "en-GB", "1.0.0-rc.1+b.2", "MIT AND CC-BY-4.0", "2024-02-29", "https://example.org/a", "http://x", "ok-tag", "a-b-c", new string('a', 64), new string('a', 65), new string('a', 40), new string('a', 41));
            int matched = 0, total = 0;
            Gen.OneOf<string>(gen, seeds, seeds.Select(gen, (s, t) => s + t), gen.Select(seeds, (t, s) => t + s)).Sample(text =>
            {
                bool bySchema = schemaRegex.IsMatch(text) && (maxLength is null || text.Length <= maxLength);
                bool byBinder = regex.IsMatch(text);
                Interlocked.Increment(ref total);
                if (byBinder)
                {
                    Interlocked.Increment(ref matched);
                }

                return bySchema == byBinder;
            }, iter: 3000);

            // Not vacuous: some generated strings match, most do not.
            Assert.True(matched > 0 && matched < total, $"{pattern}: {matched} of {total} generated strings matched");
        }
    }
}
