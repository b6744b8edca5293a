using System.Collections.Immutable;
using HrPrep.Content;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Content.Tests;

public class QuestionBankTests
{
    private static readonly QuestionBank Mini = QuestionBank.FromDirectory(Repo.MiniPack);

    [Fact]
    public void Lookup_by_id()
    {
        Assert.Equal("What is a performance appraisal?", Mini["mini-a-001"].Prompt);
        Assert.True(Mini.TryGet("mini-b-002", out var q));
        Assert.Equal(QuestionType.CaseStudy, q.Type);
        Assert.Null(Mini.Find("nope"));
        Assert.Throws<KeyNotFoundException>(() => Mini["nope"]);
        Assert.Equal("Beta things", Mini.CategoryOf(q).Title);
    }

    [Fact]
    public void FindPack_finds_every_pack_among_many_and_nothing_else()
    {
        // Packs are looked up by binary search over the id-sorted packs; given out of order here.
        var ids = new[] { "m", "b", "zz", "a", "mm", "c-1", "c", "z", "a-b" };
        var bank = new QuestionBank(ids.Select(id => Mini.Packs[0] with { Id = id, Questions = [] }));
        foreach (var id in ids)
        {
            Assert.Equal(id, bank.FindPack(id)?.Id);
        }

        foreach (var missing in new[] { "", "0", "aa", "c-0", "n", "zzz", "mini" })
        {
            Assert.Null(bank.FindPack(missing));
        }

        Assert.Null(bank.FindPack(null!));
        Assert.Null(new QuestionBank([]).FindPack("a"));
        Assert.Same(Mini.Packs[0], Mini.FindPack("mini"));
    }

    [Fact]
    public void Content_version_of_one_pack_is_its_version_and_of_several_is_composite()
    {
        Assert.Equal("2.1.0", Mini.ContentVersion);
        var other = Mini.Packs[0] with { Id = "zeta", Version = "0.3.0", Questions = [] };
        Assert.Equal("mini@2.1.0+zeta@0.3.0", new QuestionBank([other, Mini.Packs[0]]).ContentVersion);
    }

    [Fact]
    public void Fluent_filters_combine_with_and_and_values_with_or()
    {
        Assert.Equal(["mini-a-002", "mini-a-003", "mini-b-003"], Mini.Query().AtLevel(QuestionLevel.Mid).Select(q => q.Id));
        Assert.Equal(["mini-a-003"], Mini.Query().AtLevel(QuestionLevel.Mid).InCategory("alpha").WithType(QuestionType.Behavioral).Select(q => q.Id));
        Assert.Equal(["mini-a-004", "mini-b-002"], Mini.Query().AtLevel(QuestionLevel.Senior).WithType(QuestionType.Situational, QuestionType.CaseStudy).Select(q => q.Id));
        Assert.Equal(["mini-a-003", "mini-a-004", "mini-b-003"], Mini.Query().WithTag("calibration").Select(q => q.Id));
        Assert.Equal(["mini-a-004"], Mini.Query().WithTag("calibration", "forced-ranking").Select(q => q.Id));
        Assert.Empty(Mini.Query().InPack("other"));
        Assert.Equal(8, Mini.Query().InPack("mini").CountMatches());
    }

    [Fact]
    public void Query_results_are_immutable_arrays_and_counting_agrees_with_linq()
    {
        var mid = Mini.Query().AtLevel(QuestionLevel.Mid);
        ImmutableArray<Question> array = mid.ToImmutableArray();
        Assert.Equal(["mini-a-002", "mini-a-003", "mini-b-003"], array.Select(q => q.Id));
        Assert.Equal(3, mid.CountMatches());
        Assert.Equal(3, mid.Count()); // LINQ's Count() by enumeration: no member shadows it any more
        Assert.Equal(array, mid.ToList());
        Assert.Equal(array, mid.ToArray()); // LINQ's ToArray(): a Question[]

        var searched = Mini.Query().Matching("calibration");
        Assert.Equal(searched.ToHits().Select(h => h.Question), searched.ToImmutableArray());
        Assert.Equal(searched.ToHits().Length, searched.CountMatches());
        Assert.Equal(Mini.Search("calibration").Select(h => h.Question.Id), searched.ToImmutableArray().Select(q => q.Id));
    }

