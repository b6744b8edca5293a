// Export benchmark harness.
//
//   dotnet run -c Release --project bench/ExportBench -- [--counts 10000,50000,100000] [--formats anki,csv,...] [--tool PATH] [--keep] [--in-process] [--generate]
//
// 1. Generates deterministic directory packs of N questions under bench/corpus/export-N (a small
//    generator of its own: the same N always gives the same bytes).
// 2. Runs the Release build of the tool (`dotnet <HrPrep.Tool.dll> export FORMAT PACK -o FILE`) under
//    /usr/bin/time -v for each format (default: anki, csv, json and the learning-platform formats gift,
//    moodle, qti, crowdanki, brightspace; --formats picks), and prints wall time, peak memory (maximum
//    resident set size) and output size per format and count. Targets: every format on 100k questions
//    < 10 s and < 1 GiB; csv streams: its peak memory stays close to loading alone (the `stats` row).
// With --in-process, the packs are loaded once in this process and each exporter is timed alone.
// With --generate, the packs are only written (put --counts first).
// Build the tool first: dotnet build -c Release src/HrPrep.Tool
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

string root = FindRoot();
int[] counts = [10_000, 50_000, 100_000];
string[] formats = ["anki", "csv", "json", "gift", "moodle", "qti", "crowdanki", "brightspace"];
string tool = Path.Combine(root, "src", "HrPrep.Tool", "bin", "Release", "net10.0", "HrPrep.Tool.dll");
bool keep = false;
bool inProcess = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--counts": counts = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
        case "--formats": formats = args[++i].Split(','); break;
        case "--tool": tool = Path.GetFullPath(args[++i]); break;
        case "--keep": keep = true; break;
        case "--in-process": inProcess = true; break;
        case "--generate":
            foreach (int n in counts)
            {
                string dir = Path.Combine(root, "bench", "corpus", $"export-{n}");
                Console.WriteLine($"{dir}: {Generator.Write(dir, n) / 1048576.0:F1} MiB");
            }

            return 0;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

if (inProcess)
{
    // Loads each generated pack once in this process, then times each exporter alone (writing to a
    // file), with the managed memory it allocates and the process's peak working set.
    Directory.CreateDirectory(Path.Combine(root, "bench", "corpus"));
    Console.WriteLine($"{"phase",-10} {"questions",10} {"wall s",8} {"cpu s",7} {"alloc MiB",10} {"heap MiB",9} {"peak WS MiB",12}");
    foreach (int n in counts)
    {
        string pack = Path.Combine(root, "bench", "corpus", $"export-{n}");
        Generator.Write(pack, n);
        var sw = Stopwatch.StartNew();
        long alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var bank = HrPrep.Content.QuestionBank.FromDirectory(pack);
        Report("load", n, sw, alloc0, cpu0);
        foreach (var name in formats.Where(f => f != "crowdanki"))
        {
            var exporter = HrPrep.Authoring.Export.QuestionExporters.Find(name)!;
            string output = Path.Combine(root, "bench", "corpus", $"inproc-{n}{exporter.Extension}");
            GC.Collect();
            sw.Restart();
            alloc0 = GC.GetTotalAllocatedBytes(precise: true);
            cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            HrPrep.Authoring.IO.AtomicFile.Write(output, s => exporter.Write(s, new HrPrep.Authoring.Export.ExportSource(bank, bank.Query()), new HrPrep.Authoring.Export.ExportOptions()));
            Report(name, n, sw, alloc0, cpu0);
            File.Delete(output);
        }

        GC.KeepAlive(bank);
        if (!keep)
        {
            Directory.Delete(pack, recursive: true);
        }
    }

    return 0;
}

static void Report(string phase, int n, Stopwatch sw, long alloc0, TimeSpan cpu0)
{
    double seconds = sw.Elapsed.TotalSeconds;
    double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
    double alloc = (GC.GetTotalAllocatedBytes(precise: true) - alloc0) / 1048576.0;
    double heap = GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;
    double peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-10} {n,10} {seconds,8:F2} {cpu,7:F2} {alloc,10:F0} {heap,9:F0} {peak,12:F0}"));
}

if (!File.Exists(tool))
{
    Console.Error.WriteLine($"tool not found: {tool}\nbuild it first: dotnet build -c Release src/HrPrep.Tool");
    return 2;
}

if (!File.Exists("/usr/bin/time"))
{
    Console.Error.WriteLine("/usr/bin/time (GNU time) is required: apt-get install -y time");
    return 2;
}

string corpus = Path.Combine(root, "bench", "corpus");
Directory.CreateDirectory(corpus);
Console.WriteLine($"tool: {tool}");
Console.WriteLine($"{"format",-10} {"questions",10} {"pack MiB",9} {"wall s",8} {"cpu s",7} {"peak MiB",9} {"out MiB",8}  exit");
foreach (int n in counts)
{
    string pack = Path.Combine(corpus, $"export-{n}");
    long packBytes = Generator.Write(pack, n);
    foreach (var format in formats)
    {
        string output = Path.Combine(corpus, $"export-{n}.{format}.out");
        var (exit, wall, cpu, peakKb, err) = Measure(tool, ["export", format, pack, "-o", output]);
        long size = File.Exists(output) ? new FileInfo(output).Length
            : Directory.Exists(output) ? Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format,-10} {n,10} {packBytes / 1048576.0,9:F1} {wall,8:F2} {cpu,7:F2} {peakKb / 1024.0,9:F0} {size / 1048576.0,8:F1}  {exit}{(exit == 0 ? "" : " " + err.Trim())}"));
        if (!keep)
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
            else
            {
                File.Delete(output);
            }
        }
    }

    // Loading alone (no export): `stats` reads the same packs, for the baseline of the streaming check.
    var (e2, w2, c2, p2, _) = Measure(tool, ["stats", pack]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"(load)",-10} {n,10} {packBytes / 1048576.0,9:F1} {w2,8:F2} {c2,7:F2} {p2 / 1024.0,9:F0} {"-",8}  {e2}"));
    if (!keep)
    {
        Directory.Delete(pack, recursive: true);
    }
}

