using HrPrep.Tests.Shared;
using HrPrep.Tool.Infrastructure;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>The CLI plumbing every command shares: one unknown-option check, one output-overlap check.</summary>
public class CliPlumbingTests
{
    [Theory]
    [InlineData("list", "list")]
    [InlineData("stats", "stats")]
    [InlineData("lint", "lint")]
    [InlineData("import markdown", "import markdown")]
    [InlineData("merge", "merge")]
    [InlineData("export csv", "export")]
    public void An_unknown_option_given_where_paths_go_is_a_usage_error_naming_the_command(string command, string helpOf)
    {
        string[] args = [.. command.Split(' '), Repo.MiniPack, "--no-such-flag"];
        if (command == "export csv")
        {
            args = [.. args, "-o", Path.Combine(Path.GetTempPath(), "never-written.csv")];
        }

        var (code, o, e) = Cli.Run(args);
        Assert.Equal(2, code);
        Assert.Empty(o);
        Assert.Equal($"hrprep: error USAGE: unknown option '--no-such-flag'; run 'dotnet hrprep {helpOf} --help' for usage\n", e);
    }

    [Fact]
    public void A_path_that_starts_with_a_dash_and_exists_is_a_path()
    {
        using var dir = new TempDir();
        string packs = Path.Combine(dir.Path, "-packs");
        CopyDirectory(Repo.MiniPack, Path.Combine(packs, "mini"));
        var (code, o, e) = Cli.Run("list", packs);
        Assert.True(code == 0, e);
        Assert.Contains("questions", o);
    }

    [Theory]
    [InlineData("out.yaml", new[] { "out.yaml" }, true, "out.yaml")]
    [InlineData("out.yaml", new[] { "./out.yaml" }, false, "./out.yaml")]
    [InlineData("packs", new[] { "other", "packs/a.yaml" }, true, "packs/a.yaml")]
    [InlineData("packs", new[] { "packs/a.yaml" }, false, "packs/a.yaml")]
    [InlineData("packs/new.yaml", new[] { "packs" }, true, "packs")]
    [InlineData("packs/study.csv", new[] { "packs" }, false, null)]
    [InlineData("packs-2", new[] { "packs" }, true, null)]
    [InlineData("packs", new[] { "packs-2/a.yaml" }, true, null)]
    public void Output_overlap_is_the_same_path_an_input_inside_the_output_or_a_pack_inside_an_input(string output, string[] inputs, bool outputIsPack, string? expected)
    {
        string work = Path.Combine(Path.GetTempPath(), "hrprep-overlap");
        Assert.Equal(expected, PackOutput.OverlappingInput(output, inputs, outputIsPack, work));
    }

    [Fact]
    public void Same_or_inside_compares_whole_path_segments()
    {
        string root = Path.Combine(Path.GetTempPath(), "hrprep-inside");
        Assert.True(PackOutput.IsSameOrInside(Path.Combine(root, "a"), Path.Combine(root, "a") + Path.DirectorySeparatorChar));
        Assert.True(PackOutput.IsSameOrInside(Path.Combine(root, "a", "b.yaml"), Path.Combine(root, "a")));
        Assert.False(PackOutput.IsSameOrInside(Path.Combine(root, "ab", "b.yaml"), Path.Combine(root, "a")));
    }

    [Fact]
    public void The_tool_assembly_exports_no_types()
    {
        // HrPrep.Tool is an executable, not a library: its types are internal (tests see them through InternalsVisibleTo).
        Assert.Empty(typeof(CliApp).Assembly.GetExportedTypes().Select(t => t.FullName));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
