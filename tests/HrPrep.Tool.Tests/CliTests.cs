using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

internal static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}

public partial class CliTests
{
    private static readonly string Mini = Repo.MiniPack;

    [Fact]
    public void Version_prints_tool_and_content_versions()
    {
        var (code, o, _) = Cli.Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^hrprep \d+\.\d+\.\d+\ncontent 1\.1\.0 \(hr-performance-management-specialist 1\.1\.0, \d{3} questions\)\n$", o);
    }

    [Fact]
    public void List_reads_the_embedded_packs_by_default()
    {
        var (code, o, _) = Cli.Run("list");
        Assert.Equal(0, code);
        Assert.Matches(@"\n(\d+) questions\n$", o);
        Assert.True(int.Parse(Regex.Match(o, @"\n(\d+) questions\n$").Groups[1].Value) >= 200);
        Assert.Contains("hrpm-goals-001", o);
    }

    [Fact]
    public void List_filters_and_table_output()
    {
        var (code, o, _) = Cli.Run("list", Mini, "--level", "mid", "--category", "alpha");
        Assert.Equal(0, code);
        Golden.Match("list-mini-mid-alpha.txt", o);
    }

    [Fact]
    public void List_json_is_an_array_of_schema_named_question_objects_with_pack()
    {
        var (code, o, _) = Cli.Run("list", Mini, "--format", "json", "--type", "case-study");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        var q = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(
            ["id", "pack", "prompt", "category", "type", "level", "origin", "tags", "scenario", "answer", "followUps", "lookFor", "redFlags", "jurisdiction", "sources", "related", "lastVerified"],
            q.EnumerateObject().Select(p => p.Name));
        Assert.Equal("mini", q.GetProperty("pack").GetString());
        Assert.Equal("case-study", q.GetProperty("type").GetString());
        Assert.Equal(2, q.GetProperty("answer").GetProperty("keyPoints").GetArrayLength());
        Assert.Equal("Headcount", q.GetProperty("scenario").GetProperty("table").GetProperty("columns")[1].GetString());
    }

