using System.Diagnostics;
using System.Globalization;
using HrPrep.Content;
using HrPrep.Practice;
using HrPrep.Practice.Evaluation;

// Usage: PracticeBench [answers.txt] [--details dev|all]
// Prints the scorer's and the baseline's figures on the labelled set (all answers, the development
// half the scorer was tuned on, the held-out half), then the warm time to score one answer.
string path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a is not ("dev" or "all"))
    ?? FindRepoFile("tests/HrPrep.Practice.Tests/Labelled/answers.txt");
string? details = args.SkipWhile(a => a != "--details").Skip(1).FirstOrDefault();
var bank = QuestionBank.Default;
var answers = LabelledSet.Read(path);
var order = answers.Select(a => a.QuestionId).Distinct().ToList();
var dev = answers.Where(a => ScorerEvaluation.IsDevelopment(order, a.QuestionId)).ToList();
var held = answers.Where(a => !ScorerEvaluation.IsDevelopment(order, a.QuestionId)).ToList();
double baseline = BaselineScorer.Tune(dev, bank);

Console.WriteLine($"labelled set: {answers.Count} answers to {order.Count} questions ({dev.Count} development, {held.Count} held out)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scorer thresholds: key point {AnswerScorer.KeyPointThreshold}, red flag {AnswerScorer.RedFlagThreshold}; baseline threshold (best F1 on development) {baseline:0.00}"));
foreach (var (label, set) in new[] { ("all", (IReadOnlyList<LabelledAnswer>)answers), ("development", dev), ("held out", held) })
{
    Console.WriteLine(ScorerEvaluation.Format(ScorerEvaluation.Measure($"scorer   / {label}", set, ScorerEvaluation.Scorer, bank)));
    Console.WriteLine(ScorerEvaluation.Format(ScorerEvaluation.Measure($"baseline / {label}", set, BaselineScorer.WithThreshold(baseline), bank)));
}

if (args.Contains("--sweep"))
{
    foreach (double t in new[] { 0.20, 0.22, 0.25, 0.27, 0.30, 0.33, 0.35, 0.40 })
    {
        var figures = ScorerEvaluation.Measure(FormattableString.Invariant($"scorer@{t:0.00} / development"), dev, (q, a) =>
        {
            var s = AnswerScorer.Score(q, a, t, AnswerScorer.RedFlagThreshold);
            return new Judgement(s.Strength, s.KeyPoints.Where(k => k.Covered).Select(k => k.Index).ToHashSet(), null, null);
        }, bank);
        Console.WriteLine(ScorerEvaluation.Format(figures));
    }

    foreach (double t in new[] { 0.35, 0.40, 0.45, 0.50, 0.55, 0.60 })
    {
        var figures = ScorerEvaluation.Measure(FormattableString.Invariant($"scorer@rf{t:0.00} / development"), dev, (q, a) =>
        {
            var s = AnswerScorer.Score(q, a, AnswerScorer.KeyPointThreshold, t);
            return new Judgement(s.Strength, s.KeyPoints.Where(k => k.Covered).Select(k => k.Index).ToHashSet(), s.RedFlags.Where(r => r.Hit).Select(r => r.Index).ToHashSet(), s.RedFlags.Where(r => r.Checkable).Select(r => r.Index).ToHashSet());
        }, bank);
        Console.WriteLine(ScorerEvaluation.Format(figures));
    }
}

if (details is not null)
{
    foreach (var a in details == "all" ? answers : dev)
    {
        var s = AnswerScorer.Score(bank[a.QuestionId], a.Text);
        Console.WriteLine($"\n{a.QuestionId} {a.Grade} strength {s.Strength:0.000} coverage {s.Coverage:0.00}");
        foreach (var k in s.KeyPoints)
        {
            string mark = (k.Covered, a.KeyPoints.Contains(k.Index)) switch { (true, true) => "TP", (true, false) => "FP", (false, true) => "FN", _ => "  " };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mark} K{k.Index} {k.Score:0.00} {k.Text}"));
        }

        foreach (var r in s.RedFlags)
        {
            string mark = (r.Hit, a.RedFlags.Contains(r.Index)) switch { (true, true) => "TP", (true, false) => "FP", (false, true) => "FN", _ => "  " };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mark} R{r.Index} {r.Score:0.00}{(r.Checkable ? "" : " (absence, not judged)")} {r.Text}"));
        }
    }
}

// Warm timing: every labelled answer scored once to warm up, then timed rounds.
foreach (var a in answers)
{
    AnswerScorer.Score(bank[a.QuestionId], a.Text);
}

var times = new List<double>();
for (int round = 0; round < 20; round++)
{
    foreach (var a in answers)
    {
        var q = bank[a.QuestionId];
        long start = Stopwatch.GetTimestamp();
        AnswerScorer.Score(q, a.Text);
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}

times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"warm scoring time per answer over {times.Count} scorings: median {times[times.Count / 2]:0.000} ms, p95 {times[(int)(times.Count * 0.95)]:0.000} ms, max {times[^1]:0.000} ms"));

static string FindRepoFile(string relative)
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HrPrep.Content.sln")))
    {
        dir = dir.Parent;
    }

    return Path.Combine(dir?.FullName ?? ".", relative);
}
