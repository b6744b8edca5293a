using HrPrep.Content.Compiled;
using HrPrep.PackCompiler;
using HrPrep.Tests.Shared;
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

    private static byte[] Compile(params QuestionPack[] packs)
    {
        using var ms = new MemoryStream();
        CompiledPacksWriter.Write(ms, packs);
        return ms.ToArray();
    }

    private static QuestionPack Full() => Pack(
        Q("q-1") with
        {
            Tags = ["t1", "t2"],
            Scenario = new Scenario("A case.", new ScenarioTable("Cap", ["a", "b"], [["1", "2"], ["3", "4"]])),
            FollowUps = ["f"],
            LookFor = ["l"],
            RedFlags = ["r"],
            Jurisdiction = "UK",
            Sources = [new SourceReference("S", "https://example.org/s"), new SourceReference("T", null)],
            Related = ["q-2"],
            LastVerified = new DateOnly(2026, 1, 2),
            Attribution = new PromptAttribution("A", null),
        },
        Q("q-2")) with { Location = new SourceLocation("questions/p/pack.yaml", 2, 1), Role = "R", Description = "D", Authors = ["x", "y"], Disclaimer = "Not advice.", Homepage = "https://example.org", Retired = ["q-0"] };

    [Fact]
    public void Span_and_stream_reads_give_the_same_packs_with_every_field()
    {
        var pack = Full();
        byte[] bytes = Compile(pack);
        var fromSpan = Assert.Single(CompiledPacks.Read(bytes, "test.bin"));
        var fromStream = Assert.Single(CompiledPacks.Read(new MemoryStream(bytes), "test.bin"));
        Assert.True(pack == fromSpan, "the span reader lost a field");
        Assert.True(pack == fromStream, "the stream reader lost a field");
        Assert.Equal(pack.Location, fromSpan.Location);
        Assert.Equal(pack.Questions.Select(q => q.Location), fromSpan.Questions.Select(q => q.Location));
    }

    [Fact]
    public void Every_truncation_is_refused_with_a_located_error_never_an_exception_of_the_reader()
    {
        byte[] bytes = Compile(Full());
        for (int cut = 0; cut < bytes.Length; cut++)
        {
            var ex = Assert.Throws<PackLoadException>(() => CompiledPacks.Read(bytes.AsSpan(0, cut), "cut.bin"));
            var d = Assert.Single(ex.Diagnostics);
            Assert.Equal(("cut.bin", "PACK015"), (d.Path, d.Code));
            Assert.True(d.Column >= 1 && d.Column <= cut + 1, $"cut at {cut}: error at column {d.Column}");
        }
    }

    [Fact]
    public void A_bad_length_is_refused_with_a_located_error()
    {
        byte[] bytes = Compile(Pack(Q("q-1")));
        // The pack count (byte 8) becomes a 7-bit int longer than five bytes.
        byte[] bad = [.. bytes.AsSpan(0, 8), 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, .. bytes.AsSpan(9)];
        var d = Assert.Single(Assert.Throws<PackLoadException>(() => CompiledPacks.Read(bad, "bad.bin")).Diagnostics);
        Assert.Equal("PACK015", d.Code);
        Assert.Contains("corrupt", d.Message, StringComparison.Ordinal);

        // A string length past the end of the data.
        byte[] longString = [.. bytes.AsSpan(0, 9), 0xF0, 0x7F];
        d = Assert.Single(Assert.Throws<PackLoadException>(() => CompiledPacks.Read(longString, "long.bin")).Diagnostics);
        Assert.Equal("PACK015", d.Code);
    }

    [Fact]
    public void Compiled_packs_make_the_same_bank_as_the_public_constructor_with_lookup_by_id()
    {
        var mini = QuestionBank.FromDirectory(Repo.MiniPack);
        var other = Full() with { Id = "zeta" };
        var packs = CompiledPacks.Read(Compile(mini.Packs[0], other), "test.bin");
        var compiled = QuestionBank.FromCompiled(packs);
        var expected = new QuestionBank(packs);
        Assert.Equal(expected.Packs, compiled.Packs);
        Assert.Equal(expected.Questions, compiled.Questions);
        Assert.Equal("mini@2.1.0+zeta@1.0.0", compiled.ContentVersion);
        Assert.Equal(expected.ContentVersion, compiled.ContentVersion);
        foreach (var q in expected.Questions)
        {
            Assert.Same(q, compiled.Find(q.Id));
            Assert.True(compiled.TryGet(q.Id, out var found) && ReferenceEquals(found, q));
        }

        Assert.Null(compiled.Find("nope"));
        Assert.Equal(
            expected.Query().AtLevel(QuestionLevel.Mid).InCategory("alpha", "c1").Select(q => q.Id),
            compiled.Query().AtLevel(QuestionLevel.Mid).InCategory("alpha", "c1").Select(q => q.Id));
        Assert.Equal(expected.Search("appraisal").Select(h => h.Question.Id), compiled.Search("appraisal").Select(h => h.Question.Id));
    }

    [Fact]
    public void Lookup_by_id_on_a_compiled_bank_is_safe_from_many_threads_at_once()
    {
        var mini = QuestionBank.FromDirectory(Repo.MiniPack);
        var compiled = QuestionBank.FromCompiled(CompiledPacks.Read(Compile(mini.Packs[0]), "test.bin"));
        var ids = compiled.Questions.Select(q => q.Id).ToArray();
        var found = new Question?[64 * ids.Length];

        // The id dictionary is built by whichever thread looks up first; every thread sees a full one.
        Parallel.For(0, found.Length, i => found[i] = compiled.Find(ids[i % ids.Length]));
        for (int i = 0; i < found.Length; i++)
        {
            Assert.Equal(ids[i % ids.Length], found[i]?.Id);
        }
    }

    [Fact]
    public void Compiled_packs_out_of_order_are_sorted_and_duplicates_refused_like_the_public_constructor()
    {
        var a = Pack(Q("a-1")) with { Id = "a" };
        var b = Pack(Q("b-1")) with { Id = "b" };
        var bank = QuestionBank.FromCompiled([b, a]);
        Assert.Equal(["a", "b"], bank.Packs.Select(p => p.Id));
        Assert.Equal(["a-1", "b-1"], bank.Questions.Select(q => q.Id));

        var ex = Assert.Throws<PackLoadException>(() => QuestionBank.FromCompiled([a, a]));
        Assert.Contains(ex.Diagnostics, d => d.Code == DiagnosticCodes.DuplicatePack);
    }
}
