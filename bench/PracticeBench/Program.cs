using System.Diagnostics;
using System.Globalization;
using HrPrep.Content;
using HrPrep.Practice;
using HrPrep.Practice.Evaluation;
using HrPrep.Practice.Semantic;

// Usage: PracticeBench [SET] [--no-timing] [--tune] [--tune-lexical [--tune-ranking]] [--tune-combined] [--tune-three] [--ablate]
//                      [--details train|all|extra|set] [--lexical-details dev|extra|set]
//
// Figures of four scorers on labelled answers: the word-overlap baseline, the lexical AnswerScorer,
// semantic matching alone (sentence embeddings, all-MiniLM-L6-v2) and the combined
// SemanticAnswerScorer (lexical OR semantic). Printed for the first (development) set
// (tests/HrPrep.Practice.Tests/Labelled/answers.txt), its train half (the 1st, 3rd, 5th... question
// in file order) and its other half; for heldout2 (Labelled/heldout2, the second author's set, also
// used for development since the s5 rework); and for SET when given (a labelled-answers file, or a
// folder of *.txt files in the same format with an optional *.rubrics snapshot, e.g.
// tests/HrPrep.Practice.Tests/Labelled/heldout3), scored as a whole with the shipped constants.
// The baseline's word share and the semantic-only cosine are chosen on the train half. The lexical
// and combined scorers' shipped constants were chosen with --tune-lexical / --tune-combined, which
// measure every configuration on the first set AND heldout2 (never on SET) and print the choice
// made on one read off on the other, and the best worse-of-both; see docs/practice.md. --tune
// prints the older train-half grid searches. --tune-three (s6) measures the key-point constants on
// the first set, heldout2 and heldout3 (all three used for development since s6; never SET) and
// prints the best worse-of-three F1 and target slack and the leave-one-set-out choices.
string devPath = FindRepoFile("tests/HrPrep.Practice.Tests/Labelled/answers.txt");
string? setPath = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a is not ("train" or "all" or "extra" or "set" or "dev"));
string? details = args.SkipWhile(a => a != "--details").Skip(1).FirstOrDefault();
// each set is scored against the rubrics it was labelled against (see RubricSnapshot)
var bank = RubricSnapshot.Apply(QuestionBank.Default, devPath);
var answers = LabelledSet.ReadSet(devPath);
var order = answers.Select(a => a.QuestionId).Distinct().ToList();
var train = answers.Where(a => ScorerEvaluation.IsDevelopment(order, a.QuestionId)).ToList();
var held = answers.Where(a => !ScorerEvaluation.IsDevelopment(order, a.QuestionId)).ToList();
// heldout2: the second author's set, used with the first for development since the s5 rework (see
// docs/practice.md); every --tune-* mode measures on these two and never on SET
string heldout2Path = FindRepoFile("tests/HrPrep.Practice.Tests/Labelled/heldout2");
IReadOnlyList<LabelledAnswer> extra = LabelledSet.ReadSet(heldout2Path);
var extraBank = RubricSnapshot.Apply(QuestionBank.Default, heldout2Path);
// SET, when given and not heldout2 itself: scored with the shipped constants, nothing tuned on it
bool givenIsHeldout2 = setPath is not null && Path.TrimEndingDirectorySeparator(Path.GetFullPath(setPath)) == Path.TrimEndingDirectorySeparator(heldout2Path);
var given = setPath is null || givenIsHeldout2 ? null : LabelledSet.ReadSet(Path.GetFullPath(setPath));
var givenBank = given is null ? bank : RubricSnapshot.Apply(QuestionBank.Default, Path.GetFullPath(setPath!));

