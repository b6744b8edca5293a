using CsCheck;
using HrPrep.Authoring.Diff;
using HrPrep.Authoring.Schema;
using HrPrep.Authoring.Writing;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests;

public class PackYamlWriterTests
{
    [Fact]
    public void Single_file_round_trips_arbitrary_packs_through_the_reader_and_the_schema()
    {
        var withTable = new Coverage("had a case study with a data table");
        var withOptional = new Coverage("had a question with attribution, review date and sources");
        PackGen.Pack().Sample(pack =>
        {
            withTable.Count(pack.Questions.Any(q => q.Scenario?.Table is not null));
            withOptional.Count(pack.Questions.Any(q => q.Attribution is not null && q.ReviewBy is not null && q.Sources.Length > 0));
            string text = PackYamlWriter.ToSingleFileText(pack);
            Assert.StartsWith("# yaml-language-server: $schema=", text, StringComparison.Ordinal);
            var read = PackGen.ReadText(text);
            Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics) + "\n" + text);
            var back = Assert.Single(read.Packs);
            Assert.True(pack == back, "read back differs:\n" + text);
            Assert.Equal(text, PackYamlWriter.ToSingleFileText(back));
            var schema = PackSchemaValidator.Default.Validate(SafeYamlReader.ReadText("p.yaml", text).Root!);
            Assert.True(schema.Count == 0, string.Join("\n", schema) + "\n" + text);
        }, iter: 400);
        withTable.AssertAtLeast(0.1);
        withOptional.AssertAtLeast(0.2);
    }

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void Every_tricky_string_reads_back_unchanged_in_every_position(string value)
    {
        var pack = new QuestionPack
        {
            Id = "p",
            Version = "1.0.0",
            Title = value,
            Language = "en",
            License = "MIT",
            Authors = [value, value],
            Categories = [new Category("c", value, value)],
            Questions =
            [
                new Question
                {
                    Id = "q-1", PackId = "p", Prompt = value, Category = "c", Type = QuestionType.Technical, Level = QuestionLevel.Mid,
                    Answer = new ModelAnswer(value, [value]), FollowUps = [value], Sources = [new SourceReference(value, null)],
                    Scenario = new Scenario(value, new ScenarioTable(value, [value], [[value, value]])),
                },
            ],
        };
        string text = PackYamlWriter.ToSingleFileText(pack);
        var read = PackGen.ReadText(text);
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics) + "\n" + text);
        Assert.True(pack == read.Packs[0], text);
    }

    public static TheoryData<string> TrickyStrings => [.. PackGen.Tricky.Where(s => !string.IsNullOrWhiteSpace(s))];

    [Fact]
    public void Directory_layout_round_trips_with_one_file_per_category()
    {
        var withQuestions = new Coverage("had questions to spread over category files");
        PackGen.Pack().Sample(pack =>
        {
            withQuestions.Count(!pack.Questions.IsEmpty);
            using var dir = new TempDir();
            string target = Path.Combine(dir.Path, "out");
            PackYamlWriter.Write(pack, target, PackLayout.Directory);
            var files = Directory.GetFiles(target).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
            var expected = pack.Questions.Select(q => PackYamlWriter.FileNameOf(q.Category)).Append("pack.yaml").Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, files);
            var read = PackReader.ReadPaths([target]);
            Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
            var back = Assert.Single(read.Packs);
            Assert.Empty(FieldDiff.ChangedManifestFields(pack, back));
            Assert.Equal(pack.Questions.Select(q => PackYamlWriter.QuestionText(q)).Order(StringComparer.Ordinal), back.Questions.Select(q => PackYamlWriter.QuestionText(q)).Order(StringComparer.Ordinal));
        }, iter: 40);
        withQuestions.AssertAtLeast(0.6);
    }

    [Fact]
    public void Writing_the_mini_pack_is_stable_and_readable()
    {
        var mini = PackReader.ReadPaths([Repo.MiniPack]).GetPacksOrThrow()[0];
        string text = PackYamlWriter.ToSingleFileText(mini, new PackYamlWriterOptions { SchemaReference = "../schema/question-pack.schema.json" });
        Golden.Match("writer-mini.yaml.txt", text);
        Assert.True(mini == PackGen.ReadText(text).Packs[0]);
    }

    [Fact]
    public void Shipped_pack_round_trips()
    {
        var shipped = PackReader.ReadPaths([Repo.ShippedPack]).GetPacksOrThrow()[0];
        string text = PackYamlWriter.ToSingleFileText(shipped);
        Assert.True(shipped == PackGen.ReadText(text).Packs[0]);
    }

    [Fact]
    public void Category_named_pack_does_not_collide_with_the_manifest()
    {
        Assert.Equal("pack.questions.yaml", PackYamlWriter.FileNameOf("pack"));
        Assert.Equal("goals.yaml", PackYamlWriter.FileNameOf("goals"));
    }

    [Fact]
    public void Schema_reference_is_relative_to_the_nearest_schema_folder()
    {
        using var dir = new TempDir();
        dir.File("schema/question-pack.schema.json", "{}");
        Assert.Equal("../../schema/question-pack.schema.json", PackYamlWriter.SchemaReferenceFor(Path.Combine(dir.Path, "questions", "p"), isDirectory: true));
        Assert.Equal("../schema/question-pack.schema.json", PackYamlWriter.SchemaReferenceFor(Path.Combine(dir.Path, "packs", "p.yaml"), isDirectory: false));
    }
}
