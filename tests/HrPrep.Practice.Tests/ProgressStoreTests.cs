using HrPrep.Content;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Practice.Tests;

public class ProgressStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    private static Question Q(string id, string category) => new()
    {
        Id = id,
        PackId = "p",
        Prompt = "Prompt of " + id,
        Category = category,
        Type = QuestionType.RoleKnowledge,
        Level = QuestionLevel.Entry,
        Answer = new ModelAnswer("Answer.", ["Point one", "Point two"]),
    };

    private static QuestionBank Pack(string version, string[] retired, params Question[] questions) => new([new QuestionPack
    {
        Id = "p",
        Version = version,
        Title = "P",
        Language = "en",
        License = "CC-BY-4.0",
        Categories = [new Category("a", "A", null), new Category("b", "B", null)],
        Retired = [.. retired],
        Questions = [.. questions],
    }]);

    [Fact]
    public void Records_reviews_with_the_scheduler_and_reads_them_back_after_reopening()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "sub", "progress.db");
        using (var store = ProgressStore.Open(path))
        {
            var card = store.Record(new ReviewRecord("p-001", "a", T0, Rating.Good, 0.6, "1.0.0"));
            Assert.Equal(FsrsScheduler.Default.Review(ReviewCard.New(T0), Rating.Good, T0), card);
            var again = store.Record(new ReviewRecord("p-001", "a", card.Due, Rating.Again, 0.2, "1.0.0"));
            Assert.Equal(FsrsScheduler.Default.Review(card, Rating.Again, card.Due), again);
        }

        using (var reopened = ProgressStore.Open(path))
        {
            var card = reopened.GetCard("p-001");
            Assert.NotNull(card);
            Assert.Equal(2, card.Reps);
            Assert.Equal(1, card.Lapses);
            Assert.Equal([Rating.Good, Rating.Again], reopened.Reviews("p-001").Select(r => r.Rating));
            Assert.Equal([0.6, 0.2], reopened.Reviews().Select(r => r.Coverage!.Value));
            Assert.Null(reopened.GetCard("p-002"));
        }
    }

    [Fact]
    public void Json_export_and_import_round_trip_and_reimport_adds_nothing()
    {
        using var dir = new TempDir();
        using var source = ProgressStore.Open(Path.Combine(dir.Path, "a.db"));
        source.NoteContentVersion("1.0.0");
        source.Record(new ReviewRecord("p-001", "a", T0, Rating.Hard, 0.4, "1.0.0"));
        source.Record(new ReviewRecord("p-002", "b", T0.AddMinutes(5), Rating.Easy, null, "1.0.0"));
        source.Record(new ReviewRecord("p-001", "a", T0.AddDays(3), Rating.Good, 0.8, "1.0.0"));
        var json = new MemoryStream();
        source.Export(json);

        using var target = ProgressStore.Open(Path.Combine(dir.Path, "b.db"));
        Assert.Equal(3, target.Import(new MemoryStream(json.ToArray())));
        Assert.Equal(source.Cards(), target.Cards());
        Assert.Equal(source.Reviews(), target.Reviews());
        Assert.Equal(0, target.Import(new MemoryStream(json.ToArray())));
        Assert.Equal(3, target.Reviews().Count);

        var again = new MemoryStream();
        target.Export(again);
        var text = System.Text.Encoding.UTF8.GetString(json.ToArray());
        Assert.Contains("\"format\": \"hrprep-progress\"", text, StringComparison.Ordinal);
        Assert.Equal(text.Replace("\"contentVersion\": \"1.0.0\",\n  \"cards\"", "\"contentVersion\": null,\n  \"cards\"", StringComparison.Ordinal), System.Text.Encoding.UTF8.GetString(again.ToArray()));
    }

    [Fact]
    public void Import_rejects_other_json_and_changes_nothing()
    {
        using var dir = new TempDir();
        using var store = ProgressStore.Open(Path.Combine(dir.Path, "a.db"));
        store.Record(new ReviewRecord("p-001", "a", T0, Rating.Hard, 0.4, "1.0.0"));
        Assert.Throws<ProgressStoreException>(() => store.Import(new MemoryStream("{\"a\":1}"u8.ToArray())));
        Assert.Throws<ProgressStoreException>(() => store.Import(new MemoryStream("not json"u8.ToArray())));
        Assert.Throws<ProgressStoreException>(() => store.Import(new MemoryStream("{\"format\":\"hrprep-progress\",\"version\":99,\"cards\":[],\"reviews\":[]}"u8.ToArray())));
        var bad = "{\"format\":\"hrprep-progress\",\"version\":1,\"cards\":[],\"reviews\":[{\"id\":\"p-009\",\"category\":\"a\",\"at\":\"2026-11-02T09:30:00Z\",\"rating\":3,\"coverage\":null,\"contentVersion\":\"1\"},{\"id\":\"p-010\"}]}";
        Assert.Throws<ProgressStoreException>(() => store.Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(bad))));
        Assert.Throws<ProgressStoreException>(() => store.Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(bad.Replace("{\"id\":\"p-010\"}", "{\"id\":null,\"category\":\"a\",\"at\":\"2026-11-02T09:30:00Z\",\"rating\":3,\"coverage\":null,\"contentVersion\":\"1\"}", StringComparison.Ordinal)))));
        Assert.Throws<ProgressStoreException>(() => store.Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(bad.Replace("{\"id\":\"p-010\"}", "{\"id\":\"p-011\",\"category\":\"a\",\"at\":\"2026-11-02T09:30:00Z\",\"rating\":7,\"coverage\":null,\"contentVersion\":\"1\"}", StringComparison.Ordinal)))));
        Assert.Single(store.Reviews());
    }

    [Fact]
    public void Not_a_store_or_a_newer_store_is_refused()
    {
        using var dir = new TempDir();
        string junk = dir.File("junk.db", "this is not sqlite at all, just text that is long enough to look like a header......");
        Assert.Throws<ProgressStoreException>(() => ProgressStore.Open(junk));

        string newer = Path.Combine(dir.Path, "newer.db");
        using (var s = ProgressStore.Open(newer))
        {
        }

        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={newer};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema_version'";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<ProgressStoreException>(() => ProgressStore.Open(newer));
        Assert.Contains("newer version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_survives_a_pack_version_change_that_retires_and_adds_questions()
    {
        var v1 = Pack("1.0.0", [], Q("p-001", "a"), Q("p-002", "a"), Q("p-003", "b"));
        var v2 = Pack("2.0.0", ["p-002"], Q("p-001", "a"), Q("p-003", "b"), Q("p-004", "b"));
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "progress.db");
        using (var store = ProgressStore.Open(path))
        {
            store.NoteContentVersion(v1.ContentVersion);
            foreach (var q in v1.Questions)
            {
                store.Record(new ReviewRecord(q.Id, q.Category, T0, Rating.Again, 0.1, v1.ContentVersion));
            }
        }

        using (var store = ProgressStore.Open(path))
        {
            Assert.Equal("1.0.0", store.ContentVersion);
            store.NoteContentVersion(v2.ContentVersion);
            Assert.Equal("2.0.0", store.ContentVersion);
            Assert.Equal(["p-002"], store.RetiredIds(v2));
            Assert.Equal(3, store.Cards().Count); // the retired question's progress is kept
            var summary = PracticePlanner.Summarize(v2, store.Cards(), store.Reviews(), T0.AddDays(30));
            Assert.Equal(["p-001", "p-003"], summary.Due); // due and still in the content
            Assert.Equal(["p-002"], summary.Retired);

            var session = PracticePlanner.Choose(v2, store.Cards(), new PracticeRequest { Count = 3, DueFirst = true, Seed = 7 }, T0.AddDays(30));
            Assert.Equal(["p-001", "p-003", "p-004"], session.Select(q => q.Id));
            store.Record(new ReviewRecord("p-004", "b", T0.AddDays(30), Rating.Good, 0.9, v2.ContentVersion));
            Assert.Equal(["1.0.0", "1.0.0", "1.0.0", "2.0.0"], store.Reviews().Select(r => r.ContentVersion));
        }
    }

    [Fact]
    public void Summary_ranks_categories_and_tracks_coverage_by_week()
    {
        var bank = Pack("1.0.0", [], Q("p-001", "a"), Q("p-002", "b"));
        var reviews = new[]
        {
            new ReviewRecord("p-001", "a", T0, Rating.Hard, 0.2, "1.0.0"),
            new ReviewRecord("p-002", "b", T0, Rating.Good, 0.8, "1.0.0"),
            new ReviewRecord("p-001", "a", T0.AddDays(7), Rating.Good, 0.6, "1.0.0"),
        };
        var summary = PracticePlanner.Summarize(bank, new Dictionary<string, ReviewCard>(), reviews, T0);
        Assert.Equal(["b", "a"], summary.Categories.Select(c => c.Category));
        Assert.Equal(0.4, summary.Categories[1].MeanCoverage);
        Assert.Equal(2.5, summary.Categories[1].MeanRating);
        Assert.Equal(["2026-W45", "2026-W46"], summary.CoverageOverTime.Select(p => p.Week));
        Assert.Equal([0.5, 0.6], summary.CoverageOverTime.Select(p => p.MeanCoverage));
    }

    [Fact]
    public void Choose_is_reproducible_and_respects_categories()
    {
        var bank = QuestionBank.Default;
        var empty = new Dictionary<string, ReviewCard>();
        var a = PracticePlanner.Choose(bank, empty, new PracticeRequest { Count = 4, Seed = 42, Categories = ["rater-bias"] }, T0);
        var b = PracticePlanner.Choose(bank, empty, new PracticeRequest { Count = 4, Seed = 42, Categories = ["rater-bias"] }, T0);
        Assert.Equal(a.Select(q => q.Id), b.Select(q => q.Id));
        Assert.Equal(4, a.Length);
        Assert.All(a, q => Assert.Equal("rater-bias", q.Category));
        Assert.NotEqual(a.Select(q => q.Id), PracticePlanner.Choose(bank, empty, new PracticeRequest { Count = 4, Seed = 43, Categories = ["rater-bias"] }, T0).Select(q => q.Id));
    }
}
