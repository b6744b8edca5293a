using System.CommandLine;
using HrPrep.Tests.Shared;
using HrPrep.Tool.Infrastructure;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>The README's CLI reference is checked against the real command tree (what --help prints).</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repo.PathOf("README.md"));

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
    public void Every_command_and_option_is_documented_in_the_readme(string path)
    {
        Assert.Contains($"dotnet hrprep {path}", Readme);
        var command = Find(path);
        foreach (var option in command.Options.Where(o => !o.Hidden && o.Name is not ("--help" or "-h" or "-?")))
        {
            Assert.True(Readme.Contains(option.Name, StringComparison.Ordinal), $"README does not document {option.Name} of 'dotnet hrprep {path}'");
        }
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
        foreach (var field in typeof(ExitCodes).GetFields())
        {
            Assert.Contains($"| {field.GetValue(null)} |", Readme);
        }
    }
}
