using HrPrep.Authoring.Schema;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests;

public class SchemaTests
{
    public static TheoryData<string> ShippedFiles =>
        [.. Directory.EnumerateFiles(Repo.PathOf("questions"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_shipped_pack_file_passes_the_json_schema(string file)
    {
        var read = SafeYamlReader.ReadFile(Repo.PathOf(file));
        Assert.Empty(read.Diagnostics);
        var findings = PackSchemaValidator.Default.Validate(read.Root!);
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void Every_pattern_of_the_shipped_schemas_has_its_source_generated_regex()
    {
        // The validator uses the source-generated regex of a pattern when it has one (fast, no
        // construction cost); a pattern edited in a schema without this list would still be checked,
        // only more slowly, so this test keeps the two equal.
        var patterns = new List<string>();
        foreach (var file in new[] { "question-pack.schema.json", "hrprep-config.schema.json" })
        {
            Collect(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.PathOf("schema", file)))!, patterns);
        }

        Assert.NotEmpty(patterns);
        foreach (var pattern in patterns.Distinct())
        {
            Assert.True(HrPrep.Authoring.Lint.Schema.SchemaPatterns.Generated.TryGetValue(pattern, out var regex), $"no generated regex for {pattern}");
            Assert.Equal(pattern, regex.ToString());
        }

        foreach (var (pattern, regex) in HrPrep.Authoring.Lint.Schema.SchemaPatterns.Generated)
        {
            Assert.Equal(pattern, regex.ToString());
            Assert.Contains(pattern, patterns);
        }

        static void Collect(System.Text.Json.Nodes.JsonNode node, List<string> into)
        {
            if (node is System.Text.Json.Nodes.JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    if (key == "pattern" && value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        into.Add(text);
                    }
                    else if (value is not null)
                    {
                        Collect(value, into);
                    }
                }
            }
            else if (node is System.Text.Json.Nodes.JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Collect(item, into);
                    }
                }
            }
        }
    }

    [Fact]
    public void A_pattern_of_another_schema_is_still_checked()
    {
        var validator = HrPrep.Authoring.Lint.Schema.CompiledSchemaValidator.FromJson("""{"type":"object","properties":{"a":{"type":"string","pattern":"^x+$"},"b":{"type":"string","pattern":"^(?=y)y+$"}}}""");
        var read = SafeYamlReader.ReadText("t.yaml", "a: xxz\nb: yy\n");
        var findings = validator.Validate(read.Root!);
        var single = Assert.Single(findings);
        Assert.Equal(1, single.Line);
        Assert.Contains("^x+$", single.Message, StringComparison.Ordinal);
        Assert.Single(validator.Validate(SafeYamlReader.ReadText("t.yaml", "b: zy\n").Root!));
    }

    [Fact]
    public void The_shipped_schema_compiles_without_NJsonSchema_to_the_same_rules()
    {
        // Lint compiles the shipped schema with System.Text.Json so a run does not load NJsonSchema;
        // both routes must build the same rules (types, enums, patterns, bounds, properties, $refs).
        string json = File.ReadAllText(Repo.PathOf("schema", "question-pack.schema.json"));
        var plain = HrPrep.Authoring.Lint.Schema.CompiledSchemaValidator.FromPlainJson(json);
        Assert.NotNull(plain);
        string expected = HrPrep.Authoring.Lint.Schema.CompiledSchemaValidator.FromJson(json).DescribeRules();
        Assert.Contains("pattern=^[a-z][a-z0-9]*(-[a-z0-9]+)*$", expected, StringComparison.Ordinal);
        Assert.Equal(expected, plain.DescribeRules());
        Assert.Equal(expected, HrPrep.Authoring.Lint.Schema.CompiledSchemaValidator.Default.DescribeRules());
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"const":"x"}}}""")]
    [InlineData("""{"$ref":"other.json#/definitions/a"}""")]
    [InlineData("""{"definitions":{"a":{"type":"string"}},"properties":{"b":{"$ref":"#/definitions/a","minLength":3}}}""")]
    [InlineData("""{"items":[{"type":"string"}]}""")]
    [InlineData("""{"properties":{"a":true}}""")]
    [InlineData("""{"type":"object","propertyNames":{"pattern":"^[a-z]+$"}}""")]
    public void A_schema_beyond_the_plain_keywords_is_left_to_NJsonSchema(string json)
    {
        Assert.Null(HrPrep.Authoring.Lint.Schema.CompiledSchemaValidator.FromPlainJson(json));
    }

    [Fact]
    public void The_plain_compiler_reads_types_enums_bounds_and_refs_as_NJsonSchema_does()
    {
        const string json = """
            {"definitions":{"n":{"type":["integer","null"],"minimum":1,"exclusiveMaximum":10},"e":{"enum":["a",2,1.5,null]}},
             "type":"object","required":["n"],"additionalProperties":{"type":"string","maxLength":3},"minProperties":1,"maxProperties":5,
             "properties":{"n":{"$ref":"#/definitions/n","description":"annotation"},"e":{"$ref":"#/definitions/e"},
               "l":{"type":"array","items":{"$ref":"#/definitions/n"},"minItems":1,"maxItems":2,"uniqueItems":true},
               "x":{"anyOf":[{"type":"string","format":"uri"},{"not":{"type":"number"}}],"oneOf":[{"minLength":2}],"allOf":[{}]}},
             "patternProperties":{"^p-":{"type":"boolean"}}}
            """;
        var plain = HrPrep.Authoring.Lint.Schema.CompiledSchemaValidator.FromPlainJson(json);
        Assert.NotNull(plain);
        Assert.Equal(HrPrep.Authoring.Lint.Schema.CompiledSchemaValidator.FromJson(json).DescribeRules(), plain.DescribeRules());
        var findings = plain.Validate(SafeYamlReader.ReadText("t.yaml", "n: 10\ne: 3\nl: [1, 1]\nzz: long\np-q: 1\n").Root!);
        Assert.Equal(
            [
                "t.yaml:1:1: error SCHEMA: 'n' must be at most 10",
                "t.yaml:2:1: error SCHEMA: 'e' must be one of: a, 2, 1.5, null (found '3')",
                "t.yaml:3:1: error SCHEMA: 'l' lists a value twice ('1'); items must be unique",
                "t.yaml:4:1: error SCHEMA: 'zz' must be at most 3 characters long",
                "t.yaml:5:1: error SCHEMA: 'p-q' must be a boolean, found a number",
            ],
            findings.Select(f => f.ToString()));
    }

    [Fact]
    public void Every_embedded_pack_passes_the_json_schema()
    {
        // The embedded resource is the compiled form; turn each embedded pack back into a pack
        // file with the pack writer and validate it with NJsonSchema.
        foreach (var pack in QuestionBank.Default.Packs)
        {
            string yaml = HrPrep.Authoring.Writing.PackYamlWriter.ToSingleFileText(pack);
            var read = SafeYamlReader.ReadText($"embedded:{pack.Id}", yaml);
            Assert.Empty(read.Diagnostics);
            var findings = PackSchemaValidator.Default.Validate(read.Root!);
            Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
            Assert.Equal(pack.Questions.Length, ((YamlSequence)((YamlMapping)read.Root!).Get("questions")!).Items.Count);
        }
    }

    [Fact]
    public void Embedded_compiled_packs_equal_the_yaml_in_questions_folder()
    {
        var fromYaml = QuestionBank.FromDirectory(Repo.PathOf("questions"));
        Assert.Equal(
            HrPrep.Authoring.Export.QuestionJsonWriter.ToJson(fromYaml.Questions),
            HrPrep.Authoring.Export.QuestionJsonWriter.ToJson(QuestionBank.Default.Questions));
        Assert.Equal(
            fromYaml.Questions.Select(q => (q.Location.Path.Replace('\\', '/')[q.Location.Path.IndexOf("questions", StringComparison.Ordinal)..], q.Location.Line, q.Location.Column)),
            QuestionBank.Default.Questions.Select(q => (q.Location.Path, q.Location.Line, q.Location.Column)));
        Assert.Equal(HrPrep.Authoring.Writing.PackYamlWriter.ToSingleFileText(fromYaml.Packs[0]), HrPrep.Authoring.Writing.PackYamlWriter.ToSingleFileText(QuestionBank.Default.Packs[0]));
    }

    [Fact]
    public void Shipped_schema_file_is_the_embedded_one()
    {
        Assert.Equal(File.ReadAllText(Repo.PathOf("schema", "question-pack.schema.json")), PackSchemaValidator.LoadShippedSchemaText());
    }

    [Fact]
    public void Fixture_pack_passes_the_schema()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.MiniPack))
        {
            var read = SafeYamlReader.ReadFile(file);
            Assert.Empty(PackSchemaValidator.Default.Validate(read.Root!));
        }
    }

    private const string Good = """
        questions:
          - id: q-1
            prompt: What is it?
            category: c1
            type: technical
            level: mid
            answer:
              summary: An answer.
        """;

    [Theory]
    [InlineData("    promt: typo\n", 9, "property 'promt' is not allowed here")]
    [InlineData("", 0, null)]
    public void Schema_errors_point_at_the_yaml_position(string extra, int line, string? message)
    {
        var read = SafeYamlReader.ReadText("x.yaml", Good + "\n" + extra);
        var findings = PackSchemaValidator.Default.Validate(read.Root!);
        if (message is null)
        {
            Assert.Empty(findings);
            return;
        }

        var d = Assert.Single(findings);
        Assert.Equal($"x.yaml:{line}:5: error SCHEMA: {message}", d.ToString());
    }

    /// <summary>Every kind of invalid question is rejected by both the library's reader and the JSON Schema, on the same line.</summary>
    [Theory]
    [InlineData("level: mid", "level: medium")]
    [InlineData("type: technical", "type: 42")]
    [InlineData("id: q-1", "id: Q_1")]
    [InlineData("prompt: What is it?", "prompt: '   '")]
    [InlineData("    prompt: What is it?\n", "")]
    [InlineData("level: mid", "level: mid\n    tags: [Not A Tag]")]
    [InlineData("level: mid", "level: mid\n    jurisdiction: Mars")]
    [InlineData("level: mid", "level: mid\n    lastVerified: 2026-13-01")]
    [InlineData("level: mid", "level: mid\n    lastVerified: 2026-02-30")]
    [InlineData("level: mid", "level: mid\n    reviewBy: 2027-13-01")]
    [InlineData("level: mid", "level: mid\n    reviewBy: 2027-02-30")]
    [InlineData("level: mid", "level: mid\n    reviewBy: 1 February 2027")]
    [InlineData("level: mid", "level: mid\n    reviewBy: 20270201")]
    [InlineData("level: mid", "level: mid\n    attribution: The brief")]
    [InlineData("level: mid", "level: mid\n    attribution: {url: 'https://example.org/x'}")]
    [InlineData("level: mid", "level: mid\n    attribution: {title: '  '}")]
    [InlineData("level: mid", "level: mid\n    attribution: {title: Brief, url: 'http://example.org/x'}")]
    [InlineData("level: mid", "level: mid\n    attribution: {title: Brief, url: 'https://'}")]
    [InlineData("level: mid", "level: mid\n    attribution: {title: Brief, link: 'https://example.org/x'}")]
    [InlineData("level: mid", "level: mid\n    origin: copied")]
    [InlineData("level: mid", "level: mid\n    sources: [{title: x, url: ftp://x}]")]
    [InlineData("level: mid", "level: mid\n    related: [a, a]")]
    [InlineData("summary: An answer.", "summary: An answer.\n      extra: 1")]
    public void Reader_and_schema_agree_on_invalid_questions(string from, string to)
    {
        string manifest = "pack:\n  id: p\n  version: 1.0.0\n  title: P\n  language: en\n  license: MIT\n  categories: [{id: c1, title: C}]\n";
        string text = manifest + Good.Replace(from, to, StringComparison.Ordinal);
        var read = SafeYamlReader.ReadText("x.yaml", text);
        var schemaFindings = PackSchemaValidator.Default.Validate(read.Root!);
        var readerFindings = PackReader.ReadStreams([new("x.yaml", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)))]).Diagnostics;
        var compiledFindings = HrPrep.Authoring.Lint.Schema.CompiledSchemaValidator.Default.Validate(read.Root!);
        Assert.NotEmpty(schemaFindings);
        Assert.NotEmpty(readerFindings);
        Assert.NotEmpty(compiledFindings);
        Assert.Equal(readerFindings[0].Line, schemaFindings[0].Line);
        Assert.Equal(readerFindings[0].Line, compiledFindings[0].Line);
    }

    [Fact]
    public void Review_date_and_attribution_pass_the_reader_and_both_schema_validators()
    {
        string manifest = "pack:\n  id: p\n  version: 1.0.0\n  title: P\n  language: en\n  license: MIT\n  categories: [{id: c1, title: C}]\n";
        string text = manifest + Good + "\n    lastVerified: 2026-12-06\n    reviewBy: 2027-02-01\n    attribution:\n      title: \"Prompt from the user's brief: a list of interview questions\"\n      url: https://example.org/list\n"
            + "  - id: q-2\n    prompt: What else?\n    category: c1\n    type: technical\n    level: mid\n    answer: {summary: Another.}\n    attribution: {title: Title only}\n";
        var read = SafeYamlReader.ReadText("x.yaml", text);
        Assert.Empty(PackSchemaValidator.Default.Validate(read.Root!));
        Assert.Empty(HrPrep.Authoring.Lint.Schema.CompiledSchemaValidator.Default.Validate(read.Root!));
        var result = PackReader.ReadStreams([new("x.yaml", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)))]);
        Assert.Empty(result.Diagnostics);
        var questions = result.Packs[0].Questions;
        Assert.Equal(new DateOnly(2027, 2, 1), questions[0].ReviewBy);
        Assert.Equal(new PromptAttribution("Prompt from the user's brief: a list of interview questions", "https://example.org/list"), questions[0].Attribution);
        Assert.Null(questions[1].ReviewBy);
        Assert.Equal(new PromptAttribution("Title only", null), questions[1].Attribution);
    }

    [Fact]
    public void Unreadable_schema_is_a_clear_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PackSchemaValidator("{ not json"));
        Assert.StartsWith("the schema cannot be read", ex.Message);
    }
}
