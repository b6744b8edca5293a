using System.Collections.Immutable;
using CsCheck;
using HrPrep.Authoring.Diff;
using HrPrep.Authoring.Merge;
using HrPrep.Authoring.Schema;
using HrPrep.Authoring.Writing;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests;

public class MergeTests
{
    private static readonly ConflictPolicy[] Policies = [ConflictPolicy.Fail, ConflictPolicy.Ours, ConflictPolicy.Theirs, ConflictPolicy.Newest];

    /// <summary>A pack and two variants of it (questions kept, edited, dropped or retired, re-tagged, added; version or title changed).</summary>
    private static readonly Gen<QuestionPack[]> Family =
        PackGen.Pack("p", "q").SelectMany(a =>
            Gen.Select(Variant(a, "r"), Variant(a, "s"), Gen.Int[2, 3], (b, c, n) => n == 2 ? new[] { a, b } : [a, b, c]));

    private static Gen<QuestionPack> Variant(QuestionPack a, string prefix) =>
        Gen.Select(
            Gen.Int[0, 4].Array[a.Questions.Length],
            PackGen.Pack("p", prefix),
            Gen.OneOf("1.0.0", "1.1.0", "2.0.0", a.Version),
            Gen.Frequency((4, Gen.Const(a.Title)), (1, Gen.Const(a.Title + " (team)"))),
            Gen.Bool,
            (actions, extra, version, title, retireOne) =>
            {
                var cats = a.Categories.Select(c => c.Id).ToArray();
                var kept = new List<Question>();
                var retired = a.Retired.ToList();
                for (int i = 0; i < a.Questions.Length; i++)
                {
                    var q = a.Questions[i];
                    switch (actions[i])
                    {
                        case 0 or 3: kept.Add(q); break;
                        case 1: kept.Add(q with { Prompt = q.Prompt + " (edited)", LastVerified = q.LastVerified?.AddDays(1) }); break;
                        case 2:
                            if (retireOne && !retired.Contains(q.Id))
                            {
                                retired.Add(q.Id);
                            }

                            break;
                        default: kept.Add(q with { Tags = [.. q.Tags.Where(t => t != "okr"), "okr"] }); break;
                    }
                }

                kept.AddRange(extra.Questions.Select((q, i) => q with { Category = cats[i % cats.Length], Related = [] }));
                return a with { Version = version, Title = title, Retired = [.. retired], Questions = [.. kept] };
            });

    /// <summary>Writes each pack to text and reads it back, so questions carry real, distinct locations.</summary>
    private static List<MergeInput> AsInputs(IReadOnlyList<QuestionPack> packs) =>
        packs.Select((p, i) =>
        {
            string name = $"in{i}.yaml";
            var read = PackGen.ReadText(PackYamlWriter.ToSingleFileText(p), name);
            Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
            return new MergeInput(name, read.Packs[0]);
        }).ToList();

    [Fact]
    public void No_question_is_ever_lost_silently()
    {
        var merged = new Coverage("merged successfully");
        var dropped = new Coverage("merged with an input question left out of the output (and reported)");
        Gen.Select(Family, Gen.OneOf(Policies)).Sample((packs, policy) =>
        {
            var inputs = AsInputs(packs);
            var result = PackMerger.Merge(inputs, new MergeOptions { Policy = policy });
            merged.Count(result.Success);
            if (!result.Success)
            {
                Assert.NotEmpty(result.Errors);
                Assert.Null(result.Pack);
                return;
            }

            var output = result.Pack!.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
            bool anyLeftOut = false;
            foreach (var q in inputs.SelectMany(i => i.Pack.Questions))
            {
                bool inOutput = output.TryGetValue(q.Id, out var o) && o == q;
                bool reported = result.Report.Any(e => e.Subject == q.Id && e.Locations.Contains(q.Location));
                anyLeftOut |= !inOutput;
                Assert.True(inOutput || reported, $"{q.Id} at {q.Location} is neither in the output nor in the report");
            }

            dropped.Count(anyLeftOut);

            // Nothing in the output that no input had; no retired id comes back.
            var inputIds = inputs.SelectMany(i => i.Pack.Questions).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(result.Pack.Questions, q => Assert.Contains(q.Id, inputIds));
            var retired = inputs.SelectMany(i => i.Pack.Retired).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(result.Pack.Questions, q => retired.Contains(q.Id));
            Assert.True(retired.SetEquals(result.Pack.Retired));
        }, iter: 300);
        merged.AssertAtLeast(0.5);
        dropped.AssertAtLeast(0.4);
    }

