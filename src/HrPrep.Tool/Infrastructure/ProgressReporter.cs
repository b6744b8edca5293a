using System.Diagnostics;
using System.Globalization;

namespace HrPrep.Tool.Infrastructure;

/// <summary>
/// Shows progress of a long run (lint or export of large inputs) on standard error, redrawn in place
/// at most every 100 ms, only when standard error is a terminal and <c>--quiet</c> was not given.
/// When output is redirected it writes nothing, so logs and pipes stay clean.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly TextWriter? writer;
    private readonly string label;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastDraw = -1000;
    private int lastLength;

    private ProgressReporter(TextWriter? writer, string label)
    {
        this.writer = writer;
        this.label = label;
    }

    /// <summary>True when this reporter draws anything.</summary>
    public bool Enabled => writer is not null;

    /// <summary>Starts a reporter; it is silent unless the context's error writer is an interactive terminal.</summary>
    public static ProgressReporter Start(ToolContext context, string label) =>
        new(context.ShowProgress ? context.Error : null, label);

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/> items.</summary>
    public void Report(long done, long total)
    {
        if (writer is null || (clock.ElapsedMilliseconds - lastDraw < 100 && done < total))
        {
            return;
        }

        lastDraw = clock.ElapsedMilliseconds;
        string text = total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{label}: {done:N0}/{total:N0} ({100.0 * done / total:F0}%)")
            : string.Create(CultureInfo.InvariantCulture, $"{label}: {done:N0}");
        writer.Write("\r" + text.PadRight(lastLength));
        lastLength = text.Length;
        writer.Flush();
    }

    /// <summary>Clears the progress line.</summary>
    public void Dispose()
    {
        if (writer is not null && lastLength > 0)
        {
            writer.Write("\r" + new string(' ', lastLength) + "\r");
            writer.Flush();
        }
    }
}
