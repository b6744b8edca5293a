// Timed harness: where does a lint run spend its CPU? Runs each phase of `hrprep lint` on one
// thread over a corpus (bench/CorpusGenerator), warm, and prints the time of each phase per 10,000
// questions: the best of passes 2-6 (garbage collections land in whichever phase allocates, so single
// passes are noisy). Usage: LintBench [CORPUS-DIR] (default bench/corpus/10k).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HrPrep.Authoring.Lint;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;

string dir = args.Length > 0 ? args[0] : Path.Combine("bench", "corpus", "10k");
var files = Directory.GetFiles(dir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
var options = YamlReaderOptions.Default;
var utf8 = new UTF8Encoding(false, true);
var rules = RuleCatalogue.Rules;

var best = new Dictionary<string, double>(StringComparer.Ordinal);
var allocated = new Dictionary<string, long>(StringComparer.Ordinal);
var prompts = new List<string>();
int questionCount = 0, fileCount = files.Length;
long byteCount = 0;
for (int pass = 1; pass <= 6; pass++)
{
    var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
    long a0 = GC.GetAllocatedBytesForCurrentThread();
    void Add(string phase, TimeSpan t)
    {
        times[phase] = times.GetValueOrDefault(phase) + t;
        long a1 = GC.GetAllocatedBytesForCurrentThread();
        allocated[phase] = pass == 1 ? allocated.GetValueOrDefault(phase) + (a1 - a0) : allocated.GetValueOrDefault(phase);
    }

    int questions = 0;
    long bytes = 0;
    foreach (var path in files)
    {
        var clock = Stopwatch.StartNew();
        a0 = GC.GetAllocatedBytesForCurrentThread();
        byte[] raw = File.ReadAllBytes(path);
        Add("1 read bytes", clock.Elapsed);
        bytes += raw.Length;

        clock.Restart();
        a0 = GC.GetAllocatedBytesForCurrentThread();
        // As the tool does: decode into a pooled buffer (no string of the whole file).
        char[] chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(raw.Length, 1));
        int charCount = utf8.GetChars(raw, chars);
        Add("2 decode UTF-8", clock.Elapsed);

        clock.Restart();
        a0 = GC.GetAllocatedBytesForCurrentThread();
        bool fast = FastYamlReader.TryRead(path, chars, charCount, options, out var root);
        Add("3 parse (fast reader)", clock.Elapsed);
        if (!fast)
        {
            Console.Error.WriteLine($"{path}: not on the fast path");
            var slowRead = SafeYamlReader.ReadTextWithYamlDotNet(path, utf8.GetString(raw), options);
            root = slowRead.Root;
        }

        System.Buffers.ArrayPool<char>.Shared.Return(chars);

        var read = new YamlReadResult(path, root, []);
        clock.Restart();
        a0 = GC.GetAllocatedBytesForCurrentThread();
        var pf = PackFileBinder.Bind(read, options);
        Add("4 bind to model", clock.Elapsed);

        clock.Restart();
        a0 = GC.GetAllocatedBytesForCurrentThread();
        var file = new LintFile(path, root, raw);
        Add("6 lint model", clock.Elapsed);
        questions += file.Questions.Length;
        if (pass == 1)
        {
            prompts.AddRange(file.Questions.Select(q => q.Prompt?.Value).OfType<string>());
        }

        var sink = new List<LintFinding>();
        foreach (var rule in rules)
        {
            clock.Restart();
        a0 = GC.GetAllocatedBytesForCurrentThread();
            var context = new RuleContext(rule, rule.DefaultOptions, sink);
            rule.CheckFile(file, context);
            foreach (var q in file.Questions)
            {
                rule.CheckQuestion(q, context);
            }

            Add("7 rule " + rule.Code + " " + rule.Name, clock.Elapsed);
        }

        clock.Restart();
        a0 = GC.GetAllocatedBytesForCurrentThread();
        Suppressions.Find(path, raw);
        Add("8 suppressions scan", clock.Elapsed);
    }

    // The workspace phase's near-duplicate pass (HP110), over every prompt of the corpus.
    var near = new HrPrep.Authoring.Lint.Text.NearDuplicateIndex(0.7, 2);
    var clock2 = Stopwatch.StartNew();
    a0 = GC.GetAllocatedBytesForCurrentThread();
    var words = prompts.Select(HrPrep.Authoring.Lint.Text.TextTools.Words).ToList();
    Add("9 near-dup: words", clock2.Elapsed);
    clock2.Restart();
    a0 = GC.GetAllocatedBytesForCurrentThread();
    var sets = words.Select(w => near.Shingles(w)).ToList();
    Add("9 near-dup: shingles", clock2.Elapsed);
    clock2.Restart();
    a0 = GC.GetAllocatedBytesForCurrentThread();
    near.FindEarlierDuplicates(sets);
    Add("9 near-dup: MinHash, LSH, verify (parallel)", clock2.Elapsed);
    questionCount = questions;
    byteCount = bytes;
    if (pass > 1)
    {
        foreach (var (phase, t) in times)
        {
            best[phase] = Math.Min(best.GetValueOrDefault(phase, double.MaxValue), t.TotalMilliseconds);
        }
    }
}

double scale = 10_000.0 / questionCount;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fileCount} files, {questionCount:N0} questions, {byteCount / 1e6:0.0} MB; ms per 10,000 questions, one thread, warm, best of 5 passes (allocations: first pass, per 10,000 questions):"));
double total = 0;
foreach (var (phase, t) in best.OrderBy(p => p.Key, StringComparer.Ordinal))
{
    double ms = t * scale;
    total += ms;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase,-40} {ms,8:0.0}  {allocated.GetValueOrDefault(phase) * scale / 1048576.0,8:0.0} MiB allocated"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-40} {total,8:0.0}"));