if (args.SkipWhile(a => a != "--lexical-details").Skip(1).FirstOrDefault() is { } which)
{
    // Every key point of every answer with the lexical scorer's verdict against the label.
    var (set, setBank) = which switch { "extra" => (extra, extraBank), "set" => (given ?? throw new InvalidOperationException("no SET given"), givenBank), _ => (answers, bank) };
    foreach (var a in set)
    {
        var s = AnswerScorer.Score(setBank[a.QuestionId], a.Text);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{a.QuestionId} {a.Grade} line {a.Line} strength {s.Strength:0.000} coverage {s.Coverage:0.00}"));
        foreach (var k in s.KeyPoints)
        {
            string mark = (k.Covered, a.KeyPoints.Contains(k.Index)) switch { (true, true) => "TP", (true, false) => "FP", (false, true) => "FN", _ => "  " };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mark} K{k.Index} {k.Score:0.00} {k.Text}  <= {k.Evidence}"));
        }

        foreach (var r in s.RedFlags)
        {
            string mark = (r.Hit, a.RedFlags.Contains(r.Index)) switch { (true, true) => "TP", (true, false) => "FP", (false, true) => "FN", _ => "  " };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mark} R{r.Index} {r.Score:0.00} {(r.Checkable ? "" : "(absence) ")}{r.Text}  <= {r.Evidence}"));
        }
    }

    return;
}

if (args.Contains("--ablate"))
{
    // The lexical scorer with one mechanism switched off at a time, on each set.
    foreach (var (label, t) in new[] { ("shipped", LexicalTuning.Default), ("no prefix match", LexicalTuning.Default with { PrefixLength = 0 }), ("no model-answer words", LexicalTuning.Default with { ExpansionWeight = 0 }), ("neither", LexicalTuning.Default with { PrefixLength = 0, ExpansionWeight = 0 }) })
    {
        Console.WriteLine(ScorerEvaluation.Format(ScorerEvaluation.Measure($"{label} / dev", answers, Lexical(t), bank)));
        Console.WriteLine(ScorerEvaluation.Format(ScorerEvaluation.Measure($"{label} / heldout2", extra, Lexical(t), extraBank)));
    }

    return;
}

if (args.Contains("--tune-three"))
{
    // s6: the key-point constants over the three development sets (the first set, heldout2 and
    // heldout3; never SET): every configuration on each, the best worse-of-three F1, and
    // leave-one-set-out (chosen by the worse-of-the-other-two F1, read off on the one left out).
    string heldout3Path = FindRepoFile("tests/HrPrep.Practice.Tests/Labelled/heldout3");
    var three = new (string Name, IReadOnlyList<LabelledAnswer> Set, QuestionBank Bank)[]
    {
        ("first", answers, bank), ("heldout2", extra, extraBank),
        ("heldout3", LabelledSet.ReadSet(heldout3Path), RubricSnapshot.Apply(QuestionBank.Default, heldout3Path)),
    };
    var rows = new List<(LexicalTuning T, ScorerFigures[] F)>();
    foreach (int minOwn in new[] { 0, 1, 2, 3 })
    foreach (double beta in new[] { 0, 0.15, 0.3 })
    foreach (double kt in Enumerable.Range(0, 19).Select(i => Math.Round(0.10 + (i * 0.01), 3)))
    {
        var t = LexicalTuning.Default with { KeyPointThreshold = kt, ExpansionWeight = beta, MinOwnMatches = minOwn };
        rows.Add((t, [.. three.Select(s => ScorerEvaluation.Measure(s.Name, s.Set, Lexical(t), s.Bank))]));
    }

    string Row((LexicalTuning T, ScorerFigures[] F) r) => string.Create(CultureInfo.InvariantCulture,
        $"kt {r.T.KeyPointThreshold:0.00} beta {r.T.ExpansionWeight:0.00} minOwn {r.T.MinOwnMatches} | ")
        + string.Join(" | ", r.F.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} P {f.KeyPoints.Precision:0.000} R {f.KeyPoints.Recall:0.000} F1 {f.KeyPoints.F1:0.000}")));
    var shipped = rows.FirstOrDefault(r => r.T == LexicalTuning.Default);
    if (shipped.F is not null) { Console.WriteLine("-- shipped\n" + Row(shipped)); }
    Console.WriteLine("-- best worse-of-three F1");
    foreach (var r in rows.OrderByDescending(r => r.F.Min(f => f.KeyPoints.F1)).Take(15)) { Console.WriteLine(Row(r)); }
    Console.WriteLine("-- best worse-of-three F1 with minOwn 0 (threshold and beta only)");
    foreach (var r in rows.Where(r => r.T.MinOwnMatches == 0).OrderByDescending(r => r.F.Min(f => f.KeyPoints.F1)).Take(5)) { Console.WriteLine(Row(r)); }
    // the issue's target is recall >= 0.7 at precision >= 0.75: the slack is how far the worse of the
    // two is above its target (negative: below)
    static double Slack(ScorerFigures f) => Math.Min(f.KeyPoints.Precision - 0.75, f.KeyPoints.Recall - 0.70);
    Console.WriteLine("-- best worse-of-three target slack, min(P - 0.75, R - 0.70)");
    foreach (var r in rows.OrderByDescending(r => r.F.Min(Slack)).ThenByDescending(r => r.F.Min(f => f.KeyPoints.F1)).Take(15)) { Console.WriteLine(Row(r)); }
    foreach (var g in rows.GroupBy(r => r.T.MinOwnMatches))
    {
        Console.WriteLine($"-- at least {g.Key} own words: best worse-of-three target slack");
        Console.WriteLine(Row(g.OrderByDescending(r => r.F.Min(Slack)).ThenByDescending(r => r.F.Min(f => f.KeyPoints.F1)).First()));
    }

    foreach (var (crit, key) in new (string, Func<ScorerFigures, double>)[] { ("F1", f => f.KeyPoints.F1), ("target slack", Slack) })
    {
        for (int left = 0; left < three.Length; left++)
        {
            int l = left;
            var pick = rows.OrderByDescending(r => r.F.Where((_, i) => i != l).Min(key)).ThenByDescending(r => r.F.Where((_, i) => i != l).Min(f => f.KeyPoints.F1)).First();
            Console.WriteLine($"-- leave out {three[l].Name}: chosen on the other two by worse-of-two {crit}, figures on {three[l].Name}");
            Console.WriteLine(Row(pick));
            Console.WriteLine(ScorerEvaluation.Format(pick.F[l]));
        }
    }

    return;
}

