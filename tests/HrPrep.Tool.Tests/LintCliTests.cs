using System.Diagnostics;
using System.Text.Json;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

public class LintCliTests
{
    private const string Manifest = "pack:\n  id: p\n  version: 1.0.0\n  title: P\n  description: Test.\n  authors: [Tests]\n  language: en\n  license: MIT\n  categories: [{id: c1, title: C}]\n";

    private static string Question(string id, string prompt) =>
        $"  - id: {id}\n    prompt: \"{prompt}\"\n    category: c1\n    type: technical\n    level: mid\n    answer:\n      summary: {string.Join(' ', Enumerable.Repeat("word", 60))}\n      keyPoints: [One, Two]\n    followUps: [What next?]\n";

    private static string Pack(TempDir dir, params string[] questions)
    {
        dir.File("questions/pack.yaml", Manifest);
        dir.File("questions/q.yaml", "questions:\n" + string.Concat(questions));
        return Path.Combine(dir.Path, "questions");
    }

    [Fact]
    public void Shipped_content_is_clean_with_the_repository_configuration()
    {
        var (code, o, e) = Cli.Run("lint", Repo.PathOf("questions"), "--config", Repo.PathOf(".hrprep.yaml"));
        Assert.True(code == 0, o + e);
        Assert.Equal("0 errors, 0 warnings, 0 infos in 16 files (224 questions)\n", o);
    }

    [Fact]
    public void Findings_print_located_and_exit_1_only_at_or_above_fail_on()
    {
        using var dir = new TempDir();
        string packs = Pack(dir, Question("p-1", "Can you describe a PIP?"));
        var (code, o, _) = Cli.Run("lint", packs);
        Assert.Equal(0, code);
        Assert.Matches(@"q\.yaml:3:13: warning HP302: the prompt opens with 'Can you'", o);
        Assert.Equal(1, Cli.Run("lint", packs, "--fail-on", "warning").Code);
    }

