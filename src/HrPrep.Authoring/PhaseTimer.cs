using System.Diagnostics;
using System.Globalization;

namespace HrPrep.Authoring;

/// <summary>
/// Phase timings for measuring a run, printed on standard error when an environment variable is
/// <c>1</c> (<c>HRPREP_LINT_TIMING</c>, <c>HRPREP_EXPORT_TIMING</c>): each phase's wall time, with the
/// process's garbage collections, GC pauses, allocations, managed heap and CPU time so far.
/// Public so that the tool times its own phases the same way; not for measuring in tests.
/// </summary>
public sealed class PhaseTimer
{
    private readonly string name;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan offset;

    /// <summary>Creates a timer; with <paramref name="sinceProcessStart"/> the first phase counts from the start of the process.</summary>
    /// <param name="name">The run's name, printed before each phase (such as <c>lint</c>).</param>
    /// <param name="variable">The environment variable that turns printing on when it is <c>1</c>.</param>
    /// <param name="sinceProcessStart">Count the first phase from the start of the process.</param>
    public PhaseTimer(string name, string variable, bool sinceProcessStart = false)
    {
        this.name = name;
        On = Environment.GetEnvironmentVariable(variable) == "1";
        if (On && sinceProcessStart)
        {
            offset = DateTime.Now - Process.GetCurrentProcess().StartTime;
        }
    }

    /// <summary>True when timings are printed (check it before building a phase name).</summary>
    public bool On { get; }

    /// <summary>Prints the time since the previous mark (or the start) and starts the next phase.</summary>
    /// <param name="phase">The name of the phase that ends.</param>
    public void Mark(string phase)
    {
        if (!On)
        {
            return;
        }

        var elapsed = offset + clock.Elapsed;
        offset = TimeSpan.Zero;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} timing: {phase} {elapsed.TotalSeconds:0.000} s (so far: GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pauses {GC.GetTotalPauseDuration().TotalSeconds:0.000} s, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MiB, GC heap {GC.GetTotalMemory(false) / 1048576.0:0} MiB, CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.00} s)"));
        clock.Restart();
    }
}
