using HrPrep.Content.Compiled;
using HrPrep.PackCompiler;
using Xunit;

namespace HrPrep.Content.Tests;

/// <summary>The compiled (embedded) form keeps every question field, the optional ones included.</summary>
public class CompiledPacksTests
{
    private static QuestionPack Pack(params Question[] questions) => new()
    {
        Id = "p",
        Version = "1.0.0",
        Title = "P",
        Language = "en",
        License = "CC0-1.0",
        Categories = [new Category("c1", "C1", null)],
        Questions = [.. questions],
    };

    private static Question Q(string id) => new()
    {
        Id = id,
        PackId = "p",
        Prompt = "What is " + id + "?",
        Category = "c1",
        Type = QuestionType.Technical,
        Level = QuestionLevel.Mid,
        Answer = new ModelAnswer("An answer.", ["A point"]),
        Location = new SourceLocation("questions/p.yaml", 3, 5),
    };

    [Fact]
    public void Review_date_and_attribution_survive_the_compiled_form()
    {
        var pack = Pack(
            Q("q-1") with { LastVerified = new DateOnly(2026, 12, 6), ReviewBy = new DateOnly(2027, 2, 1), Attribution = new PromptAttribution("Prompt from the brief: é 日本", "https://example.org/list") },
            Q("q-2") with { Attribution = new PromptAttribution("Title only", null) },
            Q("q-3") with { ReviewBy = DateOnly.MinValue },
            Q("q-4"));
        using var ms = new MemoryStream();
        CompiledPacksWriter.Write(ms, [pack]);
        ms.Position = 0;
        var back = Assert.Single(CompiledPacks.Read(ms, "test.bin"));
        Assert.Equal(ms.Length, ms.Position);
        Assert.Equal(4, back.Questions.Length);
        for (int i = 0; i < pack.Questions.Length; i++)
        {
            var (a, b) = (pack.Questions[i], back.Questions[i]);
            Assert.Equal((a.Id, a.LastVerified, a.ReviewBy, a.Attribution, a.Location), (b.Id, b.LastVerified, b.ReviewBy, b.Attribution, b.Location));
        }
    }

    [Fact]
    public void Data_of_another_format_version_is_refused_with_a_located_error()
    {
        using var ms = new MemoryStream();
        CompiledPacksWriter.Write(ms, [Pack(Q("q-1"))]);
        byte[] bytes = ms.ToArray();
        bytes[4] = 1; // format version 1: written before reviewBy and attribution existed
        var ex = Assert.Throws<PackLoadException>(() => CompiledPacks.Read(new MemoryStream(bytes), "old.bin"));
        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal("PACK015", d.Code);
        Assert.Contains("format version 2", d.Message, StringComparison.Ordinal);
    }
}
