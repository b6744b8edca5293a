using HrPrep.Authoring.Schema;
using HrPrep.Content;
using HrPrep.Content.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Tool.Tests;

public class NewCommandTests
{
    [Fact]
    public void New_scaffolds_a_pack_that_passes_the_reader_and_the_schema()
    {
        using var dir = new TempDir();
        var (code, o, e) = Cli.Run("new", "data-analyst", "-o", dir.Path);
        Assert.True(code == 0, e);
        string target = Path.Combine(dir.Path, "data-analyst");
        Assert.Contains("Created", o);
        Assert.Equal(["general.yaml", "pack.yaml"], Directory.GetFiles(target).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(target))
        {
            string text = File.ReadAllText(file);
            Assert.StartsWith("# yaml-language-server: $schema=", text, StringComparison.Ordinal);
            var read = SafeYamlReader.ReadText(file, text);
            Assert.Empty(PackSchemaValidator.Default.Validate(read.Root!));
        }

        var pack = Assert.Single(PackReader.ReadPaths([target]).GetPacksOrThrow());
        Assert.Equal("data-analyst", pack.Id);
        Assert.Equal("0.1.0", pack.Version);
        Assert.Equal("data-analyst-general-001", Assert.Single(pack.Questions).Id);
    }

    [Fact]
    public void New_refuses_a_non_empty_folder_and_bad_ids()
    {
        using var dir = new TempDir();
        dir.File("p/keep.txt", "mine");
        var (code, _, e) = Cli.Run("new", "p", "-o", dir.Path);
        Assert.Equal(1, code);
        Assert.Contains("already exists and is not empty; nothing was written", e);
        Assert.Equal(["keep.txt"], Directory.GetFiles(Path.Combine(dir.Path, "p")).Select(f => Path.GetFileName(f)!));
        var bad = Cli.Run("new", "Bad_Id", "-o", dir.Path);
        Assert.Equal(2, bad.Code);
        Assert.StartsWith("hrprep: error USAGE: 'Bad_Id' is not a valid pack id", bad.Err, StringComparison.Ordinal);
    }
}