    [Fact]
    public void Output_always_passes_the_reader_and_the_schema()
    {
        var merged = new Coverage("merged successfully");
        Gen.Select(Family, Gen.OneOf(ConflictPolicy.Ours, ConflictPolicy.Theirs, ConflictPolicy.Newest)).Sample((packs, policy) =>
        {
            var result = PackMerger.Merge(AsInputs(packs), new MergeOptions { Policy = policy });
            merged.Count(result.Success);
            if (!result.Success)
            {
                Assert.Equal(ConflictPolicy.Newest, policy);
                return;
            }

            string text = PackYamlWriter.ToSingleFileText(result.Pack!);
            var read = PackGen.ReadText(text);
            Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
            Assert.True(result.Pack! == read.Packs[0]);
            Assert.Empty(PackSchemaValidator.Default.Validate(SafeYamlReader.ReadText("m.yaml", text).Root!));
        }, iter: 200);
        merged.AssertAtLeast(0.7);
    }

    [Fact]
    public void Merging_a_pack_with_itself_gives_the_same_pack()
    {
        var withQuestions = new Coverage("had questions to collapse");
        Gen.Select(PackGen.Pack(), Gen.OneOf(Policies), Gen.Int[2, 4]).Sample((pack, policy, copies) =>
        {
            withQuestions.Count(!pack.Questions.IsEmpty);
            var inputs = AsInputs(Enumerable.Repeat(pack, copies).ToList());
            var result = PackMerger.Merge(inputs, new MergeOptions { Policy = policy });
            Assert.True(result.Success, string.Join("\n", result.Errors));
            Assert.True(pack == result.Pack!, PackYamlWriter.ToSingleFileText(result.Pack!));
            Assert.All(result.Report, e => Assert.True(e.Reason is MergeReason.DuplicateCollapsed or MergeReason.NearDuplicate or MergeReason.RelatedMissing, e.ToString()));
        }, iter: 200);
        withQuestions.AssertAtLeast(0.6);
    }

    [Fact]
    public void Merging_the_output_again_with_an_input_changes_nothing()
    {
        Family.Sample(packs =>
        {
            var first = PackMerger.Merge(AsInputs(packs), new MergeOptions { Policy = ConflictPolicy.Ours });
            var again = PackMerger.Merge(AsInputs([first.Pack!, .. packs]), new MergeOptions { Policy = ConflictPolicy.Ours });
            Assert.True(again.Success);
            Assert.Equal(PackYamlWriter.ToSingleFileText(first.Pack!), PackYamlWriter.ToSingleFileText(again.Pack!));
        }, iter: 150);
    }

    [Fact]
    public void Input_order_does_not_change_the_result_under_fail()
    {
        var merged = new Coverage("merged successfully (same output compared)");
        var failed = new Coverage("failed with conflicts (same errors compared)");
        Gen.Select(Family, Gen.Int).Sample((packs, seed) =>
        {
            var shuffled = packs.OrderBy(_ => new Random(seed).Next()).Reverse().ToArray();
            var a = PackMerger.Merge(AsInputs(packs));
            var b = PackMerger.Merge(AsInputs(shuffled));
            merged.Count(a.Success);
            failed.Count(!a.Success);
            Assert.Equal(a.Success, b.Success);
            if (a.Success)
            {
                Assert.Equal(PackYamlWriter.ToSingleFileText(a.Pack!), PackYamlWriter.ToSingleFileText(b.Pack!));
            }
            else
            {
                Assert.Equal(a.Errors.Length, b.Errors.Length);
            }
        }, iter: 200);
        merged.AssertAtLeast(0.15);
        failed.AssertAtLeast(0.3);
    }

