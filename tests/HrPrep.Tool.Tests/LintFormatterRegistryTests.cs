using HrPrep.Authoring.Lint.Output;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>Lint output formats come from one registry, like the exporters: --format accepts and --help lists exactly its names.</summary>
public class LintFormatterRegistryTests
{
    private const string Manifest = "pack:\n  id: p\n  version: 1.0.0\n  title: P\n  description: Test.\n  authors: [Tests]\n  language: en\n  license: MIT\n  categories: [{id: c1, title: C}]\n";

    private const string Questions = "questions:\n  - id: p-1\n    prompt: \"Can you describe a PIP?\"\n    category: c1\n    type: technical\n    level: mid\n    answer:\n      summary: short\n      keyPoints: [One]\n";

    public static TheoryData<string> Formats() => [.. LintFormatters.Names];

    [Fact]
    public void The_registry_has_every_format_once_by_its_own_name_with_text_first()
    {
        Assert.Equal(["text", "json", "sarif", "github", "msbuild"], LintFormatters.Names);
        foreach (var name in LintFormatters.Names)
        {
            Assert.Equal(name, LintFormatters.Find(name)!.Name);
        }

        Assert.Null(LintFormatters.Find("xml"));
        Assert.Null(LintFormatters.Find("TEXT"));
    }

    [Fact]
    public void Lint_help_lists_the_registry_names()
    {
        var (code, o, _) = Cli.Run("lint", "--help");
        Assert.Equal(0, code);
        Assert.Contains($"Output format: {string.Join(", ", LintFormatters.Names)} (default text).", o.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_writes_the_same_report_to_standard_output_and_to_a_file(string format)
    {
        using var dir = new TempDir();
        dir.File("questions/pack.yaml", Manifest);
        dir.File("questions/q.yaml", Questions);
        string packs = Path.Combine(dir.Path, "questions");
        string file = Path.Combine(dir.Path, "report.out");
        var (code, stdout, _) = Cli.Run("lint", packs, "--format", format, "--no-color");
        var (fileCode, fileOut, _) = Cli.Run("lint", packs, "--format", format, "-o", file);
        Assert.Equal(code, fileCode);
        Assert.Empty(fileOut);
        Assert.Contains("HP302", stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
        Assert.Equal(stdout, File.ReadAllText(file));
    }
}
