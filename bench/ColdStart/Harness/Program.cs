// Cold-start harness: runs the hello-world app and the first-query app alternately, N times each,
// as whole processes (`dotnet App.dll`), and prints the median wall times and their ratio. The
// first-query app runs twice over: built as usual (HrPrep.Content as shipped: IL only), and published
// with the SDK's ReadyToRun (`PublishReadyToRun`, which also precompiles HrPrep.Content), the way an
// app that cares about start-up ships.
// Besides wall time it reports the CPU time (user + system) of each process, from getrusage of the
// reaped children on Linux: on a shared, busy machine the wall times (and even their ratio) move
// with the load, the CPU times much less.
// Usage: dotnet run -c Release --project bench/ColdStart/Harness -- [runs=10] [OTHER/FirstQuery.dll]
// OTHER/FirstQuery.dll (for example from a checkout of an older commit, built with
// `dotnet build -c Release bench/ColdStart/FirstQuery`) is timed in the same alternation, so a
// before/after comparison shares the machine's load run by run.
using System.Diagnostics;
using System.Globalization;

int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
string root = FindRoot();
string Build(string name)
{
    string proj = Path.Combine(root, "bench", "ColdStart", name, name + ".csproj");
    Run("dotnet", $"build \"{proj}\" -c Release -v q -nologo -nodeReuse:false", quiet: true);
    return Path.Combine(root, "bench", "ColdStart", name, "bin", "Release", "net10.0", name + ".dll");
}

string? other = args.Length > 1 ? Path.GetFullPath(args[1]) : null;
if (other is not null && !File.Exists(other))
{
    Console.Error.WriteLine($"not found: {other}");
    return 2;
}

string hello = Build("HelloWorld");
string query = Build("FirstQuery");
string queryR2R = Path.Combine(Path.GetTempPath(), "hrprep-coldstart-r2r-" + Environment.ProcessId);
Run("dotnet", $"publish \"{Path.Combine(root, "bench", "ColdStart", "FirstQuery", "FirstQuery.csproj")}\" -c Release -r {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier} --self-contained false -p:PublishReadyToRun=true -o \"{queryR2R}\" -v q -nologo -nodeReuse:false", quiet: true);
queryR2R = Path.Combine(queryR2R, "FirstQuery.dll");

// Stop the build servers the builds left running, so they do not compete with the measurement.
Run("dotnet", "build-server shutdown", quiet: true);
Thread.Sleep(3000);
for (int i = 0; i < 2; i++)
{
    Time(hello);
    Time(query);
    Time(queryR2R);
    if (other is not null)
    {
        Time(other);
    }
}

var h = new List<double>();
var q = new List<double>();
var r = new List<double>();
var hc = new List<double>();
var qc = new List<double>();
var rc = new List<double>();
var o = new List<double>();
var oc = new List<double>();
for (int i = 0; i < runs; i++)
{
    h.Add(Time(hello, hc));
    q.Add(Time(query, qc));
    r.Add(Time(queryR2R, rc));
    if (other is not null)
    {
        o.Add(Time(other, oc));
    }
}

Directory.Delete(Path.GetDirectoryName(queryR2R)!, recursive: true);
double mh = Median(h), mq = Median(q), mr = Median(r);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hello world       : median {mh:F1} ms over {runs} runs (min {h.Min():F1}, max {h.Max():F1})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first query (IL)  : median {mq:F1} ms over {runs} runs (min {q.Min():F1}, max {q.Max():F1}), {mq / mh:F2}x (goal <= 1.50x)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first query (R2R) : median {mr:F1} ms over {runs} runs (min {r.Min():F1}, max {r.Max():F1}), {mr / mh:F2}x"));
if (other is not null)
{
    double mo = Median(o);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"other first query : median {mo:F1} ms over {runs} runs (min {o.Min():F1}, max {o.Max():F1}), {mo / mh:F2}x ({other})"));
}

if (hc.Count == runs)
{
    double ch = Median(hc), cq = Median(qc), cr = Median(rc);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU (user+sys)    : hello world {ch:F1} ms, first query (IL) {cq:F1} ms {cq / ch:F2}x, first query (R2R) {cr:F1} ms {cr / ch:F2}x (medians)"));
    if (oc.Count == runs)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU other         : {Median(oc):F1} ms {Median(oc) / ch:F2}x"));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average      : {LoadAverage()}"));
return 0;

static double Median(List<double> v)
{
    var s = v.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
}

static double Time(string dll, List<double>? cpu = null)
{
    double before = ChildrenCpuMs();
    var sw = Stopwatch.StartNew();
    Run("dotnet", $"\"{dll}\"", quiet: true);
    double wall = sw.Elapsed.TotalMilliseconds;
    double after = ChildrenCpuMs();
    if (cpu is not null && before >= 0 && after >= 0)
    {
        cpu.Add(after - before);
    }

    return wall;
}

// User + system CPU time of every reaped child so far (getrusage(RUSAGE_CHILDREN)), or -1 off Linux.
static double ChildrenCpuMs()
{
    if (!OperatingSystem.IsLinux())
    {
        return -1;
    }

    // struct rusage on 64-bit Linux: two timevals (seconds, microseconds) then 14 longs.
    Span<long> usage = stackalloc long[18];
    try
    {
        unsafe
        {
            fixed (long* p = usage)
            {
                if (Native.getrusage(-1, p) != 0)
                {
                    return -1;
                }
            }
        }
    }
    catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
    {
        return -1; // no CPU column then
    }

    return ((usage[0] + usage[2]) * 1000.0) + ((usage[1] + usage[3]) / 1000.0);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static void Run(string file, string arguments, bool quiet)
{
    var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = quiet, RedirectStandardError = quiet };
    using var p = Process.Start(psi)!;
    if (quiet)
    {
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
    }

    p.WaitForExit();
    if (p.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {arguments} exited {p.ExitCode}");
    }
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HrPrep.Content.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
}

internal static unsafe partial class Native
{
    [System.Runtime.InteropServices.LibraryImport("libc", SetLastError = false)]
    internal static partial int getrusage(int who, long* usage);
}