if (args.Contains("--tune-lexical"))
{
    // Lexical parameters, cross-checked: each configuration's figures on the development set and on
    // the extra set; a choice made on one set is read off on the other.
    var devSet = answers;
    var other = extra;
    var grid = new List<(LexicalTuning T, ScorerFigures Dev, ScorerFigures Other)>();
    foreach (int prefix in new[] { 0, 5, 6 })
    {
        foreach (double rt in new[] { 0.35, 0.4, 0.45, 0.5 })
        foreach (double beta in new[] { 0, 0.15, 0.25, 0.35, 0.5 })
        {
            foreach (double kt in Enumerable.Range(0, 21).Select(i => 0.05 + (i * 0.01)))
            {
                var t = LexicalTuning.Default with { KeyPointThreshold = Math.Round(kt, 3), PrefixLength = prefix, RedFlagThreshold = rt, ExpansionWeight = beta };
                grid.Add((t, ScorerEvaluation.Measure("dev", devSet, Lexical(t), bank), ScorerEvaluation.Measure("other", other, Lexical(t), extraBank)));
            }
        }
    }

    void Show(string title, IEnumerable<(LexicalTuning T, ScorerFigures Dev, ScorerFigures Other)> rows)
    {
        Console.WriteLine("-- " + title);
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kt {r.T.KeyPointThreshold:0.000} prefix {r.T.PrefixLength} rt {r.T.RedFlagThreshold:0.00} beta {r.T.ExpansionWeight:0.00} | dev P {r.Dev.KeyPoints.Precision:0.000} R {r.Dev.KeyPoints.Recall:0.000} F1 {r.Dev.KeyPoints.F1:0.000} rank {r.Dev.RankingAccuracy:0.000} | other P {r.Other.KeyPoints.Precision:0.000} R {r.Other.KeyPoints.Recall:0.000} F1 {r.Other.KeyPoints.F1:0.000} rank {r.Other.RankingAccuracy:0.000}"));
        }
    }

    if (args.Contains("--tune-ranking"))
    {
        var baseT = LexicalTuning.Default;
        var rows = new List<(LexicalTuning T, ScorerFigures Dev, ScorerFigures Other)>();
        foreach (double rt in new[] { 0.25, 0.3, 0.35, 0.4, 0.45, 0.5 })
        {
            var t = baseT with { RedFlagThreshold = rt };
            rows.Add((t, ScorerEvaluation.Measure("dev", devSet, Lexical(t), bank), ScorerEvaluation.Measure("other", other, Lexical(t), extraBank)));
        }

        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rt {r.T.RedFlagThreshold:0.00} | dev {ScorerEvaluation.Format(r.Dev)}\n          other {ScorerEvaluation.Format(r.Other)}"));
        }

        var ranks = new List<(LexicalTuning T, ScorerFigures Dev, ScorerFigures Other)>();
        double[] ws = [0, 0.2, 0.4, 0.6, 0.8];
        foreach (double wc in ws)
        {
            foreach (double wm in ws)
            {
                foreach (double wr in ws)
                {
                    foreach (double rf in new[] { 1.0, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5 })
                    {
                        if (wc + wm + wr == 0)
                        {
                            continue;
                        }

                        var t = baseT with { CoverageWeight = wc, MeanWeight = wm, RubricWeight = wr, RedFlagFactor = rf };
                        ranks.Add((t, ScorerEvaluation.Measure("dev", devSet, Lexical(t), bank), ScorerEvaluation.Measure("other", other, Lexical(t), extraBank)));
                    }
                }
            }
        }

        foreach (var r in ranks.Where(r => args.Contains("--with-coverage") ? r.T.CoverageWeight > 0 : args.Contains("--rubric-only") ? r.T.CoverageWeight + r.T.MeanWeight == 0 && r.T.RubricWeight == 0.8 : true).OrderByDescending(r => Math.Min(r.Dev.RankingAccuracy, r.Other.RankingAccuracy)).ThenByDescending(r => r.Dev.RankingAccuracy + r.Other.RankingAccuracy).Take(15))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cov {r.T.CoverageWeight} mean {r.T.MeanWeight} rubric {r.T.RubricWeight} rf {r.T.RedFlagFactor} | dev rank {r.Dev.RankingAccuracy:0.000} other rank {r.Other.RankingAccuracy:0.000}"));
        }

        return;
    }

    if (args.Contains("--all-rows")) { Show("all", grid); }
    Show("best key-point F1 on dev (read off on the other set)", grid.OrderByDescending(r => r.Dev.KeyPoints.F1).Take(8));
    Show("best key-point F1 on the other set (read off on dev)", grid.OrderByDescending(r => r.Other.KeyPoints.F1).Take(8));
    Show("best worse-of-both F1", grid.OrderByDescending(r => Math.Min(r.Dev.KeyPoints.F1, r.Other.KeyPoints.F1)).Take(12));
    foreach (int prefix in new[] { 0, 5, 6 })
    {
        Show($"prefix {prefix}: best worse-of-both F1", grid.Where(r => r.T.PrefixLength == prefix && r.T.ExpansionWeight == LexicalTuning.Default.ExpansionWeight).OrderByDescending(r => Math.Min(r.Dev.KeyPoints.F1, r.Other.KeyPoints.F1)).Take(3));
    }

    foreach (double rt in new[] { 0.35, 0.4, 0.45, 0.5 })
    {
        Show($"red flag {rt}: best worse-of-both F1", grid.Where(r => r.T.RedFlagThreshold == rt).OrderByDescending(r => Math.Min(r.Dev.KeyPoints.F1, r.Other.KeyPoints.F1)).Take(3));
    }

    foreach (double beta in new[] { 0, 0.15, 0.25, 0.35, 0.5 })
    {
        Show($"model-answer words weight {beta}: best worse-of-both F1", grid.Where(r => r.T.ExpansionWeight == beta).OrderByDescending(r => Math.Min(r.Dev.KeyPoints.F1, r.Other.KeyPoints.F1)).Take(3));
    }

    return;
}