    [Fact]
    public void List_search_is_ranked_and_accent_insensitive()
    {
        var (code, o, _) = Cli.Run("list", Mini, "--search", "EVALUATION", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        Assert.Equal("mini-b-001", Assert.Single(doc.RootElement.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public void Show_prints_a_whole_question()
    {
        var (code, o, _) = Cli.Run("show", "mini-b-002", Mini);
        Assert.Equal(0, code);
        Golden.Match("show-mini-b-002.txt", o);
    }

    [Fact]
    public void Show_prints_review_date_and_prompt_attribution()
    {
        using var dir = new TempDir();
        string pack = dir.File("p.yaml", """
            pack: {id: p, version: 1.0.0, title: P, language: en, license: CC0-1.0, categories: [{id: c, title: C}]}
            questions:
              - id: p-001
                prompt: What is it?
                category: c
                type: technical
                level: mid
                answer: {summary: An answer.}
                jurisdiction: UK
                related: [p-002]
                reviewBy: 2027-02-01
                attribution: {title: A list of prompts, url: 'https://example.org/list'}
              - id: p-002
                prompt: What else?
                category: c
                type: technical
                level: mid
                answer: {summary: Another.}
            """);
        var (code, o, _) = Cli.Run("show", "p-001", pack);
        Assert.Equal(0, code);
        Assert.EndsWith("Jurisdiction: UK\nReview by: 2027-02-01\nRelated: p-002\nPrompt from: A list of prompts <https://example.org/list>\n", o);
        var (code2, o2, _) = Cli.Run("show", "p-002", pack);
        Assert.Equal(0, code2);
        Assert.DoesNotContain("Review by", o2);
        Assert.DoesNotContain("Prompt from", o2);
    }

    [Fact]
    public void Show_unknown_id_is_a_finding_with_a_hint()
    {
        var (code, o, e) = Cli.Run("show", "mini-b-00", Mini);
        Assert.Equal(1, code);
        Assert.Empty(o);
        Assert.Equal("hrprep: error NOTFOUND: no question has the id 'mini-b-00' (did you mean mini-b-001, mini-b-002, mini-b-003?)\n", e);
    }

    [Fact]
    public void Sample_is_reproducible_and_reports_its_seed()
    {
        var first = Cli.Run("sample", Mini, "-n", "3", "-s", "42");
        var second = Cli.Run("sample", Mini, "-n", "3", "-s", "42");
        Assert.Equal(0, first.Code);
        Assert.Equal(first.Out, second.Out);
        Golden.Match("sample-mini-3-42.txt", first.Out);
    }

    [Fact]
    public void Sample_with_quotas_and_exclusions()
    {
        using var dir = new TempDir();
        string seen = dir.File("seen.txt", "# practised\nmini-b-001\nmini-b-003  # twice\n");
        var (code, o, _) = Cli.Run("sample", Mini, "-n", "3", "-s", "1", "--quota", "beta=2", "--exclude-file", seen, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        var ids = doc.RootElement.EnumerateArray().Select(q => q.GetProperty("id").GetString()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.All(ids.Take(2), id => Assert.StartsWith("mini-b-", id));
        Assert.DoesNotContain("mini-b-001", ids);
        Assert.DoesNotContain("mini-b-003", ids);
    }

    [Fact]
    public void Sample_that_cannot_be_met_exits_1_with_a_clear_warning()
    {
        var (code, o, e) = Cli.Run("sample", Mini, "-n", "20", "-s", "1");
        Assert.Equal(1, code);
        Assert.Contains("Mock interview: 8 questions", o);
        Assert.Equal("hrprep: warning SAMPLE: only 8 of 20 questions were available\n", e);
    }

    [Fact]
    public void Stats_of_the_shipped_pack()
    {
        var (code, o, _) = Cli.Run("stats");
        Assert.Equal(0, code);
        Golden.Match("stats-shipped.txt", o);
    }

    [Fact]
    public void Stats_json()
    {
        var (code, o, _) = Cli.Run("stats", Mini, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        Assert.Equal(8, doc.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("byCategory").GetProperty("alpha").GetProperty("mid").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("byType").GetProperty("situational").GetInt32());
    }

    [Theory]
    [InlineData("list --level bogus")]
    [InlineData("list --nope")]
    [InlineData("frobnicate")]
    [InlineData("sample --count 0")]
    [InlineData("sample --quota beta")]
    [InlineData("sample -n 1 --quota beta=2")]
    [InlineData("sample --seed -4")]
    public void Usage_errors_exit_2_with_one_line_each(string commandLine)
    {
        var (code, o, e) = Cli.Run(commandLine.Split(' '));
        Assert.Equal(2, code);
        Assert.Empty(o);
        Assert.All(e.TrimEnd('\n').Split('\n'), line => Assert.Matches(@"^(hrprep: error USAGE: \S.*|Run 'dotnet hrprep --help' for usage\.)$", line));
    }

    [Fact]
    public void Help_lists_commands_and_exit_codes()
    {
        var (code, o, _) = Cli.Run("--help");
        Assert.Equal(0, code);
        foreach (var word in new[] { "list", "show", "sample", "stats", "Exit codes: 0 ok, 1 findings, 2 usage error, 3 unreadable input" })
        {
            Assert.Contains(word, o);
        }
    }

    [Fact]
    public void No_arguments_prints_the_help_and_exits_0()
    {
        var (code, o, e) = Cli.Run();
        Assert.Equal(0, code);
        Assert.Empty(e);
        Assert.Contains("Exit codes: 0 ok, 1 findings, 2 usage error, 3 unreadable input", o);
        Assert.Equal(Cli.Run("--help").Out, o);
    }

    public static TheoryData<string, byte[], int, string> HostileFiles()
    {
        static byte[] B(string s) => Encoding.UTF8.GetBytes(s);
        var laughs = new StringBuilder("a: &a [lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++)
        {
            laughs.Append($"{c}: &{c} [*{(char)(c - 1)}, *{(char)(c - 1)}]\n");
        }

        var invalidUtf8 = B("pack:\n  id: x\n  title: caf\u00e9\n");
        invalidUtf8[^3] = 0xC0;
        return new()
        {
            { "laughs.yaml", B(laughs.ToString()), 1, "YAML002" },
            { "deep.yaml", B("pack: " + new string('[', 10_000) + new string(']', 10_000) + "\n"), 1, "YAML004" },
            { "dupe.yaml", B("pack:\n  id: a\n  id: b\n"), 1, "YAML003" },
            { "tabs.yaml", B("pack:\n\tid: a\n"), 1, "YAML001" },
            { "utf8.yaml", invalidUtf8, 3, "YAML006" },
            { "unknown.yaml", B("pack:\n  id: a\n  colour: red\n"), 1, "PACK001" },
            { "enum.yaml", B(File.ReadAllText(Path.Combine(Repo.MiniPack, "pack.yaml")) + "questions:\n  - {id: q, prompt: p, category: alpha, type: essay, level: mid, answer: {summary: s}}\n"), 1, "PACK004" },
            { "required.yaml", B("pack:\n  id: a\n  version: 1.0.0\n"), 1, "PACK002" },
            { "empty.yaml", B(string.Empty), 1, "PACK008" },
            { "list.yaml", B("- 1\n- 2\n"), 1, "PACK003" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public void Hostile_and_broken_packs_get_a_located_error_and_exit_code(string name, byte[] content, int exitCode, string errorCode)
    {
        using var dir = new TempDir();
        string path = dir.Bytes(name, content);
        var (code, o, e) = Cli.Run("list", path);
        Assert.Equal(exitCode, code);
        Assert.Empty(o);
        var lines = e.TrimEnd('\n').Split('\n');
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^{Regex.Escape(path)}:\d+:\d+: error {errorCode}: \S"));
        Assert.All(lines[..^1], l => Assert.Matches($@"^{Regex.Escape(path)}:\d+:\d+: error [A-Z]+\d*: \S", l));
        Assert.All(lines, l => Assert.DoesNotContain("   at ", l));
        Assert.StartsWith("hrprep: error INPUT: ", lines[^1]);
    }

    [Fact]
    public void Missing_input_exits_3()
    {
        var (code, _, e) = Cli.Run("stats", "/nonexistent/pack");
        Assert.Equal(3, code);
        Assert.StartsWith("/nonexistent/pack:1:1: error IO001: no such file or directory\n", e);
    }

    [Fact]

    [Trait("Category", "External")]
    public void The_real_process_reports_bad_input_in_one_line_without_a_stack_trace()
    {
        using var dir = new TempDir();
        string path = dir.File("bad.yaml", "a: &x 1\n");
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HrPrep.Tool.dll"), "list", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(1, p.ExitCode);
        Assert.Empty(stdout);
        Assert.Equal($"{path}:1:4: error YAML002: anchors (&x) are not allowed in pack files; write the value out\nhrprep: error INPUT: 1 problem in the input; nothing was done\n", stderr);
    }
}

public class ProgressTests
{
    [Fact]
    public void Progress_is_drawn_only_on_a_terminal_and_not_when_quiet()
    {
        var terminal = new StringWriter();
        var ctx = new HrPrep.Tool.Infrastructure.ToolContext(TextWriter.Null, terminal) { ErrorIsTerminal = true };
        using (var p = HrPrep.Tool.Infrastructure.ProgressReporter.Start(ctx, "lint"))
        {
            p.Report(5, 10);
            p.Report(10, 10);
        }

        Assert.Contains("lint: 10/10 (100%)", terminal.ToString());
        Assert.EndsWith("\r", terminal.ToString());

        var redirected = new StringWriter();
        using (var p = HrPrep.Tool.Infrastructure.ProgressReporter.Start(new HrPrep.Tool.Infrastructure.ToolContext(TextWriter.Null, redirected), "lint"))
        {
            Assert.False(p.Enabled);
            p.Report(10, 10);
        }

        Assert.Empty(redirected.ToString());

        var quiet = new HrPrep.Tool.Infrastructure.ToolContext(TextWriter.Null, new StringWriter()) { ErrorIsTerminal = true, Quiet = true };
        Assert.False(HrPrep.Tool.Infrastructure.ProgressReporter.Start(quiet, "x").Enabled);
    }

    [Fact]
    public void Quiet_is_accepted_by_every_command()
    {
        var (code, _, _) = Cli.Run("stats", HrPrep.Tests.Shared.Repo.MiniPack, "--quiet");
        Assert.Equal(0, code);
        Assert.Equal(0, Cli.Run("-q", "list", HrPrep.Tests.Shared.Repo.MiniPack).Code);
    }
}
