using System.Collections.Immutable;
using System.Text;
using CsCheck;
using HrPrep.Content;
using HrPrep.Packs;

namespace HrPrep.Authoring.Tests;

/// <summary>CsCheck generators of valid packs whose strings are hostile to YAML writers.</summary>
internal static class PackGen
{
    public static readonly string[] Tricky =
    [
        "no", "No", "yes", "on", "off", "y", "n", "true", "False", "null", "~", "1.0", "1", "-1", "+1", "0x1F", "0o17", ".inf", "-.inf", ".nan",
        "1e3", "2026-11-26", "#", "# not a comment", "a #b", "a#b", ": ", "a: b", "a:b", "key:", "-", "- x", "--- ", "---", "...", "? x", "[a]", "{a: b}",
        "a, b", "&anchor", "*alias", "!tag", "!!str x", "%YAML", "@at", "`tick", "|", ">", "'single'", "\"double\"", "\\back\\slash",
        "  leading spaces", "trailing space ", "\ttab first", "tab\tinside", "line one\nline two", "ends with newline\n", "two newlines\n\n",
        "\nstarts with newline", "  indented\nnext", "a\n  indented second\n", "a\n \nb", "a\r\nb", "a\rb", "é", "Évaluation café résumé",
        "🚀 rocket", "日本語のテキスト", "עברית", "a\u2028b", "a\u0085b", "\uFEFFbom", "a\u00A0b", "ctl\u0001x", "del\u007Fx", "c1\u009Bx",
        "**Markdown** _text_ with `code` and [link](https://example.org)\n\n- item\n  - nested\n\n1. one\n", "x\n\n\n", "CLICK HERE", "=SUM(A1)",
    ];

    private static readonly Gen<char> OddChar = Gen.Char[" abcXYZ019:#-?[]{},&*!|>'\"%@`\t\n\r\\é\u00A0\u2028\u0085.~"];

    private static readonly Gen<string> Unicode = Gen.Int[0x20, 0x10FFFF]
        .Where(cp => cp is < 0xD800 or > 0xDFFF)
        .Select(char.ConvertFromUtf32)
        .Array[1, 8]
        .Select(parts => string.Concat(parts));

    public static readonly Gen<string> Text = Gen.OneOf(
            Gen.OneOf(Tricky),
            Gen.String[OddChar, 1, 24],
            Gen.String[Gen.Char.AlphaNumeric, 1, 16],
            Unicode,
            Gen.Select(Gen.OneOf(Tricky), Gen.OneOf(Tricky), Gen.OneOf(Tricky), (a, b, c) => a + b + c))
        .Where(s => !string.IsNullOrWhiteSpace(s));

    public static readonly Gen<string?> OptionalText = Gen.Frequency((1, Gen.Const((string?)null)), (3, Text.Select(s => (string?)s)));

    private static readonly Gen<string> Cell = Gen.OneOf(Text, Gen.OneOf("", "40", "1.5", "0x10", "-3"));

    private static readonly string[] TagPool = ["okr", "a1", "x-y", "calibration", "no", "1", "2-0", "on", "bias", "null"];

    private static readonly Gen<string> Url = Gen.String[Gen.Char.AlphaNumeric, 1, 12].Select(s => "https://example.org/" + s);

    private static Gen<ImmutableArray<string>> Distinct(string[] pool, int max) =>
        Gen.Int[0, max].SelectMany(n => Gen.Shuffle(pool, n)).Select(a => a.Distinct(StringComparer.Ordinal).ToImmutableArray());

    private static Gen<ImmutableArray<string>> List(Gen<string> item, int max) => item.Array[0, max].Select(a => a.ToImmutableArray());

    private static readonly Gen<Scenario?> ScenarioGen = Gen.Frequency(
        (3, Gen.Const((Scenario?)null)),
        (1, Gen.Select(Text, Gen.Bool, OptionalText, List(Text, 3), Cell.Array[0, 3].Array[1, 3], (text, hasTable, caption, columns, rows) =>
            (Scenario?)new Scenario(text, hasTable && columns.Length > 0 ? new ScenarioTable(caption, columns, [.. rows.Select(r => r.ToImmutableArray())]) : null))));

    private static readonly Gen<DateOnly?> Date = Gen.Frequency((1, Gen.Const((DateOnly?)null)), (2, Gen.Int[0, 20000].Select(d => (DateOnly?)DateOnly.FromDayNumber(730000 + d))));