var load = Stopwatch.StartNew();
using var semantic = new SemanticAnswerScorer();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model loaded in {load.Elapsed.TotalMilliseconds:0} ms"));

// Embedding is the expensive part: analyse every answer once, then apply thresholds in memory.
var analyses = new Dictionary<(string Id, string Text), SemanticAnswerScorer.Analysis>();
foreach (var a in answers)
{
    analyses[(a.QuestionId, a.Text)] = semantic.Analyse(bank[a.QuestionId], a.Text);
}

foreach (var a in extra)
{
    analyses[(a.QuestionId, a.Text)] = semantic.Analyse(extraBank[a.QuestionId], a.Text);
}

foreach (var a in given ?? [])
{
    analyses[(a.QuestionId, a.Text)] = semantic.Analyse(givenBank[a.QuestionId], a.Text);
}

SemanticAnswerScorer.Analysis AnalysisOf(Question q, string text) =>
    analyses.TryGetValue((q.Id, text), out var x) ? x : semantic.Analyse(q, text);

double baselineThreshold = BaselineScorer.Tune(train, bank);
double semanticOnly = Tune(train, t => SemanticOnly(t), Enumerable.Range(20, 61).Select(i => i / 100.0)).Best;
var scorers = new (string Name, Func<Question, string, Judgement> Judge)[]
{
    ("baseline", BaselineScorer.WithThreshold(baselineThreshold)),
    ("lexical", ScorerEvaluation.Scorer),
    ("semantic only", SemanticOnly(semanticOnly)),
    ("combined", Combined(SemanticAnswerScorer.Tuning.Default)),
};