    private static QuestionPack Mini => PackReader.ReadPaths([Repo.MiniPack]).GetPacksOrThrow()[0];

    [Fact]
    public void Conflict_under_fail_names_both_locations()
    {
        var mini = Mini;
        var edited = mini with { Questions = [.. mini.Questions.Select(q => q.Id == "mini-a-002" ? q with { Prompt = "Changed?" } : q)] };
        var result = PackMerger.Merge(AsInputs([mini, edited]));
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MERGE010", error.Code);
        Assert.Matches(@"^in[01]\.yaml:\d+:\d+: error MERGE010: question 'mini-a-002' has different content at in[01]\.yaml:\d+:\d+ \(fields: prompt\); fix one side", error.ToString());
        Assert.Contains("in0.yaml", error.ToString());
        Assert.Contains("in1.yaml", error.ToString());
    }

    [Fact]
    public void Newest_prefers_the_higher_pack_version_then_the_later_date()
    {
        var mini = Mini;
        var newer = mini with { Version = "2.2.0", Questions = [.. mini.Questions.Select(q => q.Id == "mini-a-002" ? q with { Prompt = "Newer?" } : q)] };
        var result = PackMerger.Merge(AsInputs([newer, mini]), new MergeOptions { Policy = ConflictPolicy.Newest });
        Assert.True(result.Success);
        Assert.Equal("Newer?", result.Pack!.Questions.Single(q => q.Id == "mini-a-002").Prompt);
        Assert.Equal("2.2.0", result.Pack.Version); // the output equals the base (the newer input): no bump

        var later = mini with { Questions = [.. mini.Questions.Select(q => q.Id == "mini-a-002" ? q with { Prompt = "Later?", LastVerified = new DateOnly(2027, 1, 1) } : q)] };
        var byDate = PackMerger.Merge(AsInputs([mini, later]), new MergeOptions { Policy = ConflictPolicy.Newest });
        Assert.Equal("Later?", byDate.Pack!.Questions.Single(q => q.Id == "mini-a-002").Prompt);

        var tie = mini with { Questions = [.. mini.Questions.Select(q => q.Id == "mini-a-002" ? q with { Prompt = "Tie?" } : q)] };
        var undecided = PackMerger.Merge(AsInputs([mini, tie]), new MergeOptions { Policy = ConflictPolicy.Newest });
        Assert.False(undecided.Success);
        Assert.Contains("neither has a higher pack version nor a later lastVerified", undecided.Errors[0].Message);
    }

    [Fact]
    public void A_retired_id_cannot_come_back_from_another_input()
    {
        var mini = Mini;
        var retiring = mini with { Version = "3.0.0", Retired = [.. mini.Retired, "mini-a-001"], Questions = [.. mini.Questions.Where(q => q.Id != "mini-a-001")] };
        var result = PackMerger.Merge(AsInputs([mini, retiring]));
        Assert.True(result.Success);
        Assert.DoesNotContain(result.Pack!.Questions, q => q.Id == "mini-a-001");
        var entry = Assert.Single(result.Report, e => e.Reason == MergeReason.Retired);
        Assert.Equal("mini-a-001", entry.Subject);
        Assert.Contains("retired in in1.yaml", entry.Message);
        Assert.Equal("3.0.0", result.Pack.Version);
    }

    [Fact]
    public void Version_rule_bumps_the_highest_input_version_by_the_change()
    {
        var mini = Mini;
        var extra = mini.Questions[0] with { Id = "mini-z-001", Prompt = "A new question?" };
        var added = mini with { Version = "1.0.0", Questions = [extra] };
        var result = PackMerger.Merge(AsInputs([mini, added]));
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal("2.2.0", result.Pack!.Version);
        Assert.Equal(ChangeLevel.Minor, result.Change!.Required);
    }

