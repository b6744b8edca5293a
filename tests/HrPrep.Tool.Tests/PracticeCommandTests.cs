using System.Text.Json;
using HrPrep.Practice;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>score, practice and progress, run in-process; practice is driven through redirected input.</summary>
public class PracticeCommandTests
{
    private static (int Code, string Out, string Err) Run(string input, params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, o, e, input: new StringReader(input));
        return (code, o.ToString(), e.ToString());
    }

    private const string GoalsAnswer = "I work top down from company strategy and bottom up from teams.\nEach goal names the team outcome it serves.\n";

    [Fact]
    public void Score_scorer_option_is_lexical_by_default_and_semantic_only_in_a_build_that_has_it()
    {
        using var dir = new TempDir();
        string file = dir.File("answer.txt", GoalsAnswer);
        var (code, byDefault, _) = Run(string.Empty, "score", "hrpm-goals-001", "--answer-file", file, "--format", "json");
        var (lexicalCode, lexical, _) = Run(string.Empty, "score", "hrpm-goals-001", "--answer-file", file, "--format", "json", "--scorer", "lexical");
        Assert.Equal(0, code);
        Assert.Equal(0, lexicalCode);
        Assert.Equal(byDefault, lexical);

        var (semanticCode, semantic, err) = Run(string.Empty, "score", "hrpm-goals-001", "--answer-file", file, "--scorer", "semantic");
        if (Commands.SemanticScoring.Available)
        {
            Assert.True(semanticCode == 0, err);
            Assert.Contains("key points covered", semantic, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(2, semanticCode);
            Assert.Contains("error SCORER: the semantic scorer is not in this build", err, StringComparison.Ordinal);
            Assert.Equal(string.Empty, semantic);
        }

        var (badCode, _, badErr) = Run(string.Empty, "score", "hrpm-goals-001", "--answer-file", file, "--scorer", "neural");
        Assert.Equal(2, badCode);
        Assert.Contains("neural", badErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_json_has_exactly_the_documented_shape()
    {
        using var dir = new TempDir();
        string file = dir.File("answer.txt", GoalsAnswer);
        var (code, o, e) = Run(string.Empty, "score", "hrpm-goals-001", "--answer-file", file, "--format", "json");
        Assert.True(code == 0, e);
        using var doc = JsonDocument.Parse(o);
        var root = doc.RootElement;
        Assert.Equal(["id", "coverage", "keyPoints", "redFlags"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("hrpm-goals-001", root.GetProperty("id").GetString());
        var kp = root.GetProperty("keyPoints").EnumerateArray().ToList();
        Assert.Equal(5, kp.Count);
        Assert.All(kp, k => Assert.Equal(["index", "text", "covered", "score", "evidence"], k.EnumerateObject().Select(p => p.Name)));
        Assert.True(kp[0].GetProperty("covered").GetBoolean());
        Assert.Equal("I work top down from company strategy and bottom up from teams.", kp[0].GetProperty("evidence").GetString());
        Assert.All(kp.Where(k => !k.GetProperty("covered").GetBoolean()), k => Assert.Equal(JsonValueKind.Null, k.GetProperty("evidence").ValueKind));
        Assert.False(kp[3].GetProperty("covered").GetBoolean());
        Assert.All(root.GetProperty("redFlags").EnumerateArray(), r => Assert.Equal(["index", "text", "hit"], r.EnumerateObject().Select(p => p.Name)));
        double expected = AnswerScorer.Score(Content.QuestionBank.Default["hrpm-goals-001"], GoalsAnswer).Coverage;
        Assert.Equal(expected, root.GetProperty("coverage").GetDouble());
    }

    [Fact]
    public void Score_reads_standard_input_and_prints_text()
    {
        var (code, o, _) = Run("I work top down from company strategy and bottom up from teams.", "score", "hrpm-goals-001", "--answer-file", "-");
        Assert.Equal(0, code);
        Assert.StartsWith("hrpm-goals-001: 1 of 5 key points covered (coverage 0.20)\n  [x] Works top down from strategy and bottom up from teams  (1.00)\n      you said: \"I work top down from company strategy and bottom up from teams.\"\n", o, StringComparison.Ordinal);
        Assert.Contains("  [x] Works top down from strategy and bottom up from teams", o, StringComparison.Ordinal);
        Assert.Contains("  [ ] Uses SMART goals", o, StringComparison.Ordinal);
        Assert.Contains("No red flags found.", o, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_errors_are_one_line_with_documented_exit_codes()
    {
        using var dir = new TempDir();
        string bad = dir.Bytes("bad.txt", [0x66, 0xff, 0xfe, 0x41]);
        string ok = dir.File("ok.txt", "text");
        var cases = new (string[] Args, int Code, string Message)[]
        {
            (["score", "hrpm-nope-001", "--answer-file", ok], 1, "error NOTFOUND: no question has the id 'hrpm-nope-001'"),
            (["score", "hrpm-goals-001", "--answer-file", Path.Combine(dir.Path, "missing.txt")], 3, "error ANSWER:"),
            (["score", "hrpm-goals-001", "--answer-file", bad], 3, "not UTF-8 text"),
            (["score", "hrpm-goals-001"], 2, "error USAGE:"),
        };
        foreach (var (args, expectedCode, message) in cases)
        {
            var (code, o, e) = Run(string.Empty, args);
            Assert.Equal(expectedCode, code);
            Assert.Contains(message, e, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", e, StringComparison.Ordinal);
            Assert.Equal(string.Empty, o);
        }
    }

    [Fact]
    public void Practice_loop_driven_by_redirected_input_gives_feedback_and_saves_ratings()
    {
        using var dir = new TempDir();
        string store = Path.Combine(dir.Path, "progress.db");
        string input = GoalsAnswer + ".\nx\n4\n" + "I do not know.\n.\n\n";
        var (code, o, e) = Run(input, "practice", "--count", "2", "--seed", "5", "--category", "goals-and-alignment", "--store", store, "--time", "2m");
        Assert.True(code == 0, e);
        Assert.Contains("Question 1 of 2  [hrpm-goals-001 · Goals and alignment · mid]", o, StringComparison.Ordinal);
        Assert.Contains("You have 2:00. Type your answer; end it with a line holding only \".\".", o, StringComparison.Ordinal);
        Assert.Contains("Feedback: 3 of 5 key points covered (60%).", o, StringComparison.Ordinal);
        Assert.Contains("  [ ] missed: Uses SMART goals for routine work and learning goals for new or complex work", o, StringComparison.Ordinal);
        Assert.Contains("Example answer (one good way to answer, not the only one):", o, StringComparison.Ordinal);
        Assert.Contains("Follow-up questions an interviewer may ask:\n  - Strategy changes in the middle of the year.", o, StringComparison.Ordinal);
        Assert.Contains("Please type 1, 2, 3 or 4.", o, StringComparison.Ordinal);
        Assert.Contains("Question 2 of 2", o, StringComparison.Ordinal);
        Assert.Contains("Session over: 2 questions saved", o, StringComparison.Ordinal);

        using var progress = ProgressStore.Open(store);
        var reviews = progress.Reviews();
        Assert.Equal(2, reviews.Count);
        Assert.Equal("hrpm-goals-001", reviews[0].QuestionId);
        Assert.Equal(Rating.Easy, reviews[0].Rating);
        Assert.Equal(0.6, reviews[0].Coverage);
        Assert.Equal(Rating.Again, reviews[1].Rating); // Enter took the suggestion for 0% coverage
        Assert.Equal(HrPrep.Content.QuestionBank.Default.ContentVersion, progress.ContentVersion);
    }

    [Fact]
    public void Practice_ends_cleanly_at_end_of_input_and_keeps_what_was_rated()
    {
        using var dir = new TempDir();
        string store = Path.Combine(dir.Path, "p.db");
        var (code, o, _) = Run("An answer.\n.\n2\nhalf an answer", "practice", "--count", "3", "--seed", "1", "--store", store);
        Assert.Equal(0, code);
        Assert.Contains("No rating given: this question is not saved.", o, StringComparison.Ordinal);
        Assert.Contains("Session over: 1 question saved", o, StringComparison.Ordinal);
        using var progress = ProgressStore.Open(store);
        Assert.Single(progress.Reviews());
    }

    [Fact]
    public void Practice_due_asks_due_questions_first()
    {
        using var dir = new TempDir();
        string store = Path.Combine(dir.Path, "p.db");
        using (var s = ProgressStore.Open(store))
        {
            s.Record(new ReviewRecord("hrpm-bias-002", "rater-bias", DateTimeOffset.UtcNow.AddDays(-40), Rating.Again, 0.1, "1.0.0"));
        }

        var (code, o, _) = Run(".\n3\n", "practice", "--due", "--count", "1", "--seed", "5", "--store", store);
        Assert.Equal(0, code);
        Assert.Contains("Question 1 of 1  [hrpm-bias-002", o, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--time", "soon", 2, "--time 'soon' is not a duration")]
    [InlineData("--category", "nope", 2, "no question has the category 'nope'")]
    [InlineData("--count", "0", 2, "--count must be between 1 and 500")]
    public void Practice_usage_errors(string option, string value, int expected, string message)
    {
        using var dir = new TempDir();
        var (code, _, e) = Run(string.Empty, "practice", option, value, "--store", Path.Combine(dir.Path, "p.db"));
        Assert.Equal(expected, code);
        Assert.Contains(message, e, StringComparison.Ordinal);
    }

    [Fact]
    public void Practice_and_progress_refuse_an_unreadable_store_with_exit_3()
    {
        using var dir = new TempDir();
        string junk = dir.File("junk.db", new string('x', 200));
        foreach (var args in new[] { new[] { "practice", "--store", junk }, ["progress", "--store", junk] })
        {
            var (code, _, e) = Run(string.Empty, args);
            Assert.Equal(3, code);
            Assert.StartsWith("hrprep: error STORE: ", e, StringComparison.Ordinal);
            Assert.Equal(1, e.Count(c => c == '\n'));
        }
    }

    [Theory]
    [InlineData("3m", 180)]
    [InlineData("90s", 90)]
    [InlineData("2m30s", 150)]
    [InlineData("1h", 3600)]
    [InlineData("0", 0)]
    public void Time_option_parses_durations(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Commands.PracticeCommand.ParseTime(text));

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("-1m")]
    [InlineData("3h")]
    [InlineData("m")]
    public void Time_option_rejects_other_text(string text) => Assert.Null(Commands.PracticeCommand.ParseTime(text));

    [Fact]
    public void Progress_shows_due_categories_and_coverage_and_round_trips_json()
    {
        using var dir = new TempDir();
        string store = Path.Combine(dir.Path, "p.db");
        using (var s = ProgressStore.Open(store))
        {
            s.Record(new ReviewRecord("hrpm-bias-002", "rater-bias", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), Rating.Again, 0.2, "1.0.0"));
            s.Record(new ReviewRecord("hrpm-goals-001", "goals-and-alignment", new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero), Rating.Good, 0.8, "1.0.0"));
            s.Record(new ReviewRecord("hrpm-gone-001", "goals-and-alignment", new DateTimeOffset(2026, 1, 6, 9, 5, 0, TimeSpan.Zero), Rating.Good, 0.6, "0.9.0"));
        }

        var (code, o, _) = Run(string.Empty, "progress", "--store", store);
        Assert.Equal(0, code);
        Assert.Contains("Questions practised: 3; due now: 2", o, StringComparison.Ordinal);
        Assert.Contains("  due  hrpm-bias-002  ", o, StringComparison.Ordinal);
        Assert.Contains("Kept progress of 1 question(s) no longer in the content: hrpm-gone-001", o, StringComparison.Ordinal);
        Assert.Contains("   70%  3.0     2  goals-and-alignment\n   20%  1.0     1  rater-bias\n", o, StringComparison.Ordinal);
        Assert.Contains("  2026-W02   53%  ", o, StringComparison.Ordinal);

        string json = Path.Combine(dir.Path, "p.json");
        Assert.Equal(0, Run(string.Empty, "progress", "--store", store, "--export", json).Code);
        var (again, _, err) = Run(string.Empty, "progress", "--store", store, "--export", json);
        Assert.Equal(2, again);
        Assert.Contains("exists; use --force", err, StringComparison.Ordinal);

        string other = Path.Combine(dir.Path, "q.db");
        var (imported, io, _) = Run(string.Empty, "progress", "--store", other, "--import", json);
        Assert.Equal(0, imported);
        Assert.Contains("Imported 3 reviews", io, StringComparison.Ordinal);
        using var a = ProgressStore.Open(store);
        using var b = ProgressStore.Open(other);
        Assert.Equal(a.Cards(), b.Cards());
        Assert.Equal(a.Reviews(), b.Reviews());

        var (badCode, _, badErr) = Run(string.Empty, "progress", "--store", other, "--import", dir.File("bad.json", "{}"));
        Assert.Equal(3, badCode);
        Assert.Contains("nothing was imported", badErr, StringComparison.Ordinal);
    }
}