Console.WriteLine($"development set: {answers.Count} answers to {order.Count} questions ({train.Count} train, {held.Count} held out)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"thresholds: baseline word share {baselineThreshold:0.00} and semantic only cosine {semanticOnly:0.00} (train half); lexical key point {AnswerScorer.KeyPointThreshold}, red flag {AnswerScorer.RedFlagThreshold}; combined {SemanticAnswerScorer.Tuning.Default} (dev set and heldout2)"));
var sets = new List<(string Label, IReadOnlyList<LabelledAnswer> Set, QuestionBank Bank)> { ("all", answers, bank), ("train", train, bank), ("other half", held, bank) };
Console.WriteLine($"heldout2: {extra.Count} answers to {extra.Select(a => a.QuestionId).Distinct().Count()} questions, rubrics {(RubricSnapshot.For(heldout2Path) is { } snap2 ? "from " + Path.GetFileName(snap2) : "as shipped")}; used for development with the set above");
sets.Add(("heldout2", extra, extraBank));
if (given is not null)
{
    string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(setPath!));
    Console.WriteLine($"{name}: {given.Count} answers to {given.Select(a => a.QuestionId).Distinct().Count()} questions, rubrics {(RubricSnapshot.For(Path.GetFullPath(setPath!)) is { } snap ? "from " + Path.GetFileName(snap) : "as shipped")}{(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(setPath!))) == "heldout3" ? "; used for development since s6 (docs/practice.md)" : "; nothing tuned on it")}");
    sets.Add((name, given, givenBank));
}

foreach (var (label, set, setBank) in sets)
{
    Console.WriteLine($"-- {label}");
    foreach (var (name, judge) in scorers)
    {
        Console.WriteLine(ScorerEvaluation.Format(ScorerEvaluation.Measure($"{name,-13} / {label}", set, judge, setBank)));
    }
}