    [Fact]
    public void Query_methods_do_not_collide_with_linq_operators()
    {
        var linq = typeof(Enumerable).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Select(m => m.Name).ToHashSet();
        var own = typeof(QuestionQuery).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly).Select(m => m.Name).ToHashSet();
        own.Remove(nameof(IEnumerable<Question>.GetEnumerator));
        Assert.Empty(own.Intersect(linq));
        Assert.Contains(nameof(QuestionQuery.WithType), own);

        // The one name shared with an extension method (ImmutableArray.ToImmutableArray) returns the same type.
        var immutable = typeof(ImmutableArray).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Select(m => m.Name).ToHashSet();
        Assert.Equal([nameof(QuestionQuery.ToImmutableArray)], own.Intersect(immutable));
        Assert.Equal(typeof(ImmutableArray<Question>), typeof(QuestionQuery).GetMethod(nameof(QuestionQuery.ToImmutableArray))!.ReturnType);
    }

    [Fact]
    public void Queries_are_immutable()
    {
        var all = Mini.Query();
        var mid = all.AtLevel(QuestionLevel.Mid);
        Assert.Equal(8, all.CountMatches());
        Assert.Equal(3, mid.CountMatches());
    }

    [Fact]
    public void Search_ranks_prompt_matches_above_answer_matches()
    {
        var hits = Mini.Search("calibration");
        Assert.Equal("mini-a-003", hits[0].Question.Id);
        Assert.True(hits[0].Score > hits[^1].Score);
        Assert.Contains(hits, h => h.Question.Id == "mini-b-003");
    }

    [Theory]
    [InlineData("evaluation cafe resume")]
    [InlineData("ÉVALUATION CAFÉ")]
    [InlineData("Evaluation")]
    public void Search_is_case_and_accent_insensitive(string query)
    {
        Assert.Equal("mini-b-001", Assert.Single(Mini.Search(query)).Question.Id);
    }

    [Fact]
    public void Search_requires_every_word_and_matches_prefixes()
    {
        Assert.Equal(["mini-a-002"], Mini.Search("behaviourally anch").Select(h => h.Question.Id));
        Assert.Empty(Mini.Search("calibration pineapple"));
        Assert.Empty(Mini.Search("   "));
        Assert.Contains(Mini.Search("sandbag"), h => h.Question.Id == "mini-b-004");
    }

    [Fact]
    public void Search_combines_with_filters()
    {
        Assert.Equal(["mini-b-003"], Mini.Query().InCategory("beta").Matching("calibration").Select(q => q.Id));
    }

    [Fact]
    public void Default_bank_is_lazy_singleton_and_thread_safe()
    {
        var banks = new QuestionBank[8];
        Parallel.For(0, banks.Length, i => banks[i] = QuestionBank.Default);
        Assert.All(banks, b => Assert.Same(banks[0], b));
        Assert.NotEmpty(QuestionBank.Default.Questions);
    }

    [Fact]
    public void Duplicate_ids_across_packs_cannot_form_a_bank()
    {
        var copy = Mini.Packs[0] with { Id = "copy" };
        var ex = Assert.Throws<PackLoadException>(() => new QuestionBank([Mini.Packs[0], copy]));
        Assert.Equal(8, ex.Diagnostics.Length);
        Assert.All(ex.Diagnostics, d => Assert.Equal("PACK006", d.Code));
    }

    [Fact]
    public void From_files_throws_one_exception_with_every_located_problem()
    {
        using var dir = new TempDir();
        dir.File("a.yaml", "pack: {id: Bad}\n");
        dir.File("b.yaml", "a: &x 1\n");
        var ex = Assert.Throws<PackLoadException>(() => QuestionBank.FromDirectory(dir.Path));
        Assert.Contains(ex.Diagnostics, d => d.Code == "PACK005" && d.Path.EndsWith("a.yaml", StringComparison.Ordinal));
        Assert.Contains(ex.Diagnostics, d => d.Code == "YAML002" && d.Line == 1 && d.Column == 4);
        Assert.StartsWith(ex.Diagnostics[0].ToString(), ex.Message);
        Assert.Contains("more problems", ex.Message);
    }
}

public class SamplingTests
{
    private static readonly QuestionBank Mini = QuestionBank.FromDirectory(Repo.MiniPack);

