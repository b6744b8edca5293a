using System.Text;

namespace HrPrep.Tool;

/// <summary>Entry point of <c>dotnet hrprep</c>.</summary>
internal static class Program
{
    /// <summary>Runs the tool with the console's streams and returns the exit code.</summary>
    public static int Main(string[] args)
    {
        using var output = StandardOutput(Console.OutputEncoding);
        return CliApp.Run(args, output, Console.Error, errorIsTerminal: !Console.IsErrorRedirected, input: Console.In, outputIsConsole: !Console.IsOutputRedirected);
    }

    /// <summary>The size of <see cref="StandardOutput"/>'s buffer, in bytes.</summary>
    internal const int OutputBufferSize = 64 * 1024;

    /// <summary>
    /// Standard output as a thread-safe writer that flushes after every write, like
    /// <see cref="Console.Out"/>, but through a 64 KiB buffer: <see cref="Console.Out"/> encodes
    /// through a 256-byte buffer, so a block of findings of 16K characters became 64 write system
    /// calls (127,000 of them for the 32 MB a lint of 20,000 small packs prints). Only for UTF-8
    /// output (the usual console encoding on Linux and macOS); any other encoding keeps
    /// <see cref="Console.Out"/>.
    /// </summary>
    /// <param name="encoding">The console's output encoding.</param>
    internal static TextWriter StandardOutput(Encoding encoding) =>
        encoding.CodePage == Encoding.UTF8.CodePage ? Buffered(Console.OpenStandardOutput()) : Console.Out;

    /// <summary>The writer <see cref="StandardOutput"/> puts over <paramref name="stream"/>: UTF-8 without a byte-order mark, flushed after every write.</summary>
    /// <param name="stream">The stream written to.</param>
    internal static TextWriter Buffered(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), OutputBufferSize) { AutoFlush = true });
}