if (args.Contains("--tune-combined"))
{
    // The combined scorer's rule and ranking weights, each configuration measured on the whole
    // development set and on the extra set; a choice made on one is read off on the other.
    Console.WriteLine("-- combined: tuning on the development set and the extra set");
    var rows = new List<(SemanticAnswerScorer.Tuning T, ScorerFigures Dev, ScorerFigures Other)>();
    foreach (double t in Enumerable.Range(35, 36).Select(i => i / 100.0))
    {
        foreach (double rm in new[] { -1.0, -0.1, -0.05, 0, 0.05, 0.1 })
        {
            foreach (double om in new[] { -1.0, -0.1, -0.05, 0, 0.05, 0.1 })
            {
                var tuning = SemanticAnswerScorer.Tuning.Default with { Similarity = t, RedFlagMargin = rm, OtherMargin = om };
                rows.Add((tuning, ScorerEvaluation.Measure("dev", answers, Combined(tuning), bank), ScorerEvaluation.Measure("other", extra, Combined(tuning), extraBank)));
            }
        }
    }

    void ShowRows(string title, IEnumerable<(SemanticAnswerScorer.Tuning T, ScorerFigures Dev, ScorerFigures Other)> list)
    {
        Console.WriteLine("-- " + title);
        foreach (var r in list)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sim {r.T.Similarity:0.00} rm {r.T.RedFlagMargin:0.00} om {r.T.OtherMargin:0.00} w {r.T.CoverageWeight}/{r.T.CosineWeight}/{r.T.LexicalWeight} rf {r.T.RedFlagFactor} | dev P {r.Dev.KeyPoints.Precision:0.000} R {r.Dev.KeyPoints.Recall:0.000} F1 {r.Dev.KeyPoints.F1:0.000} rank {r.Dev.RankingAccuracy:0.000} | other P {r.Other.KeyPoints.Precision:0.000} R {r.Other.KeyPoints.Recall:0.000} F1 {r.Other.KeyPoints.F1:0.000} rank {r.Other.RankingAccuracy:0.000}"));
        }
    }

    ShowRows("rule: best F1 on dev", rows.OrderByDescending(r => r.Dev.KeyPoints.F1).Take(5));
    ShowRows("rule: best F1 on the other set", rows.OrderByDescending(r => r.Other.KeyPoints.F1).Take(5));
    ShowRows("rule: best worse-of-both F1", rows.OrderByDescending(r => Math.Min(r.Dev.KeyPoints.F1, r.Other.KeyPoints.F1)).Take(10));
    var rule = rows.OrderByDescending(r => Math.Min(r.Dev.KeyPoints.F1, r.Other.KeyPoints.F1)).First().T;

    var ranks = new List<(SemanticAnswerScorer.Tuning T, ScorerFigures Dev, ScorerFigures Other)>();
    double[] weights = [0, 0.25, 0.5, 0.75, 1];
    foreach (double wc in weights)
    {
        foreach (double wm in weights)
        {
            foreach (double wl in weights)
            {
                if (wc + wm + wl == 0)
                {
                    continue;
                }

                foreach (double rf in new[] { 1.0, 0.85, 0.75, 0.6 })
                {
                    var tuning = rule with { CoverageWeight = wc, CosineWeight = wm, LexicalWeight = wl, RedFlagFactor = rf };
                    ranks.Add((tuning, ScorerEvaluation.Measure("dev", answers, Combined(tuning), bank), ScorerEvaluation.Measure("other", extra, Combined(tuning), extraBank)));
                }
            }
        }
    }

    ShowRows("ranking: best worse-of-both", ranks.OrderByDescending(r => Math.Min(r.Dev.RankingAccuracy, r.Other.RankingAccuracy)).ThenByDescending(r => r.Dev.RankingAccuracy + r.Other.RankingAccuracy).Take(12));
    ShowRows("ranking: lexical strength only", ranks.Where(r => r.T.CoverageWeight + r.T.CosineWeight == 0 && r.T.LexicalWeight == 1));

    // red flags by meaning: a sentence close to a red flag and closer to it than to any key point
    var flagRows = new List<(SemanticAnswerScorer.Tuning T, ScorerFigures Dev, ScorerFigures Other)>();
    foreach (double fs in Enumerable.Range(0, 14).Select(i => 0.30 + (i * 0.025)).Append(2.0))
    {
        foreach (double fm in new[] { -0.1, 0, 0.05, 0.1, 0.15, 0.2 })
        {
            foreach (double rf in new[] { 1.0, 0.85, 0.75 })
            {
                var tuning = SemanticAnswerScorer.Tuning.Default with { FlagSimilarity = fs, FlagMargin = fm, RedFlagFactor = rf };
                flagRows.Add((tuning, ScorerEvaluation.Measure("dev", answers, Combined(tuning), bank), ScorerEvaluation.Measure("other", extra, Combined(tuning), extraBank)));
            }
        }
    }

    foreach (var r in flagRows.Where(r => r.T.RedFlagFactor == 1.0).OrderByDescending(r => Math.Min(r.Dev.RedFlags!.F1, r.Other.RedFlags!.F1)).Take(10).Concat(flagRows.Where(r => r.T.FlagSimilarity == 2.0 && r.T.FlagMargin == 0)))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flags {r.T.FlagSimilarity:0.000} margin {r.T.FlagMargin:0.00} rf {r.T.RedFlagFactor} | dev P {r.Dev.RedFlags!.Precision:0.000} R {r.Dev.RedFlags.Recall:0.000} rank {r.Dev.RankingAccuracy:0.000} | other P {r.Other.RedFlags!.Precision:0.000} R {r.Other.RedFlags.Recall:0.000} rank {r.Other.RankingAccuracy:0.000}"));
    }

    foreach (var r in flagRows.Where(r => r.T.RedFlagFactor != 1.0).OrderByDescending(r => Math.Min(r.Dev.RedFlags!.F1, r.Other.RedFlags!.F1)).Take(8))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flags {r.T.FlagSimilarity:0.000} margin {r.T.FlagMargin:0.00} rf {r.T.RedFlagFactor} | dev P {r.Dev.RedFlags!.Precision:0.000} R {r.Dev.RedFlags.Recall:0.000} rank {r.Dev.RankingAccuracy:0.000} | other P {r.Other.RedFlags!.Precision:0.000} R {r.Other.RedFlags.Recall:0.000} rank {r.Other.RankingAccuracy:0.000}"));
    }
}

