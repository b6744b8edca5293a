using HrPrep.Packs;
using Xunit;

namespace HrPrep.Content.Tests;

/// <summary><see cref="DiagnosticText.OneLine"/>: the one copy of "fold a message into one line".</summary>
public class DiagnosticTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Could not find file '/x'.\r\nSecond line.", "Could not find file '/x'. Second line.")]
    [InlineData("  a\n\n\tb  \r c \n", "a b c")]
    [InlineData("a   b", "a b")]
    [InlineData("\n\n", "")]
    [InlineData("", "")]
    public void OneLine_folds_every_run_of_white_space_into_one_space_and_trims(string message, string expected)
    {
        Assert.Equal(expected, DiagnosticText.OneLine(message));
    }
}
