using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>
/// An internal error (a bug, exit 4) is one line by default, naming <c>--verbose</c>; with
/// <c>--verbose</c> or <c>HRPREP_DEBUG=1</c> the whole exception follows: type, message, stack trace
/// and inner exceptions. The error is provoked for real: standard output throws when written to.
/// </summary>
public class VerboseTests
{
    private static (int Code, string Err) RunFailing(string[] args, string? debug = null)
    {
        var e = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, new ThrowingWriter(), e, environment: name => name == "HRPREP_DEBUG" ? debug : null);
        return (code, e.ToString());
    }

    [Fact]
    public void Without_verbose_an_internal_error_is_one_line_that_names_verbose()
    {
        var (code, err) = RunFailing(["list", Repo.MiniPack]);
        Assert.Equal(4, code);
        string line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("hrprep: error INTERNAL: InvalidOperationException: the output is gone", line);
        Assert.Contains("--verbose", line);
        Assert.Contains("HRPREP_DEBUG=1", line);
        Assert.DoesNotContain("second line", err);
        Assert.DoesNotContain("FormatException", err);
        Assert.DoesNotContain(" at ", err);
    }

    [Theory]
    [InlineData("--verbose", "list")]
    [InlineData("list", "--verbose")]
    public void Verbose_prints_type_message_stack_and_inner_exceptions(string first, string second)
    {
        var (code, err) = RunFailing([first, second, Repo.MiniPack]);
        Assert.Equal(4, code);
        AssertFullException(err);
    }

    [Fact]
    public void HRPREP_DEBUG_1_acts_like_verbose()
    {
        var (code, err) = RunFailing(["list", Repo.MiniPack], debug: "1");
        Assert.Equal(4, code);
        AssertFullException(err);
    }

    [Fact]
    public void HRPREP_DEBUG_other_than_1_keeps_the_one_line()
    {
        var (code, err) = RunFailing(["list", Repo.MiniPack], debug: "0");
        Assert.Equal(4, code);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Verbose_changes_nothing_when_there_is_no_internal_error()
    {
        var (code, o, e) = Cli.Run("--verbose", "list", Repo.MiniPack);
        var (plainCode, plainOut, plainErr) = Cli.Run("list", Repo.MiniPack);
        Assert.Equal(0, code);
        Assert.Equal((plainCode, plainOut, plainErr), (code, o, e));

        var (usage, _, usageErr) = Cli.Run("--verbose", "list", "--no-such-option");
        Assert.Equal(2, usage);
        Assert.DoesNotContain(" at ", usageErr);
    }

    private static void AssertFullException(string err)
    {
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("hrprep: error INTERNAL: InvalidOperationException: the output is gone", lines[0]);
        Assert.Contains("System.InvalidOperationException: the output is gone\nsecond line of the message", err);
        Assert.Contains(" ---> System.FormatException: the inner cause", err);
        Assert.Contains("--- End of inner exception stack trace ---", err);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) && l.Contains(nameof(ThrowingWriter.Inner), StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) && l.Contains(nameof(ThrowingWriter.Fail), StringComparison.Ordinal));
        Assert.DoesNotContain("--verbose", lines[0]);
    }

    /// <summary>A standard output that fails on the first write, with an inner exception that has its own stack.</summary>
    private sealed class ThrowingWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Fail();

        public override void Write(string? value) => Fail();

        public override void WriteLine(string? value) => Fail();

        public static void Inner() => throw new FormatException("the inner cause");

        public static void Fail()
        {
            try
            {
                Inner();
            }
            catch (FormatException inner)
            {
                throw new InvalidOperationException("the output is gone\nsecond line of the message", inner);
            }
        }
    }
}
