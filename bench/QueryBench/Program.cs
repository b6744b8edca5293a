using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using HrPrep.Content;

BenchmarkSwitcher.FromAssembly(typeof(QueryBenchmarks).Assembly).Run(args);

/// <summary>Filter, search and sampling over 10,000 questions built from the shipped pack (50 copies with new ids).</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private QuestionBank bank = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shipped = QuestionBank.Default.Packs[0];
        var questions = new List<Question>();
        for (int copy = 0; questions.Count < 10_000; copy++)
        {
            foreach (var q in shipped.Questions)
            {
                if (questions.Count == 10_000)
                {
                    break;
                }

                questions.Add(q with { Id = $"{q.Id}-c{copy:D2}" });
            }
        }

        bank = new QuestionBank([shipped with { Questions = [.. questions] }]);
        bank.Search("warm up the index");
        if (bank.Questions.Length != 10_000)
        {
            throw new InvalidOperationException("setup");
        }
    }

    [Benchmark(Description = "filter: category + level (count)")]
    public int FilterCount() => bank.Query().InCategory("rater-bias").AtLevel(QuestionLevel.Mid).CountMatches();

    [Benchmark(Description = "filter: type + tag (list)")]
    public int FilterList() => bank.Query().WithType(QuestionType.Behavioral).WithTag("calibration").ToImmutableArray().Length;

    [Benchmark(Description = "lookup by id")]
    public Question? Lookup() => bank.Find("hrpm-goals-001-c25");

    [Benchmark(Description = "search: one word")]
    public int SearchOne() => bank.Search("calibration").Length;

    [Benchmark(Description = "search: two words, accents")]
    public int SearchTwo() => bank.Search("Évaluation bias").Length;

    [Benchmark(Description = "filter + search")]
    public int FilterAndSearch() => bank.Query().InCategory("rater-bias").AtLevel(QuestionLevel.Senior).Matching("training").CountMatches();

    [Benchmark(Description = "sample 10 with a quota")]
    public int Sample() => bank.Sample(new SampleRequest { Count = 10, Seed = 42, Quotas = [new SampleQuota(2, "legal-uk")] }).Questions.Length;
}
