namespace HrPrep.Tool.Infrastructure;

/// <summary>The writers and environment a command runs with (the console, or captured in tests).</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record ToolContext(TextWriter Out, TextWriter Error)
{
    /// <summary>Standard input (answers typed in <c>practice</c>, <c>score --answer-file -</c>); empty by default.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Working directory used to resolve default paths.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>True when <c>--quiet</c> was given: no progress output.</summary>
    public bool Quiet { get; set; }

    /// <summary>True when standard error is the process's interactive console (not redirected).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>True when standard output is the process's interactive console (not redirected): colours may be used.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Reads an environment variable (the process environment; replaced in tests).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>True when progress may be drawn: an interactive terminal and not quiet.</summary>
    public bool ShowProgress => ErrorIsTerminal && !Quiet;

    /// <summary>Prints a one-line error <c>hrprep: error CODE: message</c> to standard error.</summary>
    public void Fail(string code, string message) => Error.WriteLine($"hrprep: error {code}: {message}");
}

/// <summary>Thrown by commands to stop with a one-line message and an exit code.</summary>
internal sealed class ToolExitException(int exitCode, string code, string message) : Exception(message)
{
    /// <summary>The exit code to return.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>The error code printed.</summary>
    public string Code { get; } = code;
}
