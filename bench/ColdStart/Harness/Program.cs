// Cold-start harness: runs the hello-world app and the first-query app alternately, N times each,
// as whole processes (`dotnet App.dll`), and prints the median wall times and their ratio.
// Usage: dotnet run -c Release --project bench/ColdStart/Harness -- [runs=10]
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

string hello = Build("HelloWorld");
string query = Build("FirstQuery");

// Stop the build servers the builds left running, so they do not compete with the measurement.
Run("dotnet", "build-server shutdown", quiet: true);
Thread.Sleep(3000);
for (int i = 0; i < 2; i++)
{
    Time(hello);
    Time(query);
}

var h = new List<double>();
var q = new List<double>();
for (int i = 0; i < runs; i++)
{
    h.Add(Time(hello));
    q.Add(Time(query));
}

double mh = Median(h), mq = Median(q);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hello world : median {mh:F1} ms over {runs} runs (min {h.Min():F1}, max {h.Max():F1})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first query : median {mq:F1} ms over {runs} runs (min {q.Min():F1}, max {q.Max():F1})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio       : {mq / mh:F2}x (target <= 1.50x)"));
return 0;

static double Median(List<double> v)
{
    var s = v.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
}

static double Time(string dll)
{
    var sw = Stopwatch.StartNew();
    Run("dotnet", $"\"{dll}\"", quiet: true);
    return sw.Elapsed.TotalMilliseconds;
}

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