    [Fact]
    public void Xoshiro_matches_the_reference_implementation()
    {
        // Reference values from an independent Python implementation of SplitMix64 + xoshiro256**.
        var zero = new Xoshiro256StarStar(0);
        Assert.Equal([11091344671253066420UL, 13793997310169335082UL, 1900383378846508768UL], new[] { zero.NextUInt64(), zero.NextUInt64(), zero.NextUInt64() });
        var fortyTwo = new Xoshiro256StarStar(42);
        Assert.Equal([1546998764402558742UL, 6990951692964543102UL, 12544586762248559009UL], new[] { fortyTwo.NextUInt64(), fortyTwo.NextUInt64(), fortyTwo.NextUInt64() });
    }

    [Fact]
    public void Bounded_ints_are_in_range_and_roughly_uniform()
    {
        var rng = new Xoshiro256StarStar(7);
        var counts = new int[6];
        for (int i = 0; i < 60_000; i++)
        {
            counts[rng.NextInt(6)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Same_seed_same_interview_different_seed_different_order()
    {
        var a = Mini.Sample(5, 42).Questions.Select(q => q.Id).ToList();
        var b = Mini.Sample(5, 42).Questions.Select(q => q.Id).ToList();
        var c = Mini.Sample(5, 43).Questions.Select(q => q.Id).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(5, a.Distinct().Count());
    }

    [Fact]
    public void Draw_is_a_stable_contract()
    {
        // The documented algorithm on the fixture pack, as computed by an independent Python implementation; a change here breaks users' reproducible interviews.
        Assert.Equal(
            ["mini-b-004", "mini-a-002", "mini-b-003", "mini-a-004", "mini-b-002"],
            Mini.Sample(5, 42).Questions.Select(q => q.Id));
    }

    [Fact]
    public void Draw_does_not_depend_on_load_order()
    {
        var reversed = new QuestionBank([Mini.Packs[0] with { Questions = Mini.Packs[0].Questions.Reverse().ToImmutableArray() }]);
        Assert.Equal(Mini.Sample(6, 9).Questions.Select(q => q.Id), reversed.Sample(6, 9).Questions.Select(q => q.Id));
    }

    [Fact]
    public void Quotas_are_filled_first_and_exclusions_respected()
    {
        var result = Mini.Sample(new SampleRequest
        {
            Count = 4,
            Seed = 1,
            Quotas = [new SampleQuota(2, "beta"), new SampleQuota(1, Level: QuestionLevel.Senior)],
            Exclude = ["mini-b-001", "mini-b-003"],
        });
        Assert.True(result.IsComplete);
        Assert.Equal(4, result.Questions.Length);
        Assert.All(result.Questions.Take(2), q => Assert.Equal("beta", q.Category));
        Assert.Equal(QuestionLevel.Senior, result.Questions[2].Level);
        Assert.DoesNotContain(result.Questions, q => q.Id is "mini-b-001" or "mini-b-003");
    }

    [Fact]
    public void Not_enough_questions_is_a_clear_result()
    {
        var result = Mini.Sample(new SampleRequest { Count = 6, Seed = 3, Quotas = [new SampleQuota(3, "beta", QuestionLevel.Senior)] });
        Assert.False(result.IsComplete);
        Assert.Equal(6, result.Questions.Length);
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal((3, 1), (shortfall.Requested, shortfall.Drawn));
        Assert.Equal("quota 3 x beta/senior: only 1 of 3 questions were available", shortfall.ToString());

        var tooMany = Mini.Sample(20, 3);
        Assert.Equal(8, tooMany.Questions.Length);
        Assert.Equal("only 8 of 20 questions were available", Assert.Single(tooMany.Shortfalls).ToString());
    }

    [Fact]
    public void Quotas_larger_than_the_count_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Mini.Sample(new SampleRequest { Count = 1, Quotas = [new SampleQuota(2)] }));
    }

    [Fact]
    public void Pool_limits_the_draw()
    {
        var result = Mini.Sample(new SampleRequest { Count = 3, Seed = 5, Pool = Mini.Query().InCategory("alpha") });
        Assert.All(result.Questions, q => Assert.Equal("alpha", q.Category));
        Assert.Equal("2.1.0", result.ContentVersion);
    }
}