return 0;

static (int Exit, double Wall, double Cpu, long PeakKb, string Err) Measure(string tool, string[] args)
{
    var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var a in new[] { "-v", "dotnet", tool }.Concat(args))
    {
        start.ArgumentList.Add(a);
    }

    using var p = Process.Start(start)!;
    var stdout = p.StandardOutput.ReadToEndAsync();
    string err = p.StandardError.ReadToEnd();
    p.WaitForExit();
    _ = stdout.Result;
    long peak = long.Parse(Regex.Match(err, @"Maximum resident set size \(kbytes\): (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    var wall = Regex.Match(err, @"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)");
    double seconds = (wall.Groups[1].Success ? double.Parse(wall.Groups[1].Value, CultureInfo.InvariantCulture) * 3600 : 0)
        + (double.Parse(wall.Groups[2].Value, CultureInfo.InvariantCulture) * 60) + double.Parse(wall.Groups[3].Value, CultureInfo.InvariantCulture);
    double cpu = double.Parse(Regex.Match(err, @"User time \(seconds\): ([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture)
        + double.Parse(Regex.Match(err, @"System time \(seconds\): ([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
    int exit = p.ExitCode;
    string firstError = err.Split('\n').FirstOrDefault(l => l.StartsWith("hrprep: error", StringComparison.Ordinal)) ?? string.Empty;
    return (exit, seconds, cpu, peak, firstError);
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HrPrep.Content.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("HrPrep.Content.sln not found");
}

/// <summary>A small deterministic pack generator (xorshift over a fixed word list).</summary>
internal static class Generator
{
    private const int PerFile = 5_000;
    private static readonly string[] Words =
    [
        "goal", "rating", "feedback", "calibration", "manager", "employee", "evidence", "bias", "review", "cycle",
        "objective", "outcome", "coaching", "development", "improvement", "plan", "metric", "target", "team", "process",
        "fair", "consistent", "documented", "legal", "risk", "policy", "reward", "promotion", "talent", "succession",
        "conversation", "check-in", "expectation", "standard", "behaviour", "competency", "scale", "anchor", "data", "trend",
    ];

    private static readonly string[] Categories = ["goals", "feedback", "calibration", "underperformance", "analytics", "law", "design", "change"];

    public static long Write(string dir, int count)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        var manifest = new StringBuilder();
        manifest.Append("pack:\n  id: bench-export\n  version: 1.0.0\n  title: Export benchmark pack\n  language: en\n  license: CC0-1.0\n  categories:\n");
        foreach (var c in Categories)
        {
            manifest.Append(CultureInfo.InvariantCulture, $"    - id: {c}\n      title: {char.ToUpperInvariant(c[0])}{c[1..]} questions\n");
        }

        File.WriteAllText(Path.Combine(dir, "pack.yaml"), manifest.ToString());
        ulong state = 0x9E3779B97F4A7C15UL;
        string[] types = ["role-knowledge", "technical", "behavioral", "situational", "case-study"];
        string[] levels = ["entry", "mid", "senior"];
        for (int file = 0; file * PerFile < count; file++)
        {
            var sb = new StringBuilder("questions:\n");
            for (int i = file * PerFile; i < Math.Min(count, (file + 1) * PerFile); i++)
            {
                string type = types[i % types.Length];
                sb.Append(CultureInfo.InvariantCulture, $"  - id: bench-{i:D6}\n");
                sb.Append(CultureInfo.InvariantCulture, $"    prompt: \"How would you handle {Sentence(ref state, 10)} (question {i})?\"\n");
                sb.Append(CultureInfo.InvariantCulture, $"    category: {Categories[i % Categories.Length]}\n    type: {type}\n    level: {levels[i % levels.Length]}\n");
                sb.Append(CultureInfo.InvariantCulture, $"    tags: [{Words[Next(ref state) % (ulong)Words.Length]}, t{i % 97}]\n");
                if (type == "case-study")
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    scenario:\n      text: \"{Sentence(ref state, 30)}.\"\n      table:\n        columns: [Team, Rated, Top]\n        rows:\n          - [North, \"40\", \"12\"]\n          - [South, \"55\", \"6\"]\n");
                }

                sb.Append("    answer:\n      summary: |\n");
                for (int p = 0; p < 3; p++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"        **{Sentence(ref state, 3)}:** {Sentence(ref state, 45)}.\n\n");
                }

                sb.Append("      keyPoints:\n");
                for (int k = 0; k < 4; k++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"        - \"{Sentence(ref state, 9)}\"\n");
                }

                foreach (var list in new[] { "followUps", "lookFor", "redFlags" })
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    {list}:\n");
                    for (int k = 0; k < 2; k++)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"      - \"{Sentence(ref state, 10)}\"\n");
                    }
                }

                sb.Append("    sources:\n      - title: A benchmark source\n        url: https://example.org/bench\n");
                sb.Append("    lastVerified: 2026-11-26\n");
            }

            File.WriteAllText(Path.Combine(dir, $"questions-{file:D3}.yaml"), sb.ToString());
        }

        return Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
    }

    private static string Sentence(ref ulong state, int words)
    {
        var sb = new StringBuilder();
        for (int w = 0; w < words; w++)
        {
            if (w > 0)
            {
                sb.Append(' ');
            }

            sb.Append(Words[Next(ref state) % (ulong)Words.Length]);
        }

        return sb.ToString();
    }

    private static ulong Next(ref ulong state)
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
}
