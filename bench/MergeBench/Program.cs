using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using HrPrep.Authoring.Merge;
using HrPrep.Authoring.Writing;
using HrPrep.Content;

// Merge benchmark: generates two directory packs of N questions each (deterministic), then merges
// them in-process (read both, merge, write a directory pack) and prints the time of each stage and
// the peak working set. Usage:
//   dotnet run -c Release --project bench/MergeBench -- generate DIR [N] [compact|full]   # writes DIR/a and DIR/b
//     compact: ~0.7 KB of YAML per question (prompt, 2-sentence answer, 2 key points...)
//     full:    ~2 KB per question (multi-paragraph answer, 4 key points, follow-ups, red flags)
//   dotnet run -c Release --project bench/MergeBench -- merge DIR          # merges DIR/a + DIR/b -> DIR/out
// bench/merge-bench.sh runs both and the real tool under /usr/bin/time -v.
var inv = CultureInfo.InvariantCulture;
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: MergeBench generate DIR [N] | merge DIR");
    return 2;
}

string dir = args[1];
if (args[0] == "generate")
{
    int n = args.Length > 2 ? int.Parse(args[2], inv) : 100_000;
    bool full = args.Length > 3 && args[3] == "full";
    var sw = Stopwatch.StartNew();
    var (a, b) = Corpus.Pair(n, full);
    PackYamlWriter.Write(a, Path.Combine(dir, "a"), PackLayout.Directory);
    PackYamlWriter.Write(b, Path.Combine(dir, "b"), PackLayout.Directory);
    Console.WriteLine(string.Create(inv, $"generated 2 packs x {n:N0} questions in {dir} ({sw.Elapsed.TotalSeconds:F1} s)"));
    return 0;
}

var total = Stopwatch.StartNew();
var stage = Stopwatch.StartNew();
var (inputs, errors) = PackInputs.ReadEach([Path.Combine(dir, "a"), Path.Combine(dir, "b")]);
if (errors.Count > 0)
{
    foreach (var e in errors.Take(10))
    {
        Console.Error.WriteLine(e);
    }

    return 1;
}

double read = stage.Elapsed.TotalSeconds;
stage.Restart();
var result = PackMerger.Merge(inputs, new MergeOptions { Policy = ConflictPolicy.Newest });
double merge = stage.Elapsed.TotalSeconds;
if (!result.Success)
{
    Console.Error.WriteLine($"merge failed: {result.Errors.Length} errors, first: {result.Errors[0]}");
    return 1;
}

stage.Restart();
PackYamlWriter.Write(result.Pack!, Path.Combine(dir, "out"), PackLayout.Directory);
double write = stage.Elapsed.TotalSeconds;
var counts = result.Report.GroupBy(r => r.Reason).OrderBy(g => g.Key).Select(g => string.Create(inv, $"{g.Key} {g.Count():N0}"));
Console.WriteLine(string.Create(inv, $"inputs: {result.InputQuestions:N0} questions; output: {result.Pack!.Questions.Length:N0} questions, version {result.Pack.Version}"));
Console.WriteLine($"report: {string.Join(", ", counts)}");
Console.WriteLine(string.Create(inv, $"read {read:F2} s, merge {merge:F2} s, write {write:F2} s, total {total.Elapsed.TotalSeconds:F2} s"));
Console.WriteLine(string.Create(inv, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));
return 0;

/// <summary>A deterministic corpus: pack B shares half of A's questions unchanged, edits 1% and adds its own.</summary>
internal static class Corpus
{
    private static readonly string[] Words = "performance goal feedback rating calibration manager employee review bias objective metric coaching plan evidence fairness law policy team outcome process".Split(' ');

    public static (QuestionPack A, QuestionPack B) Pair(int n, bool full)
    {
        var categories = Enumerable.Range(0, 20).Select(i => new Category($"cat-{i:D2}", $"Category {i}", $"Generated category {i}.")).ToImmutableArray();
        var random = new Random(42);
        var a = new List<Question>(n);
        for (int i = 0; i < n; i++)
        {
            a.Add(Make($"a-{i:D6}", i, categories, random, full));
        }

        var b = new List<Question>(n);
        for (int i = 0; i < n / 2; i++)
        {
            var q = a[i * 2];
            b.Add(i % 50 == 0 ? q with { Prompt = q.Prompt + " (revised)", LastVerified = new DateOnly(2027, 1, 1) } : q);
        }

        for (int i = 0; b.Count < n; i++)
        {
            b.Add(Make($"b-{i:D6}", i + n, categories, random, full));
        }

        QuestionPack Pack(string version, List<Question> questions) => new()
        {
            Id = "bench",
            Version = version,
            Title = "Benchmark pack",
            Language = "en",
            License = "CC0-1.0",
            Authors = ["MergeBench"],
            Categories = categories,
            Questions = [.. questions],
        };

        return (Pack("1.0.0", a), Pack("1.1.0", b));
    }

    private static Question Make(string id, int seq, ImmutableArray<Category> categories, Random r, bool full)
    {
        string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[r.Next(Words.Length)]));
        if (!full)
        {
            return new Question
            {
                Id = id,
                PackId = "bench",
                Prompt = $"Question {seq}: how would you handle {Sentence(10)}?",
                Category = categories[seq % categories.Length].Id,
                Type = (QuestionType)(seq % 5),
                Level = (QuestionLevel)(seq % 3),
                Tags = ["generated", $"t{seq % 7}"],
                Answer = new ModelAnswer($"{Sentence(25)}. {Sentence(20)}.", [Sentence(6), Sentence(6)]),
                FollowUps = [Sentence(8) + "?"],
                LookFor = [Sentence(6)],
                RedFlags = [Sentence(5)],
                Jurisdiction = "global",
                LastVerified = new DateOnly(2026, 11, 26),
            };
        }

        return new Question
        {
            Id = id,
            PackId = "bench",
            Prompt = $"Question {seq}: how would you handle {Sentence(12)}?",
            Category = categories[seq % categories.Length].Id,
            Type = (QuestionType)(seq % 5),
            Level = (QuestionLevel)(seq % 3),
            Tags = ["generated", $"t{seq % 7}"],
            Answer = new ModelAnswer(
                $"{Sentence(40)}.\n\n**Approach.** {Sentence(50)}.\n\n*Illustrative:* {Sentence(30)}.\n",
                [Sentence(8), Sentence(8), Sentence(8), Sentence(8)]),
            FollowUps = [Sentence(10) + "?", Sentence(10) + "?"],
            LookFor = [Sentence(8), Sentence(8)],
            RedFlags = [Sentence(6), Sentence(6), Sentence(6)],
            Jurisdiction = "global",
            Sources = [new SourceReference("Generated source", "https://example.org/source")],
            LastVerified = new DateOnly(2026, 11, 26),
        };
    }
}