if (args.Contains("--tune"))
{
    Console.WriteLine("-- tuning on the train half");
    var semanticGrid = Tune(train, t => SemanticOnly(t), Enumerable.Range(20, 61).Select(i => i / 100.0));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"semantic only: best cosine {semanticGrid.Best:0.00} (F1 {semanticGrid.F1:0.000})"));

    // 1. the rule: cosine at a threshold, and above the closest red flag and other key point by margins
    var rules = new List<(SemanticAnswerScorer.Tuning Tuning, ScorerFigures F)>();
    foreach (double t in Enumerable.Range(35, 36).Select(i => i / 100.0))
    {
        foreach (double rm in new[] { -1.0, -0.1, -0.05, 0, 0.05, 0.1 })
        {
            foreach (double om in new[] { -1.0, -0.1, -0.05, 0, 0.05, 0.1 })
            {
                var tuning = SemanticAnswerScorer.Tuning.Default with { Similarity = t, RedFlagMargin = rm, OtherMargin = om };
                rules.Add((tuning, ScorerEvaluation.Measure(FormattableString.Invariant($"rule {t:0.00} {rm:0.00} {om:0.00} / train"), train, Combined(tuning), bank)));
            }
        }
    }

    foreach (var r in rules.OrderByDescending(r => r.F.KeyPoints.F1).Take(12))
    {
        Console.WriteLine(ScorerEvaluation.Format(r.F));
    }

    // 2. ranking: weights of coverage, mean best cosine and lexical strength, and the red-flag factor;
    //    ties on accuracy are broken by the mean margin of the pairs over the spread of strengths
    var results = new List<(SemanticAnswerScorer.Tuning Tuning, double Ranking, double Margin)>();
    double[] weights = [0, 0.25, 0.5, 0.75, 1];
    foreach (double wc in weights)
    {
        foreach (double wm in weights)
        {
            foreach (double wl in weights)
            {
                if (wc + wm + wl == 0)
                {
                    continue;
                }

                foreach (double rf in new[] { 1.0, 0.9, 0.85, 0.75, 0.6 })
                {
                    var tuning = SemanticAnswerScorer.Tuning.Default with { CoverageWeight = wc, CosineWeight = wm, LexicalWeight = wl, RedFlagFactor = rf };
                    var f = ScorerEvaluation.Measure("x", train, Combined(tuning), bank);
                    results.Add((tuning, f.RankingAccuracy, Margin(train, tuning)));
                }
            }
        }
    }

    foreach (var r in results.OrderByDescending(r => r.Ranking).ThenByDescending(r => r.Margin).Take(15))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ranking {r.Ranking:0.000} margin {r.Margin:0.000}  {r.Tuning}"));
    }
}

if (details is not null)
{
    foreach (var a in details switch { "all" => answers, "extra" => extra, "set" => given ?? [], _ => train })
    {
        var s = SemanticAnswerScorer.Combine(analyses[(a.QuestionId, a.Text)], SemanticAnswerScorer.Tuning.Default);
        var x = analyses[(a.QuestionId, a.Text)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{a.QuestionId} {a.Grade} strength {s.Strength:0.000} (lexical {x.Lexical.Strength:0.000}) coverage {s.Coverage:0.00}"));
        foreach (var k in s.KeyPoints)
        {
            string mark = (k.Covered, a.KeyPoints.Contains(k.Index)) switch { (true, true) => "TP", (true, false) => "FP", (false, true) => "FN", _ => "  " };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mark} K{k.Index} lex {x.Lexical.KeyPoints[k.Index].Score:0.00} cos {x.BestCosine[k.Index]:0.00} rf {x.RedFlagCosine[k.Index]:0.00} other {x.OtherCosine[k.Index]:0.00} {k.Text}"));
        }
    }
}

