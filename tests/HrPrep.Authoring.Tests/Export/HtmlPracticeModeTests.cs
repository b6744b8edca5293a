using System.Text.Json;
using HrPrep.Authoring.Export;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

/// <summary>The study page's practice mode: its FSRS script against the golden vectors, and the mode in headless Chromium.</summary>
public class HtmlPracticeModeTests
{
    [Fact]
    [Trait("Category", "External")]
    public void Page_fsrs_script_replays_the_ts_fsrs_golden_vectors()
    {
        using var dir = new TempDir();
        string script = dir.File("fsrs.js", HtmlExporter.FsrsScript);
        var (code, o, e) = NodeTools.Node(Repo.PathOf("tests", "js-fsrs", "check-page-fsrs.mjs"), script, Repo.PathOf("tests", "golden", "fsrs6-vectors.json"));
        Assert.True(code == 0, e);
        var r = JsonDocument.Parse(o).RootElement;
        Assert.True(r.GetProperty("reviews").GetInt32() >= 900);
        Assert.True(r.GetProperty("mismatchCount").GetInt32() == 0, o);
    }

    // Headless Chromium: HRPREP_CHROMIUM when set, else the npm package @sparticuz/chromium (tests/js/chromium.mjs).
    [Fact]
    [Trait("Category", "External")]
    public void Practice_mode_rates_with_fsrs_keeps_progress_in_local_storage_and_filters_due_questions()
    {
        using var dir = new TempDir();
        string html = dir.Bytes("study.html", ExportFixtures.Export(new HtmlExporter(), ExportFixtures.Mini));
        var (code, o, e) = NodeTools.Node("check-practice.mjs", html);
        Assert.True(code == 0, $"check-practice.mjs failed ({code}): {e}");
        var r = JsonDocument.Parse(o).RootElement;

        Assert.Empty(r.GetProperty("consoleErrors").EnumerateArray());
        Assert.Empty(r.GetProperty("pageErrors").EnumerateArray());
        Assert.Empty(r.GetProperty("externalRequests").EnumerateArray());
        Assert.Equal(0, r.GetProperty("before").GetProperty("practiceShown").GetInt32());
        Assert.True(r.GetProperty("before").GetProperty("dueToggleHidden").GetBoolean());
        Assert.Equal(8, r.GetProperty("on").GetProperty("practiceShown").GetInt32());
        Assert.Equal("true", r.GetProperty("on").GetProperty("pressed").GetString());
        Assert.False(r.GetProperty("on").GetProperty("dueToggleHidden").GetBoolean());
        Assert.Equal("Not practised yet.", r.GetProperty("schedBefore").GetString());
        Assert.Equal("TEXTAREA", r.GetProperty("typingKeepsFocus").GetString());

        string first = r.GetProperty("first").GetString()!;
        var after = r.GetProperty("afterRating");
        Assert.True(after.GetProperty("answerShown").GetBoolean());
        Assert.Matches(@"^Next review in \d+ days? \(\d{4}-\d{2}-\d{2}\) · reviews: 1, lapses: 0$", after.GetProperty("sched").GetString());
        var card = after.GetProperty("stored").GetProperty("cards").GetProperty(first[2..]);
        var expected = HrPrep.Practice.FsrsScheduler.Default.Review(HrPrep.Practice.ReviewCard.New(DateTimeOffset.UtcNow), HrPrep.Practice.Rating.Good, DateTimeOffset.UtcNow);
        Assert.Equal(expected.Stability, card.GetProperty("stability").GetDouble());
        Assert.Equal(expected.Difficulty, card.GetProperty("difficulty").GetDouble());
        Assert.Equal(expected.ScheduledDays, card.GetProperty("scheduledDays").GetInt32());
        Assert.Equal("I would set goals jjkk together.", after.GetProperty("stored").GetProperty("answers").GetProperty(first[2..]).GetString());

        Assert.Equal(after.GetProperty("sched").GetString(), r.GetProperty("afterReload").GetProperty("sched").GetString());
        Assert.Equal("I would set goals jjkk together.", r.GetProperty("afterReload").GetProperty("draft").GetString());
        var due = r.GetProperty("dueOnly");
        Assert.Equal(due.GetProperty("total").GetInt32() - 1, due.GetProperty("shown").GetInt32());
        Assert.True(due.GetProperty("firstHidden").GetBoolean());
        Assert.Equal($"{due.GetProperty("total").GetInt32() - 1} of {due.GetProperty("total").GetInt32()} questions", due.GetProperty("countText").GetString());
        Assert.Equal(0, r.GetProperty("off").GetProperty("practiceShown").GetInt32());
    }
}
