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
    public void A_pattern_of_another_schema_is_checked_with_its_position_and_pattern()
    {
        var validator = new PackSchemaValidator("""{"type":"object","properties":{"a":{"type":"string","pattern":"^x+$"},"b":{"type":"string","pattern":"^(?=y)y+$"}}}""");
        var read = SafeYamlReader.ReadText("t.yaml", "a: xxz\nb: yy\n");
        var findings = validator.Validate(read.Root!);
        var single = Assert.Single(findings);
        Assert.Equal(1, single.Line);
        Assert.Contains("^x+$", single.Message, StringComparison.Ordinal);
        Assert.Single(validator.Validate(SafeYamlReader.ReadText("t.yaml", "b: zy\n").Root!));
    }

    [Fact]
    public void Schema_messages_name_the_bound_that_was_broken()
    {
        var validator = new PackSchemaValidator("""{"type":"object","required":["r"],"properties":{"s":{"type":"string","maxLength":3},"l":{"type":"array","minItems":2,"uniqueItems":true},"m":{"type":"object","required":["k"]}}}""");
        var findings = validator.Validate(SafeYamlReader.ReadText("t.yaml", "s: long\nl: [1, 1]\nm:\n  j: 1\nr: 0\n").Root!).Select(f => f.ToString()).ToList();
        Assert.Contains("t.yaml:1:1: error SCHEMA: 's' must be at most 3 characters long", findings);
        Assert.Contains("t.yaml:2:8: error SCHEMA: 'l' lists a value twice; items must be unique", findings);

        // A missing key is reported where its mapping starts, as the binder reports it.
        Assert.Contains("t.yaml:4:3: error SCHEMA: required property 'k' is missing", findings);
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
        Assert.NotEmpty(schemaFindings);
        Assert.NotEmpty(readerFindings);
        Assert.Equal(readerFindings[0].Line, schemaFindings[0].Line);
    }

    [Fact]
    public void Review_date_and_attribution_pass_the_reader_and_the_schema()
    {
        string manifest = "pack:\n  id: p\n  version: 1.0.0\n  title: P\n  language: en\n  license: MIT\n  categories: [{id: c1, title: C}]\n";
        string text = manifest + Good + "\n    lastVerified: 2026-12-06\n    reviewBy: 2027-02-01\n    attribution:\n      title: \"Prompt from the user's brief: a list of interview questions\"\n      url: https://example.org/list\n"
            + "  - id: q-2\n    prompt: What else?\n    category: c1\n    type: technical\n    level: mid\n    answer: {summary: Another.}\n    attribution: {title: Title only}\n";
        var read = SafeYamlReader.ReadText("x.yaml", text);
        Assert.Empty(PackSchemaValidator.Default.Validate(read.Root!));
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