if (!args.Contains("--no-timing"))
{
    // Warm timing of the combined scorer (embedding included): every answer scored once to warm up,
    // then timed rounds over all answers.
    foreach (var a in answers)
    {
        semantic.Score(bank[a.QuestionId], a.Text);
    }

    var times = new List<double>();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    for (int round = 0; round < 5; round++)
    {
        foreach (var a in answers)
        {
            var q = bank[a.QuestionId];
            long start = Stopwatch.GetTimestamp();
            semantic.Score(q, a.Text);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    // process CPU time per scoring: on a shared, loaded machine this is closer to the cost of the work
    // than wall time (the model runs on the calling thread: one intra-op thread)
    double cpuPerAnswer = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / times.Count;
    times.Sort();
    int sentences = (int)answers.Average(a => AnswerScorer.SplitSentences(a.Text).Count);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"combined scorer, warm, per answer (about {sentences} sentences each) over {times.Count} scorings: median {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms, max {times[^1]:0.00} ms; process CPU time per answer {cpuPerAnswer:0.00} ms"));

    var lexicalTimes = new List<double>();
    foreach (var a in answers)
    {
        var q = bank[a.QuestionId];
        long start = Stopwatch.GetTimestamp();
        AnswerScorer.Score(q, a.Text);
        lexicalTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    lexicalTimes.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lexical scorer, warm, per answer: median {lexicalTimes[lexicalTimes.Count / 2]:0.000} ms"));
}

static Func<Question, string, Judgement> Lexical(LexicalTuning tuning) => (q, text) =>
{
    var s = AnswerScorer.Score(q, text, tuning);
    return new Judgement(
        s.Strength,
        s.KeyPoints.Where(k => k.Covered).Select(k => k.Index).ToHashSet(),
        s.RedFlags.Where(r => r.Hit).Select(r => r.Index).ToHashSet(),
        s.RedFlags.Where(r => r.Checkable).Select(r => r.Index).ToHashSet());
};

Func<Question, string, Judgement> SemanticOnly(double threshold) => (q, text) =>
{
    var x = AnalysisOf(q, text);
    var covered = Enumerable.Range(0, x.BestCosine.Length).Where(k => x.BestCosine[k] >= threshold).ToHashSet();
    return new Judgement(x.BestCosine.Length == 0 ? 0 : x.BestCosine.Average(), covered, null, null);
};

Func<Question, string, Judgement> Combined(SemanticAnswerScorer.Tuning tuning) => (q, text) =>
{
    var s = SemanticAnswerScorer.Combine(AnalysisOf(q, text), tuning);
    return new Judgement(
        s.Strength,
        s.KeyPoints.Where(k => k.Covered).Select(k => k.Index).ToHashSet(),
        s.RedFlags.Where(r => r.Hit).Select(r => r.Index).ToHashSet(),
        s.RedFlags.Where(r => r.Checkable).Select(r => r.Index).ToHashSet());
};

double Margin(IReadOnlyList<LabelledAnswer> set, SemanticAnswerScorer.Tuning tuning)
{
    var strengths = set.Select(a => (a, S: SemanticAnswerScorer.Combine(analyses[(a.QuestionId, a.Text)], tuning).Strength)).ToList();
    double mean = strengths.Average(x => x.S);
    double sd = Math.Sqrt(strengths.Average(x => (x.S - mean) * (x.S - mean)));
    var diffs = new List<double>();
    foreach (var g in strengths.GroupBy(x => x.a.QuestionId))
    {
        foreach (var hi in g)
        {
            foreach (var lo in g.Where(lo => lo.a.Grade < hi.a.Grade))
            {
                diffs.Add(hi.S - lo.S);
            }
        }
    }

    return sd == 0 ? 0 : diffs.Average() / sd;
}

(double Best, double F1) Tune(IReadOnlyList<LabelledAnswer> set, Func<double, Func<Question, string, Judgement>> judge, IEnumerable<double> grid)
{
    double best = 0, bestF1 = -1;
    foreach (double t in grid)
    {
        double f1 = ScorerEvaluation.Measure("tune", set, judge(t), bank).KeyPoints.F1;
        if (f1 > bestF1)
        {
            (best, bestF1) = (t, f1);
        }
    }

    return (best, bestF1);
}

static string FindRepoFile(string relative)
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HrPrep.Content.sln")))
    {
        dir = dir.Parent;
    }

    return Path.Combine(dir?.FullName ?? ".", relative);
}
