using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Practice.Tests;

/// <summary>
/// The FSRS-6 port replays the review histories of <c>tests/golden/fsrs6-vectors.json</c>, generated
/// by the ts-fsrs 5.4.2 reference (<c>tests/js-fsrs/generate-vectors.mjs</c>), and must give the same
/// stability and difficulty (to the reference's 8 decimals), due dates, intervals and counters.
/// </summary>
public class FsrsTests
{
    private static readonly string VectorsPath = Repo.PathOf("tests", "golden", "fsrs6-vectors.json");

    [Fact]
    public void Replays_the_ts_fsrs_vectors_exactly()
    {
        Assert.True(File.Exists(VectorsPath), "tests/golden/fsrs6-vectors.json is missing (regenerate: cd tests/js-fsrs && npm ci && node generate-vectors.mjs > ../golden/fsrs6-vectors.json)");
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorsPath));
        var root = doc.RootElement;
        var parameters = root.GetProperty("parameters");
        Assert.Equal(FsrsParameters.DefaultWeights, parameters.GetProperty("w").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(0.9, parameters.GetProperty("request_retention").GetDouble());
        Assert.False(parameters.GetProperty("enable_short_term").GetBoolean());
        Assert.False(parameters.GetProperty("enable_fuzz").GetBoolean());

        var scheduler = FsrsScheduler.Default;
        int reviews = 0;
        foreach (var history in root.GetProperty("histories").EnumerateArray())
        {
            var card = ReviewCard.New(DateTimeOffset.Parse(history.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            int step = 0;
            foreach (var review in history.GetProperty("reviews").EnumerateArray())
            {
                var at = DateTimeOffset.Parse(review.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                card = scheduler.Review(card, (Rating)review.GetProperty("rating").GetInt32(), at);
                string where = $"history starting {history.GetProperty("start").GetString()}, review {step}";
                Assert.True(Math.Abs(review.GetProperty("stability").GetDouble() - card.Stability) <= 1e-8, $"{where}: stability {card.Stability} != {review.GetProperty("stability").GetDouble()}");
                Assert.True(Math.Abs(review.GetProperty("difficulty").GetDouble() - card.Difficulty) <= 1e-8, $"{where}: difficulty {card.Difficulty} != {review.GetProperty("difficulty").GetDouble()}");
                Assert.Equal(DateTimeOffset.Parse(review.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture), card.Due);
                Assert.Equal(review.GetProperty("scheduledDays").GetInt32(), card.ScheduledDays);
                Assert.Equal(review.GetProperty("elapsedDays").GetInt32(), card.ElapsedDays);
                Assert.Equal(review.GetProperty("reps").GetInt32(), card.Reps);
                Assert.Equal(review.GetProperty("lapses").GetInt32(), card.Lapses);
                Assert.Equal(review.GetProperty("state").GetInt32(), (int)card.State);
                step++;
                reviews++;
            }
        }

        Assert.True(reviews >= 900, $"only {reviews} reviews in the vectors");
    }

    [Fact]
    public void First_ratings_order_intervals_and_again_counts_lapses_only_after_the_first_review()
    {
        var now = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var cards = Enum.GetValues<Rating>().Select(r => FsrsScheduler.Default.Review(ReviewCard.New(now), r, now)).ToList();
        Assert.True(cards.Zip(cards.Skip(1)).All(p => p.First.ScheduledDays < p.Second.ScheduledDays));
        Assert.All(cards, c => Assert.Equal(0, c.Lapses));
        var lapsed = FsrsScheduler.Default.Review(cards[2], Rating.Again, cards[2].Due);
        Assert.Equal(1, lapsed.Lapses);
        Assert.True(lapsed.Stability < cards[2].Stability);
        Assert.Equal(1.0, FsrsScheduler.Default.Retrievability(ReviewCard.New(now), now));
        Assert.InRange(FsrsScheduler.Default.Retrievability(cards[2], cards[2].Due), 0.85, 0.95); // scheduled for 90%, intervals whole days
        Assert.Throws<ArgumentOutOfRangeException>(() => FsrsScheduler.Default.Review(cards[0], (Rating)5, now));
        Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsParameters { Weights = [1, 2, 3] }));
    }

    /// <summary>Regenerates the vectors with Node and ts-fsrs and compares them with the committed file. Needs node and npm.</summary>
    [Fact]
    [Trait("Category", "External")]
    public void Golden_vectors_match_a_fresh_ts_fsrs_run()
    {
        string dir = Repo.PathOf("tests", "js-fsrs");
        if (!File.Exists(Path.Combine(dir, "node_modules", "ts-fsrs", "package.json")))
        {
            var (code, o, e) = Run(dir, "npm", "ci", "--no-audit", "--no-fund");
            Assert.True(code == 0, $"npm ci in tests/js-fsrs failed ({code}):\n{o}\n{e}");
        }

        var (exit, output, error) = Run(dir, "node", "generate-vectors.mjs");
        Assert.True(exit == 0, error);
        Assert.Equal(File.ReadAllText(VectorsPath).Replace("\r\n", "\n", StringComparison.Ordinal), output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static (int Code, string Out, string Err) Run(string dir, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"'{program}' is required by this External test (Node.js 20+ with npm) but could not be started: {ex.Message}");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{program} timed out");
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
