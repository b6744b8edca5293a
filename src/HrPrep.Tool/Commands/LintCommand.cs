using HrPrep.Packs;
using System.CommandLine;
using System.Globalization;
using HrPrep.Authoring;
using HrPrep.Authoring.IO;
using HrPrep.Authoring.Lint;
using HrPrep.Authoring.Lint.Output;
using HrPrep.Authoring.Schema;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep lint</c>: YAML, schema and content rules over question packs, with exact positions.</summary>
internal static class LintCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Pack files or directories (default: questions/ in the working directory if present, else the packs shipped in HrPrep.Content).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = CommonOptions.Format([.. LintFormatters.Names]);
        var failOn = new Option<string?>("--fail-on") { Description = "Lowest severity that fails the run (exit 1): error (default) or warning; overrides 'failOn' in the configuration." };
        failOn.AcceptOnlyFromAmong("error", "warning", "info");
        var config = new Option<string?>("--config", "-c") { Description = $"Configuration file (default: {LintConfig.FileName} in the working directory, if present)." };
        var schema = new Option<string?>("--schema") { Description = "Validate against this JSON Schema file instead of the shipped question-pack schema." };
        var baseline = new Option<string?>("--baseline") { Description = "Accept the findings listed in this baseline file; only new findings are reported and fail." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write every current finding to this baseline file (atomically; any --baseline is ignored) and exit 0 unless input is unreadable." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of standard output." };
        var listRules = new Option<bool>("--list-rules") { Description = "List every rule and reader code with its default severity, then exit." };
        var explain = new Option<string?>("--explain") { Description = "Explain one rule or code (what, why, a bad and a good example), then exit." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour text output (also: the NO_COLOR environment variable)." };
        var today = new Option<string?>("--today") { Description = $"The date rules treat as today, YYYY-MM-DD (review-due, stale-future); default: the {TodayVariable} environment variable, else the current UTC date." };
        var command = new Command("lint", """
            Lint question packs: YAML syntax, the JSON Schema and content rules (identity, near-duplicates,
            completeness, prompt wording, fairness, text hygiene, pack balance, sources and review dates),
            every finding located as path:line:col. Configure rules in .hrprep.yaml; suppress one line with
            '# hrprep-disable-next-line CODE -- reason'.

            Review dates (review-due) and future years (stale-future) are judged against --today,
            else the HRPREP_TODAY environment variable, else the current UTC date.

            Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or invalid configuration
            (including a --today or HRPREP_TODAY value that is not YYYY-MM-DD),
            3 unreadable input, schema, configuration or baseline.

            Examples:
              dotnet hrprep lint
              dotnet hrprep lint questions/ --fail-on warning
              dotnet hrprep lint questions/ --format sarif -o lint.sarif
              dotnet hrprep lint --format github
              dotnet hrprep lint --explain HP401
              dotnet hrprep lint questions/ --today 2027-01-15
              dotnet hrprep lint --list-rules
              dotnet hrprep lint questions/ --write-baseline lint-baseline.json
              dotnet hrprep lint questions/ --baseline lint-baseline.json
            """);
        command.Arguments.Add(paths);
        foreach (var option in new Option[] { format, failOn, config, schema, baseline, writeBaseline, output, listRules, explain, noColor, today })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            if (parse.GetValue(listRules))
            {
                ListRules(context.Out);
                return ExitCodes.Ok;
            }

            if (parse.GetValue(explain) is { } code)
            {
                return Explain(context, code);
            }

            var rules = RuleCatalogue.Rules;
            var todayDate = Today(context, parse.GetValue(today));
            var lintConfig = LoadConfig(context, parse.GetValue(config), rules);
            var timer = new PhaseTimer("lint", "HRPREP_LINT_TIMING", sinceProcessStart: true);
            timer.Mark("start-up to the lint command");
            var validator = parse.GetValue(schema) is { } schemaPath ? LoadSchema(schemaPath) : null;
            timer.Mark("schema loaded");
            Baseline? accepted = null;
            if (parse.GetValue(baseline) is { } baselinePath && parse.GetValue(writeBaseline) is null)
            {
                try
                {
                    accepted = Baseline.Read(baselinePath);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Baseline, $"cannot read baseline {baselinePath}: {DiagnosticText.OneLine(ex.Message)}");
                }
            }

            var given = parse.GetValue(paths) ?? [];
            string defaultDir = Path.Combine(context.WorkingDirectory, "questions");
            using var progress = ProgressReporter.Start(context, "lint");
            int totalFiles = !progress.Enabled ? 0 : given.Length > 0 ? CountYamlFiles(given) : CountYamlFiles([defaultDir]);
            var engine = new LintEngine(new LintOptions
            {
                Config = lintConfig,
                Schema = validator,
                Rules = rules,
                Baseline = accepted,
                Today = todayDate,
                FileLinted = progress.Enabled ? done => { lock (progress) { progress.Report(done, totalFiles); } } : null,
            });
            LintResult result = given.Length > 0 ? engine.LintPaths(given)
                : Directory.Exists(defaultDir) ? engine.LintPaths([Path.GetRelativePath(Directory.GetCurrentDirectory(), defaultDir)])
                : engine.LintEmbedded();

            var formatter = LintFormatters.Find(parse.GetValue(format)!)!;
            var formatOptions = new LintFormatOptions { ToolVersion = CliApp.ToolVersion };
            if (parse.GetValue(output) is { } outPath)
            {
                AtomicFile.Write(outPath, stream => formatter.Write(stream, result, formatOptions));
                context.Error.WriteLine(TextLintFormatter.Summary(result));
            }
            else
            {
                bool color = formatter is TextLintFormatter && !parse.GetValue(noColor) && ColorSupported(context);
                formatter.Write(context.Out, result, formatOptions with { Color = color });
                context.Out.Flush();
            }

            if (result.HasUnreadableInput)
            {
                return ExitCodes.Unreadable;
            }

            if (parse.GetValue(writeBaseline) is { } target)
            {
                Baseline.Write(target, result.Findings);
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {result.Findings.Length} finding{(result.Findings.Length == 1 ? "" : "s")} to {target}"));
                return ExitCodes.Ok;
            }

            var threshold = parse.GetValue(failOn) is { } fo && LintSeverityNames.TryParse(fo, out var s) ? s : lintConfig.FailOn ?? LintSeverity.Error;
            return result.CountAtLeast(threshold) > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The environment variable that sets "today" when <c>--today</c> is not given.</summary>
    public const string TodayVariable = "HRPREP_TODAY";

    /// <summary>The date given by <c>--today</c>, else <see cref="TodayVariable"/>, else null (the current UTC date); a bad value is a usage error.</summary>
    private static DateOnly? Today(ToolContext context, string? option)
    {
        (string? value, string from) = option is not null ? (option, "--today") : (context.GetEnvironmentVariable(TodayVariable), TodayVariable);
        if (string.IsNullOrEmpty(value))
        {
            return option is not null
                ? throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "--today needs a date as YYYY-MM-DD")
                : null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"{from} value '{value}' is not a date; use YYYY-MM-DD, e.g. 2026-12-06");
        }

        return date;
    }

    private static bool ColorSupported(ToolContext context) =>
        context.OutputIsTerminal
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    private static LintConfig LoadConfig(ToolContext context, string? path, IReadOnlyCollection<LintRule> rules)
    {
        string? file = path;
        if (file is null)
        {
            string candidate = Path.Combine(context.WorkingDirectory, LintConfig.FileName);
            if (!File.Exists(candidate))
            {
                return LintConfig.Empty;
            }

            file = candidate;
        }

        try
        {
            return LintConfigLoader.Load(file, rules);
        }
        catch (LintConfigException ex)
        {
            foreach (var p in ex.Problems)
            {
                context.Error.WriteLine(p.ToString());
            }

            throw ex.Unreadable
                ? new ToolExitException(ExitCodes.Unreadable, AuthoringDiagnosticCodes.Config, $"cannot read configuration {file}")
                : new ToolExitException(ExitCodes.Usage, AuthoringDiagnosticCodes.Config, $"{ex.Problems.Count} problem{(ex.Problems.Count == 1 ? "" : "s")} in configuration {file}; nothing was linted");
        }
    }

    private static PackSchemaValidator LoadSchema(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ToolExitException(ExitCodes.Unreadable, AuthoringDiagnosticCodes.Schema, $"cannot read schema {path}: {DiagnosticText.OneLine(ex.Message)}");
        }

        SchemaReflectionRoots.Keep(); // NJsonSchema's reflection targets, kept in the Native AOT build
        try
        {
            return new PackSchemaValidator(text, Path.GetFullPath(path));
        }
        catch (ArgumentException ex)
        {
            throw new ToolExitException(ExitCodes.Unreadable, AuthoringDiagnosticCodes.Schema, $"cannot read schema {path}: {DiagnosticText.OneLine(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0])}");
        }
    }

    private static void ListRules(TextWriter o)
    {
        var rows = RuleDescriptors.All.Select(r => (IReadOnlyList<string>)[r.Code, r.Name, r.GroupName, r.DefaultSeverity.ToName(), TextTable.Cut(r.Summary, 90)]).ToList();
        TextTable.Write(o, ["CODE", "NAME", "GROUP", "DEFAULT", "WHAT"], rows);
        o.WriteLine();
        TextTable.Write(o, ["CODE", "WHAT (reader and schema: always errors)"], RuleCatalogue.ReaderCodes.Select(c => (IReadOnlyList<string>)[c.Code, TextTable.Cut(c.Summary, 100)]));
    }

    private static int Explain(ToolContext context, string code)
    {
        var o = context.Out;
        if (RuleCatalogue.Find(code) is { } rule)
        {
            var d = rule.Descriptor;
            o.WriteLine($"{d.Code} {d.Name} ({d.GroupName}, default {d.DefaultSeverity.ToName()})");
            o.WriteLine();
            o.WriteLine($"What: {rule.Summary}");
            o.WriteLine();
            o.WriteLine($"Why: {rule.Rationale}");
            if (rule.IsWordingRule)
            {
                o.WriteLine();
                o.WriteLine("Prompts of questions with 'origin: brief' (the user's verbatim questions) are not checked.");
            }

            if (rule.DefaultOptions.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("Options: " + string.Join(", ", rule.DefaultOptions.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} (default {kv.Value})"))));
            }

            foreach (var (name, values) in rule.DefaultListOptions)
            {
                o.WriteLine();
                o.WriteLine($"List option {name} (default: {(values.IsEmpty ? "empty" : string.Join(", ", values))})");
            }

            o.WriteLine();
            o.WriteLine("Bad:");
            foreach (var line in rule.BadExample.Split('\n'))
            {
                o.WriteLine("  " + line);
            }

            o.WriteLine();
            o.WriteLine("Good:");
            foreach (var line in rule.GoodExample.Split('\n'))
            {
                o.WriteLine("  " + line);
            }

            o.WriteLine();
            o.WriteLine($"Configure in {LintConfig.FileName}: rules: {{{rule.Code}: warning}}; suppress one line: # hrprep-disable-next-line {rule.Code} -- reason");
            return ExitCodes.Ok;
        }

        if (RuleCatalogue.FindReaderCode(code) is { } reader)
        {
            o.WriteLine($"{reader.Code} (reader/schema, always an error)");
            o.WriteLine();
            o.WriteLine($"What: {reader.Summary}");
            o.WriteLine();
            o.WriteLine("Why: the pack cannot be loaded by HrPrep.Content (or does not follow the schema) until this is fixed; it cannot be configured or suppressed.");
            return ExitCodes.Ok;
        }

        throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"unknown rule or code '{code}'; run 'dotnet hrprep lint --list-rules'");
    }

    private static int CountYamlFiles(IEnumerable<string> paths)
    {
        int n = 0;
        foreach (var path in paths)
        {
            try
            {
                n += Directory.Exists(path)
                    ? Directory.EnumerateFiles(path, "*.y*ml", SearchOption.AllDirectories).Count()
                    : File.Exists(path) ? 1 : 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Counting is only for the progress display; reading reports the real error.
            }
        }

        return n;
    }
}