    private static readonly Gen<PromptAttribution?> AttributionGen = Gen.Frequency(
        (2, Gen.Const((PromptAttribution?)null)),
        (1, Gen.Select(Text, Gen.Frequency((1, Gen.Const((string?)null)), (2, Url.Select(u => (string?)u))), (t, u) => (PromptAttribution?)new PromptAttribution(t, u))));

    public static Gen<Question> QuestionGen(string id, ImmutableArray<string> categories, ImmutableArray<string> otherIds) =>
        Gen.Select(
            Gen.Select(Text, Gen.OneOf(categories.ToArray()), Gen.Enum<QuestionType>(), Gen.Enum<QuestionLevel>(), Gen.Enum<QuestionOrigin>(), Distinct(TagPool, 4)),
            Gen.Select(ScenarioGen, Text, List(Text, 3), List(Text, 2), List(Text, 2), List(Text, 2)),
            Gen.Select(Gen.OneOf<string?>(null, "global", "US", "EU", "US-CA"), Gen.Select(Text, Gen.Frequency((1, Gen.Const((string?)null)), (2, Url.Select(u => (string?)u))), (t, u) => new SourceReference(t, u)).Array[0, 2], Distinct([.. otherIds], 3), Date),
            Gen.Select(Date, AttributionGen),
            (a, b, c, d) => new Question
            {
                Id = id,
                PackId = string.Empty,
                Prompt = a.Item1,
                Category = a.Item2,
                Type = a.Item3,
                Level = a.Item4,
                Origin = a.Item5,
                Tags = a.Item6,
                Scenario = b.Item1,
                Answer = new ModelAnswer(b.Item2, b.Item3),
                FollowUps = b.Item4,
                LookFor = b.Item5,
                RedFlags = b.Item6,
                Jurisdiction = c.Item1,
                Sources = [.. c.Item2],
                Related = c.Item3,
                LastVerified = c.Item4,
                ReviewBy = d.Item1,
                Attribution = d.Item2,
            });

    /// <summary>A valid pack with 1-3 categories and 0-6 questions.</summary>
    public static Gen<QuestionPack> Pack(string id = "gen-pack", string prefix = "q") =>
        Gen.Select(Gen.Int[1, 3], Gen.Int[0, 6], Gen.Int[0, 1000]).SelectMany(t =>
        {
            var (nCategories, nQuestions, salt) = t;
            ImmutableArray<string> categoryIds = [.. Enumerable.Range(0, nCategories).Select(i => $"cat-{i}")];
            ImmutableArray<string> ids = [.. Enumerable.Range(0, nQuestions).Select(i => $"{prefix}-{salt}-{i}")];
            var questions = ids.Select(qid => QuestionGen(qid, categoryIds, ids.Remove(qid))).ToArray();
            return Gen.Select(
                Gen.Select(Text, OptionalText, OptionalText, Gen.OneOf("en", "en-GB", "fr"), Gen.OneOf("CC-BY-4.0", "MIT", "CC0-1.0")),
                Gen.Select(List(Text, 2), OptionalText, Gen.Frequency((1, Gen.Const((string?)null)), (1, Url.Select(u => (string?)u))), Gen.Select(Text, OptionalText).Array[nCategories]),
                Gen.Select(Gen.OneOf("1.0.0", "0.3.1", "2.1.0-beta.1"), Gen.Int[0, 3]),
                questions.Length == 0 ? Gen.Const(Array.Empty<Question>()) : questions.Select(g => g.Select(q => new[] { q })).Aggregate((x, y) => Gen.Select(x, y, (l, r) => l.Concat(r).ToArray())),
                (m, n, v, qs) => new QuestionPack
                {
                    Id = id,
                    Version = v.Item1,
                    Title = m.Item1,
                    Role = m.Item2,
                    Description = m.Item3,
                    Language = m.Item4,
                    License = m.Item5,
                    Authors = n.Item1,
                    Disclaimer = n.Item2,
                    Homepage = n.Item3,
                    Categories = [.. n.Item4.Select((c, i) => new Category(categoryIds[i], c.Item1, c.Item2))],
                    Retired = [.. Enumerable.Range(0, v.Item2).Select(i => $"old-{salt}-{i}")],
                    Questions = [.. qs.Select(q => q with { PackId = id })],
                });
        });

    public static PackReadResult ReadText(string text, string name = "p.yaml") =>
        PackReader.ReadStreams([new KeyValuePair<string, Stream>(name, new MemoryStream(Encoding.UTF8.GetBytes(text)))]);
}
