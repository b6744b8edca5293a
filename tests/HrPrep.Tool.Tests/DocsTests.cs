using System.CommandLine;
using System.Text.RegularExpressions;
using HrPrep.Authoring.Export;
using HrPrep.Tests.Shared;
using HrPrep.Tool.Infrastructure;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>The documentation is checked against the real tool: the CLI reference (docs/cli.md) against the
/// command tree and what --help prints, the rule list (docs/lint-rules.md, docs/pack-format.md) against
/// <c>lint --list-rules</c>, the export formats (docs/exports.md) against the exporter registry, and the
/// README's two commands against the tool and <c>.ci/run</c>.</summary>
public partial class DocsTests
{
    private static readonly string Readme = File.ReadAllText(Repo.PathOf("README.md"));
    private static readonly string CliReference = File.ReadAllText(Repo.PathOf("docs", "cli.md"));

    public static TheoryData<string> Commands()
    {
        var root = CliApp.Build(new ToolContext(TextWriter.Null, TextWriter.Null));
        var data = new TheoryData<string>();
        foreach (var c in Walk(root))
        {
            data.Add(c);
        }

        return data;
    }

    private static IEnumerable<string> Walk(Command command, string prefix = "")
    {
        foreach (var sub in command.Subcommands)
        {
            string path = (prefix + " " + sub.Name).Trim();
            yield return path;
            foreach (var nested in Walk(sub, path))
            {
                yield return nested;
            }
        }
    }

