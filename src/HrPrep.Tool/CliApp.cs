using HrPrep.Packs;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using HrPrep.Content;
using HrPrep.Tool.Commands;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool;

/// <summary>The command tree of <c>dotnet hrprep</c>; runs in-process with any writers.</summary>
internal static class CliApp
{
    /// <summary>The tool's version (informational version without source-control suffix).</summary>
    public static string ToolVersion
    {
        get
        {
            string v = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = v.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? v : v[..plus];
        }
    }

    /// <summary>The global <c>--quiet</c> option: no progress output on long runs.</summary>
    private static Option<bool> NewQuietOption() => new("--quiet", "-q")
    {
        Description = "Show no progress on long runs (progress is shown only on an interactive terminal anyway).",
        Recursive = true,
    };

    /// <summary>The environment variable that, set to <c>1</c>, acts like <c>--verbose</c>.</summary>
    internal const string DebugVariable = "HRPREP_DEBUG";

    /// <summary>The global <c>--verbose</c> option: the full exception on an internal error.</summary>
    private static Option<bool> NewVerboseOption() => new("--verbose")
    {
        Description = $"On an internal error (exit 4) print the full exception: type, message, stack trace and inner exceptions (also: {DebugVariable}=1).",
        Recursive = true,
    };

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build(ToolContext context)
    {
        var root = new RootCommand("""
            hrprep: interview-question packs for .NET. Query, sample, lint and export question packs.
            With no paths, commands read the packs shipped in HrPrep.Content.

            Exit codes: 0 ok, 1 findings, 2 usage error, 3 unreadable input, 4 internal error
            (--verbose or HRPREP_DEBUG=1: the full exception).
            """);
        root.Options.Add(NewQuietOption());
        root.Options.Add(NewVerboseOption());
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(SampleCommand.Create(context));
        root.Subcommands.Add(StatsCommand.Create(context));
        root.Subcommands.Add(NewCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(LintCommand.Create(context));
        root.Subcommands.Add(ScoreCommand.Create(context));
        root.Subcommands.Add(PracticeCommand.Create(context));
        root.Subcommands.Add(ProgressCommand.Create(context));
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction(context);
            }
        }

        return root;
    }

    /// <summary>Parses and runs a command line; usage errors exit 2 with one line each; no arguments prints the help.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool errorIsTerminal = false, Func<string, string?>? environment = null, TextReader? input = null, bool outputIsConsole = false)
    {
        if (args.Length == 0)
        {
            args = ["--help"];
        }

        var context = new ToolContext(output, error) { ErrorIsTerminal = errorIsTerminal, OutputIsTerminal = outputIsConsole, GetEnvironmentVariable = environment ?? Environment.GetEnvironmentVariable, In = input ?? TextReader.Null };
        ParseResult? parse = null;
        try
        {
            var root = Build(context);
            parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors)
                {
                    context.Fail(ToolCodes.Usage, DiagnosticText.OneLine(e.Message));
                }

                error.WriteLine("Run 'dotnet hrprep --help' for usage.");
                return ExitCodes.Usage;
            }

            if (UnknownOption(parse) is { } unknown)
            {
                context.Fail(ToolCodes.Usage, $"unknown option '{unknown}'; run '{CommandPath(parse)} --help' for usage");
                return ExitCodes.Usage;
            }

            context.Quiet = parse.GetValue<bool>("--quiet");
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            ReportInternalError(context, ex, Verbose(context, parse, args));
            return ExitCodes.Internal;
        }
    }

    /// <summary>
    /// The first argument value that looks like an option (starts with <c>-</c>) and is not an
    /// existing file or directory: System.CommandLine passes an unknown option through as an argument
    /// when the command takes paths, so every command is checked here, once.
    /// </summary>
    internal static string? UnknownOption(ParseResult parse)
    {
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                if (token.Value.StartsWith('-') && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    return token.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The command line that names the parsed command, e.g. <c>dotnet hrprep import markdown</c>.</summary>
    internal static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is CommandResult c && c.Parent is not null; r = c.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return string.Join(' ', ["dotnet hrprep", .. names]);
    }

    /// <summary>
    /// True when the full exception is wanted: <c>--verbose</c> (from the parse, or from the raw
    /// arguments when the failure came before parsing finished) or <see cref="DebugVariable"/>=1.
    /// </summary>
    private static bool Verbose(ToolContext context, ParseResult? parse, string[] args)
    {
        if (context.GetEnvironmentVariable(DebugVariable) == "1")
        {
            return true;
        }

        try
        {
            return parse is not null ? parse.GetValue<bool>("--verbose") : args.Contains("--verbose", StringComparer.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return args.Contains("--verbose", StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Reports an unexpected exception (exit 4): one line <c>hrprep: error INTERNAL: Type: message</c>;
    /// with <paramref name="verbose"/> also the whole exception (type, message, stack trace, inner
    /// exceptions), else a hint how to see it.
    /// </summary>
    internal static void ReportInternalError(ToolContext context, Exception ex, bool verbose)
    {
        string first = ex.Message.Split('\n')[0].TrimEnd('\r');
        if (verbose)
        {
            context.Fail(ToolCodes.Internal, $"{ex.GetType().Name}: {first}");
            context.Error.WriteLine(ex.ToString());
        }
        else
        {
            context.Fail(ToolCodes.Internal, $"{ex.GetType().Name}: {first} (run with --verbose or {DebugVariable}=1 for the full exception)");
        }
    }

    /// <summary>Runs a command body, turning <see cref="ToolExitException"/> and load errors into one-line messages.</summary>
    internal static int Guard(ToolContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ToolExitException ex)
        {
            context.Fail(ex.Code, ex.Message);
            return ex.ExitCode;
        }
        catch (PackLoadException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                context.Error.WriteLine(d.ToString());
            }

            return ExitCodes.Findings;
        }
    }

    private sealed class VersionAction(ToolContext context) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Out.WriteLine($"hrprep {ToolVersion}");
            try
            {
                var bank = QuestionBank.Default;
                context.Out.WriteLine($"content {bank.ContentVersion} ({string.Join(", ", bank.Packs.Select(p => $"{p.Id} {p.Version}, {p.Questions.Length} questions"))})");
            }
            catch (PackLoadException ex)
            {
                context.Fail(ToolCodes.Content, ex.Message);
                return ExitCodes.Findings;
            }

            return ExitCodes.Ok;
        }
    }
}