    [Fact]
    public void Errors_exit_1()
    {
        using var dir = new TempDir();
        var (code, o, _) = Cli.Run("lint", Pack(dir, Question("p-1", "Are you married?")));
        Assert.Equal(1, code);
        Assert.Contains("error HP401", o, StringComparison.Ordinal);
        Assert.EndsWith("1 error, 1 warning, 0 infos in 2 files (1 question)\n", o, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_input_schema_config_and_baseline_exit_3_in_one_line()
    {
        Assert.Equal(3, Cli.Run("lint", "/no/such/file.yaml").Code);
        var (code, _, e) = Cli.Run("lint", Repo.MiniPack, "--schema", "/no/such/schema.json");
        Assert.Equal(3, code);
        Assert.Matches(@"^hrprep: error SCHEMA: cannot read schema /no/such/schema\.json: [^\n]+\n$", e);
        using var dir = new TempDir();
        (code, _, e) = Cli.Run("lint", Repo.MiniPack, "--schema", dir.File("s.json", "{ not json"));
        Assert.Equal(3, code);
        Assert.Matches(@"^hrprep: error SCHEMA: cannot read schema .+s\.json: the schema cannot be read: [^\n]+\n$", e);
        Assert.Equal(3, Cli.Run("lint", Repo.MiniPack, "--config", "/no/such/.hrprep.yaml").Code);
        Assert.Equal(3, Cli.Run("lint", Repo.MiniPack, "--baseline", dir.File("b.json", "[]")).Code);
    }

    [Fact]
    public void Configuration_with_unknown_keys_is_a_located_usage_error()
    {
        using var dir = new TempDir();
        var (code, o, e) = Cli.Run("lint", Repo.MiniPack, "--config", dir.File(".hrprep.yaml", "rules:\n  HP201: warning\nfail-on: warning\n"));
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, o);
        Assert.Matches(@"\.hrprep\.yaml:3:1: error CONFIG: unknown key 'fail-on' \(did you mean 'failOn'\?\); allowed: failOn, rules, overrides\n", e);
        Assert.EndsWith("nothing was linted\n", e, StringComparison.Ordinal);
    }

    private static string ReviewPack(TempDir dir, string reviewBy) =>
        Pack(dir, Question("p-1", "What is it?") + $"    reviewBy: {reviewBy}\n");

    [Fact]
    public void Today_comes_from_the_option_else_the_environment_variable()
    {
        using var dir = new TempDir();
        string packs = ReviewPack(dir, "2027-02-01");
        static string? None(string name) => null;
        static Func<string, string?> Env(string value) => name => name == "HRPREP_TODAY" ? value : null;

        var (code, o, _) = Run(["lint", packs, "--today", "2027-02-02"], None);
        Assert.Equal(1, code);
        Assert.Matches(@"q\.yaml:11:15: error HP701: reviewBy 2027-02-01 has passed \(1 day before 2027-02-02\)", o);

        (code, o, _) = Run(["lint", packs], Env("2027-01-20"));
        Assert.Equal(0, code);
        Assert.Matches(@"q\.yaml:11:15: warning HP701: reviewBy 2027-02-01 is in 12 days \(linted on 2027-01-20\)", o);
        Assert.Equal(1, Run(["lint", packs, "--fail-on", "warning"], Env("2027-01-20")).Code);

        // The option wins over the environment variable.
        (code, o, _) = Run(["lint", packs, "--today", "2026-12-06"], Env("2030-01-01"));
        Assert.Equal(0, code);
        Assert.DoesNotContain("HP701", o, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--today", "2027-02-30" }, null, "hrprep: error USAGE: --today value '2027-02-30' is not a date; use YYYY-MM-DD, e.g. 2026-12-06\n")]
    [InlineData(new[] { "--today", "06/12/2026" }, null, "hrprep: error USAGE: --today value '06/12/2026' is not a date; use YYYY-MM-DD, e.g. 2026-12-06\n")]
    [InlineData(new[] { "--today", "" }, null, "hrprep: error USAGE: --today needs a date as YYYY-MM-DD\n")]
    [InlineData(new string[0], "tomorrow", "hrprep: error USAGE: HRPREP_TODAY value 'tomorrow' is not a date; use YYYY-MM-DD, e.g. 2026-12-06\n")]
    [InlineData(new string[0], " 2026-12-06", "hrprep: error USAGE: HRPREP_TODAY value ' 2026-12-06' is not a date; use YYYY-MM-DD, e.g. 2026-12-06\n")]
    public void A_bad_today_is_a_usage_error_and_nothing_is_linted(string[] args, string? env, string expected)
    {
        using var dir = new TempDir();
        string packs = ReviewPack(dir, "2020-01-01");
        var (code, o, e) = Run(["lint", packs, .. args], name => name == "HRPREP_TODAY" ? env : null);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, o);
        Assert.Equal(expected, e);
    }

    private static (int Code, string Out, string Err) Run(string[] args, Func<string, string?> environment)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, o, e, environment: environment);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Explain_lists_the_options_of_the_source_rules()
    {
        var (code, o, _) = Cli.Run("lint", "--explain", "review-due");
        Assert.Equal(0, code);
        Assert.StartsWith("HP701 review-due (sources, default error)\n", o, StringComparison.Ordinal);
        Assert.Contains("Options: warnDays (default 30)", o, StringComparison.Ordinal);
        Assert.Contains("HRPREP_TODAY", o, StringComparison.Ordinal);
        (code, o, _) = Cli.Run("lint", "--explain", "HP702");
        Assert.Equal(0, code);
        Assert.Contains("List option domains (default: legislation.gov.uk, gov.uk, acas.org.uk,", o, StringComparison.Ordinal);
        Assert.Contains("List option extraDomains (default: empty)", o, StringComparison.Ordinal);
        Assert.Contains("'domains' replaces the default list, 'extraDomains' adds to it", o, StringComparison.Ordinal);
        (code, o, _) = Cli.Run("lint", "--explain", "stale-future");
        Assert.Equal(0, code);
        Assert.Contains("will commence", o, StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("lint", "--explain", "HP704").Code);
    }

    [Fact]
    public void Explain_and_list_rules()
    {
        var (code, o, _) = Cli.Run("lint", "--explain", "HP401");
        Assert.Equal(0, code);
        Golden.Match("lint-explain-HP401.txt", o);
        (code, o, _) = Cli.Run("lint", "--explain", "yes-no-opener");
        Assert.Equal(0, code);
        Assert.Contains("Prompts of questions with 'origin: brief'", o, StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("lint", "--explain", "PACK006").Code);
        Assert.Equal(2, Cli.Run("lint", "--explain", "HP999").Code);
        (code, o, _) = Cli.Run("lint", "--list-rules");
        Assert.Equal(0, code);
        Golden.Match("lint-list-rules.txt", o);
    }

    [Fact]
    public void Every_format_parses()
    {
        using var dir = new TempDir();
        string packs = Pack(dir, Question("p-1", "What is the purpose of a calibration meeting?"), Question("p-2", "What is the purpose of a calibration meeting?"));
        var (_, json, _) = Cli.Run("lint", packs, "--format", "json");
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.Equal("HP110", doc.RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
        }

        var (_, sarif, _) = Cli.Run("lint", packs, "--format", "sarif");
        using (var doc = JsonDocument.Parse(sarif))
        {
            Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        }

        Assert.StartsWith("::warning file=", Cli.Run("lint", packs, "--format", "github").Out, StringComparison.Ordinal);
        Assert.Matches(@"^/.+q\.yaml\(12,13\): warning HP110: ", Cli.Run("lint", packs, "--format", "msbuild").Out);
        Assert.Equal(2, Cli.Run("lint", packs, "--format", "xml").Code);
    }

    [Fact]
    public void Output_file_and_baseline_are_written_atomically_and_baselines_hide_known_findings()
    {
        using var dir = new TempDir();
        string packs = Pack(dir, Question("p-1", "Are you married?"));
        string baseline = Path.Combine(dir.Path, "baseline.json");
        var (code, _, e) = Cli.Run("lint", packs, "--write-baseline", baseline);
        Assert.Equal(0, code);
        Assert.Contains("wrote 2 findings to", e, StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("lint", packs, "--baseline", baseline, "--fail-on", "warning").Code);

        string report = Path.Combine(dir.Path, "lint.sarif");
        (code, var o, _) = Cli.Run("lint", packs, "--format", "sarif", "-o", report);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, o);
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(2, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Equal(["baseline.json", "lint.sarif"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bad_files_give_located_findings()
    {
        using var dir = new TempDir();
        dir.File("empty.yaml", string.Empty);
        dir.File("list.yaml", "- a\n");
        dir.File("scalar.yaml", "hello\n");
        var (code, o, _) = Cli.Run("lint", dir.Path);
        Assert.Equal(1, code);
        Assert.Matches(@"empty\.yaml:1:1: error PACK008: ", o);
        Assert.Matches(@"list\.yaml:1:1: error PACK003: .*found a list", o);
        Assert.Matches(@"scalar\.yaml:1:1: error PACK003: .*found a string", o);
    }

    [Fact]

    [Trait("Category", "External")]
    public void Msbuild_integration_fails_the_build_with_clickable_errors()
    {
        using var dir = new TempDir();
        string tool = Path.Combine(AppContext.BaseDirectory, "HrPrep.Tool.dll");
        dir.File("packs.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <HrPrepLintCommand>dotnet "{tool}"</HrPrepLintCommand>
              </PropertyGroup>
              <Import Project="{Repo.PathOf("build", "HrPrep.Lint.targets")}" />
            </Project>
            """);
        Pack(dir, Question("p-1", "Do you plan to have children?"));
        var (code, output) = Build(dir.Path);
        Assert.True(code != 0, output);
        Assert.Matches(@"questions/q\.yaml\(3,13\): error HP401: the prompt asks the candidate about family plans", output);

        Pack(dir, Question("p-1", "How do you plan a calibration meeting?"));
        (code, output) = Build(dir.Path);
        Assert.True(code == 0, output);
    }

    private static (int Code, string Output) Build(string directory)
    {
        var start = new ProcessStartInfo("dotnet", ["build", "-nologo", "-v:m", "-p:TreatWarningsAsErrors=false"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