    private static Command Find(string path)
    {
        Command c = CliApp.Build(new ToolContext(TextWriter.Null, TextWriter.Null));
        foreach (var part in path.Split(' '))
        {
            c = c.Subcommands.Single(s => s.Name == part);
        }

        return c;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_and_option_is_documented_in_the_cli_reference(string path)
    {
        Assert.Contains($"dotnet hrprep {path}", CliReference);
        var command = Find(path);
        foreach (var option in command.Options.Where(o => !o.Hidden && o.Name is not ("--help" or "-h" or "-?")))
        {
            Assert.True(CliReference.Contains(option.Name, StringComparison.Ordinal), $"docs/cli.md does not document {option.Name} of 'dotnet hrprep {path}'");
        }
    }

    [Fact]
    public void Every_global_option_is_documented_in_the_cli_reference()
    {
        var root = CliApp.Build(new ToolContext(TextWriter.Null, TextWriter.Null));
        var options = root.Options.Where(o => !o.Hidden && o.Name is not ("--help" or "-h" or "-?")).ToList();
        Assert.NotEmpty(options);
        foreach (var option in options)
        {
            Assert.True(CliReference.Contains(option.Name, StringComparison.Ordinal), $"docs/cli.md does not document the global option {option.Name}");
        }
    }

    [Fact]
    public void Every_option_the_cli_reference_names_exists()
    {
        var root = CliApp.Build(new ToolContext(TextWriter.Null, TextWriter.Null));
        var known = new HashSet<string>(StringComparer.Ordinal) { "--help" };
        foreach (var command in new[] { (Command)root }.Concat(Walk(root).Select(Find)))
        {
            foreach (var option in command.Options)
            {
                known.Add(option.Name);
                known.UnionWith(option.Aliases);
            }
        }

        // Options of the dotnet CLI itself, used in the installation commands.
        string[] dotnetCli = ["--project", "--global", "--add-source"];
        var named = DocumentedOption().Matches(CliReference).Select(m => m.Value).Distinct().ToList();
        Assert.True(named.Count > 30, "expected docs/cli.md to name the tool's options");
        var unknown = named.Where(n => !known.Contains(n) && !dotnetCli.Contains(n)).ToList();
        Assert.True(unknown.Count == 0, "docs/cli.md names options the tool does not have: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_help_has_examples(string path)
    {
        var (code, o, _) = Cli.Run([.. path.Split(' '), "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("Examples:", o);
        Assert.Contains($"dotnet hrprep {path}", o);
    }

    [Fact]
    public void Every_exit_code_is_documented()
    {
        var table = ExitCodeTable().Matches(CliReference).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        var codes = typeof(ExitCodes).GetFields().Select(f => (int)f.GetValue(null)!).ToHashSet();
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Order(), table.Order());
    }

    [Fact]
    public void Every_lint_rule_is_documented_with_its_name_and_default_severity()
    {
        var (code, o, _) = Cli.Run("lint", "--list-rules");
        Assert.Equal(0, code);
        string rulesPage = File.ReadAllText(Repo.PathOf("docs", "lint-rules.md"));
        var listed = ListedRule().Matches(o).ToList();
        Assert.True(listed.Count >= 20, $"expected the rule table of 'lint --list-rules', got:\n{o}");
        foreach (Match rule in listed)
        {
            string id = rule.Groups[1].Value, name = rule.Groups[2].Value, severity = rule.Groups[3].Value;
            var row = Regex.Match(rulesPage, $@"^\| {id} \| {Regex.Escape(name)} \| ([^|]*) \|", RegexOptions.Multiline);
            Assert.True(row.Success, $"docs/lint-rules.md has no row '| {id} | {name} | …' for a rule 'lint --list-rules' lists");
            Assert.Contains(severity, row.Groups[1].Value, StringComparison.Ordinal);
        }

        var documented = Regex.Matches(rulesPage, @"^\| (HP\d{3}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(listed.Select(m => m.Groups[1].Value).Order(), documented.Order());
    }

    [Fact]
    public void Every_reader_code_is_documented()
    {
        var (code, o, _) = Cli.Run("lint", "--list-rules");
        Assert.Equal(0, code);
        string formatPage = File.ReadAllText(Repo.PathOf("docs", "pack-format.md"));
        var codes = ReaderCode().Matches(o).Select(m => m.Groups[1].Value).ToList();
        Assert.True(codes.Count >= 20, $"expected the reader-code table of 'lint --list-rules', got:\n{o}");
        foreach (string c in codes)
        {
            Assert.True(formatPage.Contains($"| {c} |", StringComparison.Ordinal), $"docs/pack-format.md does not list the reader code {c}");
        }
    }

    [Fact]
    public void Every_export_format_is_documented_and_no_other()
    {
        string exports = File.ReadAllText(Repo.PathOf("docs", "exports.md"));
        var documented = FormatRow().Matches(exports).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(QuestionExporters.Names.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        foreach (string name in QuestionExporters.Names)
        {
            Assert.True(CliReference.Contains($"`{name}`", StringComparison.Ordinal), $"docs/cli.md does not name the export format {name}");
        }
    }

    [Fact]
    public void The_readme_main_job_command_runs()
    {
        string command = TwoCommands().Single(c => c.StartsWith("dotnet run ", StringComparison.Ordinal));
        Assert.StartsWith("dotnet run --project src/HrPrep.Tool -- ", command);
        var args = command["dotnet run --project src/HrPrep.Tool -- ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToArray();
        int output = Array.IndexOf(args, "-o");
        Assert.True(output >= 0 && output + 1 < args.Length, $"the README's main command names no output file: {command}");
        Assert.True(File.Exists(Repo.PathOf("src", "HrPrep.Tool", "HrPrep.Tool.csproj")));

        using var dir = new TempDir();
        args[output + 1] = Path.Combine(dir.Path, args[output + 1]);
        var (code, _, err) = Cli.Run(args);
        Assert.True(code == 0, err);
        var bytes = File.ReadAllBytes(args[output + 1]);
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the main job did not write an .apkg (zip) file");
    }

    [Fact]
    public void Ci_runs_the_readme_test_command()
    {
        string test = TwoCommands().Single(c => c.StartsWith("dotnet test", StringComparison.Ordinal));
        var ci = File.ReadAllLines(Repo.PathOf(".ci", "run"));
        var runs = ci.Where(l => !l.TrimStart().StartsWith('#') && Regex.IsMatch(l, @"^\s*dotnet test\b")).Select(l => l.Trim()).ToList();
        Assert.True(runs.Count == 1, ".ci/run should run 'dotnet test' exactly once, found: " + string.Join(" / ", runs));
        Assert.True(runs[0] == test || runs[0].StartsWith(test + " 2>&1", StringComparison.Ordinal) || runs[0].StartsWith(test + " |", StringComparison.Ordinal),
            $".ci/run runs '{runs[0]}', the README gives '{test}'");
    }

    /// <summary>The commands of the README's "Two commands" block, comments removed.</summary>
    private static List<string> TwoCommands()
    {
        var block = TwoCommandsBlock().Match(Readme);
        Assert.True(block.Success, "README has no ```sh block under '## Two commands'");
        var commands = block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(" #", 2)[0].Trim())
            .Where(l => l.Length > 0)
            .ToList();
        Assert.Equal(2, commands.Count);
        return commands;
    }

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z0-9-]*")]
    private static partial Regex DocumentedOption();

    [GeneratedRegex(@"^\| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex ExitCodeTable();

    [GeneratedRegex(@"^(HP\d{3})\s+(\S+)\s+\S+\s+(error|warning|info)\s", RegexOptions.Multiline)]
    private static partial Regex ListedRule();

    [GeneratedRegex(@"^((?:IO|YAML|PACK)\d{3}|SCHEMA)\s", RegexOptions.Multiline)]
    private static partial Regex ReaderCode();

    [GeneratedRegex(@"^\| `([a-z-]+)` \| (?:`[^`]+`|folder) \|", RegexOptions.Multiline)]
    private static partial Regex FormatRow();

    [GeneratedRegex(@"## Two commands[^\n]*\n.*?```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex TwoCommandsBlock();
}