    [Fact]
    public void Copies_that_differ_only_in_tags_get_the_union_of_the_tags()
    {
        var mini = Mini;
        var retagged = mini with { Questions = [.. mini.Questions.Select(q => q.Id == "mini-a-001" ? q with { Tags = ["basics", "new-tag"] } : q)] };
        var result = PackMerger.Merge(AsInputs([mini, retagged]));
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(["appraisal", "basics", "new-tag"], result.Pack!.Questions.Single(q => q.Id == "mini-a-001").Tags);
        var entry = Assert.Single(result.Report, e => e.Reason == MergeReason.TagsMerged);
        Assert.Equal(2, entry.Locations.Length);
        Assert.Equal("2.1.1", result.Pack.Version);
        var reversed = PackMerger.Merge(AsInputs([retagged, mini]));
        Assert.Equal(PackYamlWriter.ToSingleFileText(result.Pack), PackYamlWriter.ToSingleFileText(reversed.Pack!));

        var superset = mini with { Questions = [.. mini.Questions.Select(q => q.Id == "mini-a-001" ? q with { Tags = ["appraisal", "basics", "extra"] } : q)] };
        var one = PackMerger.Merge(AsInputs([mini, superset]));
        var two = PackMerger.Merge(AsInputs([superset, mini]));
        Assert.Equal(PackYamlWriter.ToSingleFileText(one.Pack!), PackYamlWriter.ToSingleFileText(two.Pack!));
    }

    [Fact]
    public void Near_duplicates_are_kept_and_flagged()
    {
        var mini = Mini;
        var copy = mini.Questions[0] with { Id = "mini-x-001", Prompt = "what is a PERFORMANCE appraisal" };
        var result = PackMerger.Merge(AsInputs([mini, mini with { Questions = [copy] }]));
        Assert.True(result.Success);
        Assert.Contains(result.Pack!.Questions, q => q.Id == "mini-x-001");
        var flag = Assert.Single(result.Report, e => e.Reason == MergeReason.NearDuplicate);
        Assert.Contains("'mini-a-001'", flag.Message);
        Assert.Contains("'mini-x-001'", flag.Message);
        Assert.Equal(2, flag.Locations.Length);
    }

    [Fact]
    public void Different_languages_and_different_pack_ids_are_errors()
    {
        var mini = Mini;
        var fr = PackMerger.Merge(AsInputs([mini, mini with { Language = "fr" }]));
        Assert.Equal("MERGE001", Assert.Single(fr.Errors).Code);
        Assert.Contains("different languages: en (in0.yaml), fr (in1.yaml)", fr.Errors[0].Message);
        var other = mini with { Id = "other", Questions = [] };
        var ids = PackMerger.Merge(AsInputs([mini, other]));
        Assert.Equal("MERGE002", Assert.Single(ids.Errors).Code);
        var named = PackMerger.Merge(AsInputs([mini, other]), new MergeOptions { PackId = "both" });
        Assert.True(named.Success);
        Assert.Equal("both", named.Pack!.Id);
    }

    [Fact]
    public void Related_cycles_are_harmless_and_missing_related_ids_are_flagged()
    {
        var mini = Mini;
        var cyc = mini with
        {
            Questions = [.. mini.Questions.Select(q => q.Id switch
            {
                "mini-a-001" => q with { Related = ["mini-a-002"] },
                "mini-a-002" => q with { Related = ["mini-a-001", "gone-001"] },
                _ => q,
            })],
        };
        var result = PackMerger.Merge(AsInputs([cyc, cyc]));
        Assert.True(result.Success);
        var flag = Assert.Single(result.Report, e => e.Reason == MergeReason.RelatedMissing);
        Assert.Contains("'gone-001'", flag.Message);
    }

    [Fact]
    public void A_thousand_inputs_merge()
    {
        var mini = Mini;
        var inputs = Enumerable.Range(0, 1000).Select(i => new MergeInput($"in{i}.yaml", mini with
        {
            Questions = [mini.Questions[i % mini.Questions.Length] with { Id = $"gen-{i:D4}", Prompt = $"Question number {i}?", Location = new SourceLocation($"in{i}.yaml", 3, 5) }],
        })).ToList();
        var result = PackMerger.Merge(inputs);
        Assert.True(result.Success);
        Assert.Equal(1000, result.Pack!.Questions.Length);
        Assert.Equal("2.2.0", result.Pack.Version);
    }
}
