using HrPrep.Packs;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HrPrep.Content;
using HrPrep.Practice;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep practice</c>: a timed mock interview with feedback and spaced repetition.</summary>
internal static partial class PracticeCommand
{
    /// <summary>The <c>--store</c> option shared with <c>progress</c>.</summary>
    internal static Option<string?> StoreOption() => new("--store")
    {
        Description = $"The progress file (SQLite; default: hrprep/progress.db in your local data folder, here {ProgressStore.DefaultPath}).",
    };

    /// <summary>Opens the store at a path (or the default), turning failures into exit code 3.</summary>
    internal static ProgressStore OpenStore(string? path)
    {
        path ??= ProgressStore.DefaultPath;
        try
        {
            return ProgressStore.Open(path);
        }
        catch (ProgressStoreException ex)
        {
            throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Store, DiagnosticText.OneLine(ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Store, $"{path}: cannot open: {DiagnosticText.OneLine(ex.Message)}");
        }
    }

    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var count = new Option<int>("--count", "-n") { Description = "How many questions (default 5).", DefaultValueFactory = _ => 5 };
        var seed = new Option<ulong?>("--seed") { Description = "Seed for drawing questions; the same seed, content and progress give the same session (default: from the clock, printed)." };
        var due = new Option<bool>("--due") { Description = "Ask the questions due for review first (most overdue first), then new ones." };
        var category = new Option<string[]>("--category") { Description = "Only questions of this category id (repeatable).", Arity = ArgumentArity.OneOrMore };
        var time = new Option<string>("--time", "-t") { Description = "Time per answer, e.g. 3m, 90s, 2m30s; 0 for no limit (default 3m).", DefaultValueFactory = _ => "3m" };
        var store = StoreOption();
        var command = new Command("practice", """
            A mock interview: one question at a time, a countdown, your typed answer, then feedback
            (key points covered and missed, red flags, the model answer as an example, follow-ups)
            and a self-rating 1-4 that schedules the next review (FSRS-6). Progress is saved after
            every question, so Ctrl+C keeps everything already rated.

            Answer entry: type or paste any number of lines; finish with a line holding only "."
            (or end of input). An empty answer just shows the feedback. At the rating prompt, press
            Enter for the suggested rating or type 1 (again), 2 (hard), 3 (good) or 4 (easy).

            Examples:
              dotnet hrprep practice
              dotnet hrprep practice --count 3 --category rater-bias --time 2m
              dotnet hrprep practice --due --seed 7 --store ./my-progress.db
            """);
        foreach (var o in new Option[] { count, seed, due, category, time, store })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            int n = parse.GetValue(count);
            if (n is < 1 or > 500)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "--count must be between 1 and 500");
            }

            TimeSpan? limit = ParseTime(parse.GetValue(time)!)
                ?? throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"--time '{parse.GetValue(time)}' is not a duration such as 3m, 90s or 0");
            if (limit == TimeSpan.Zero)
            {
                limit = null;
            }

            var bank = QuestionBank.Default;
            var categories = parse.GetValue(category) ?? [];
            foreach (var c in categories)
            {
                if (!bank.Questions.Any(q => q.Category == c))
                {
                    throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"no question has the category '{c}'");
                }
            }

            ulong s = parse.GetValue(seed) ?? (ulong)DateTime.UtcNow.Ticks % 1_000_000;
            using var progress = OpenStore(parse.GetValue(store));
            progress.NoteContentVersion(bank.ContentVersion);
            var questions = PracticePlanner.Choose(bank, progress.Cards(), new PracticeRequest { Count = n, Seed = s, DueFirst = parse.GetValue(due), Categories = [.. categories] }, DateTimeOffset.UtcNow);
            if (questions.IsEmpty)
            {
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.Empty, "no question to practise");
            }

            return new Session(context, bank, progress, limit).Run(questions, s, parse.GetValue(seed) is null);
        }));
        return command;
    }

    /// <summary>Parses 3m, 90s, 2m30s, 1h or 0; null when invalid.</summary>
    internal static TimeSpan? ParseTime(string text)
    {
        text = text.Trim();
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var m = DurationPattern().Match(text);
        if (!m.Success || text.Length == 0)
        {
            return null;
        }

        static int Part(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        var span = new TimeSpan(Part(m.Groups[1]), Part(m.Groups[2]), Part(m.Groups[3]));
        return span > TimeSpan.Zero && span <= TimeSpan.FromHours(2) ? span : null;
    }

    [GeneratedRegex(@"^(?:(\d{1,2})h)?(?:(\d{1,3})m)?(?:(\d{1,4})s)?$")]
    private static partial Regex DurationPattern();

    private sealed class Session(ToolContext context, QuestionBank bank, ProgressStore store, TimeSpan? limit)
    {
        private int saved;

        public int Run(IReadOnlyList<Question> questions, ulong seed, bool seedChosen)
        {
            var o = context.Out;
            o.WriteLine($"Mock interview: {questions.Count} question{(questions.Count == 1 ? "" : "s")}{(seedChosen ? $" (seed {seed}; --seed {seed} repeats it)" : string.Empty)}. Progress: {store.Path}");
            ConsoleCancelEventHandler onCancel = (_, _) =>
                context.Error.WriteLine($"\nInterrupted: {saved} rated answer{(saved == 1 ? "" : "s")} already saved to {store.Path}.");
            Console.CancelKeyPress += onCancel;
            try
            {
                var coverages = new List<double>();
                for (int i = 0; i < questions.Count; i++)
                {
                    var q = questions[i];
                    o.WriteLine();
                    o.WriteLine($"Question {i + 1} of {questions.Count}  [{q.Id} · {bank.CategoryOf(q).Title} · {q.Level.ToSchemaName()}]");
                    o.WriteLine();
                    o.WriteLine(q.Prompt);
                    if (q.Scenario is { } scenario)
                    {
                        o.WriteLine();
                        o.WriteLine(scenario.Text.TrimEnd());
                    }

                    o.WriteLine();
                    o.WriteLine(limit is { } l
                        ? $"You have {Clock(l)}. Type your answer; end it with a line holding only \".\"."
                        : "Type your answer; end it with a line holding only \".\".");
                    var (answer, ended) = ReadAnswer();
                    var score = AnswerScorer.Score(q, answer);
                    coverages.Add(score.Coverage);
                    Feedback(q, score);
                    var rating = ReadRating(score);
                    if (rating is null)
                    {
                        o.WriteLine("No rating given: this question is not saved.");
                        break;
                    }

                    var card = store.Record(new ReviewRecord(q.Id, q.Category, DateTimeOffset.UtcNow, rating.Value, score.Coverage, bank.ContentVersion));
                    saved++;
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Saved. Next review in {card.ScheduledDays} day{(card.ScheduledDays == 1 ? "" : "s")} ({card.Due:yyyy-MM-dd})."));
                    if (ended && i + 1 < questions.Count)
                    {
                        o.WriteLine("End of input: stopping here.");
                        break;
                    }
                }

                o.WriteLine();
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Session over: {saved} question{(saved == 1 ? "" : "s")} saved{(coverages.Count > 0 ? $", mean coverage {coverages.Average() * 100:0}%" : string.Empty)}. See 'dotnet hrprep progress'."));
                return ExitCodes.Ok;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }

        /// <summary>Reads lines up to a line holding only "." or end of input; stops at the next line once the time is up.</summary>
        private (string Answer, bool EndOfInput) ReadAnswer()
        {
            var sb = new StringBuilder();
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (context.ErrorIsTerminal && limit is { } l)
                {
                    var left = l - clock.Elapsed;
                    context.Out.Write(left > TimeSpan.Zero ? $"[{Clock(left)} left] " : "[time is up] ");
                }

                string? line = context.In.ReadLine();
                if (line is null)
                {
                    return (sb.ToString(), true);
                }

                if (line.Trim() == ".")
                {
                    return (sb.ToString(), false);
                }

                sb.AppendLine(line);
                if (limit is { } max && clock.Elapsed > max)
                {
                    context.Out.WriteLine("Time is up: scoring what you wrote.");
                    return (sb.ToString(), false);
                }
            }
        }

        private void Feedback(Question q, AnswerScore score)
        {
            var o = context.Out;
            int covered = score.KeyPoints.Count(k => k.Covered);
            o.WriteLine();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Feedback: {covered} of {score.KeyPoints.Length} key points covered ({score.Coverage * 100:0}%)."));
            foreach (var k in score.KeyPoints.Where(k => k.Covered))
            {
                o.WriteLine($"  [x] {k.Text}");
                o.WriteLine($"      you said: \"{k.Evidence}\"");
            }

            foreach (var k in score.KeyPoints.Where(k => !k.Covered))
            {
                o.WriteLine($"  [ ] missed: {k.Text}");
            }

            foreach (var r in score.RedFlags.Where(r => r.Hit))
            {
                o.WriteLine($"  [!] red flag: {r.Text}");
                o.WriteLine($"      you said: \"{r.Evidence}\"");
            }

            o.WriteLine();
            o.WriteLine("Example answer (one good way to answer, not the only one):");
            foreach (var line in q.Answer.Summary.TrimEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                o.WriteLine(line.Length == 0 ? line : "  " + line);
            }

            if (!q.FollowUps.IsEmpty)
            {
                o.WriteLine();
                o.WriteLine("Follow-up questions an interviewer may ask:");
                foreach (var f in q.FollowUps)
                {
                    o.WriteLine($"  - {f}");
                }
            }
        }

        private Rating? ReadRating(AnswerScore score)
        {
            var suggested = score.Coverage switch { < 0.4 => Rating.Again, < 0.6 => Rating.Hard, < 0.85 => Rating.Good, _ => Rating.Easy };
            while (true)
            {
                context.Out.WriteLine();
                context.Out.Write($"How did it go? 1 again, 2 hard, 3 good, 4 easy [Enter = {(int)suggested}]: ");
                string? line = context.In.ReadLine();
                context.Out.WriteLine();
                if (line is null)
                {
                    return null;
                }

                line = line.Trim();
                if (line.Length == 0)
                {
                    return suggested;
                }

                if (line is "1" or "2" or "3" or "4")
                {
                    return (Rating)(line[0] - '0');
                }

                context.Out.WriteLine("Please type 1, 2, 3 or 4.");
            }
        }

        private static string Clock(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}:{t.Seconds:00}");
    }
}
