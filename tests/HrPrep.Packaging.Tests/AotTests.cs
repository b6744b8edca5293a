using HrPrep.Content;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Packaging.Tests;

/// <summary>HrPrep.Content is trimming- and AOT-compatible: the native AOT smoke app publishes with
/// trim/AOT warnings as errors and its native executable runs a query, a search and a sample.</summary>
public class AotTests(PackagesFixture packages)
{
    [Fact]
    public void Native_aot_smoke_app_publishes_without_warnings_and_runs_queries()
    {
        string output = Path.Combine(packages.Root, "aot");
        var publish = Shell.Run(Repo.Root, "dotnet", "publish", Repo.PathOf("samples", "AotSmoke", "AotSmoke.csproj"), "-c", "Release", "-o", output);
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotContain("warning IL", publish.Output, StringComparison.Ordinal);

        var run = Shell.Run(output, Path.Combine(output, "AotSmoke"));
        Assert.True(run.ExitCode == 0, run.Output);
        var bank = QuestionBank.Default;
        var lines = run.StdOut.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Assert.Equal($"content {bank.ContentVersion}: {bank.Questions.Length} questions", lines[0]);
        Assert.Equal($"mid rater-bias: {bank.Query().InCategory("rater-bias").AtLevel(QuestionLevel.Mid).CountMatches()}", lines[1]);
        Assert.Equal($"search calibration: {bank.Search("calibration").Length}", lines[2]);
        Assert.Equal("sample: " + string.Join(" ", bank.Sample(5, 42).Questions.Select(q => q.Id)), lines[3]);
    }
}
