using System.Text.Json;
using HrPrep.Authoring.Lint;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>Lint is one pipeline whatever the input: files on disk and bytes in memory give the same workspace.</summary>
public class LintPipelineTests
{
    /// <summary>A workspace rule that only records the workspace it was given.</summary>
    private sealed class WorkspaceProbe() : LintRule(new RuleDescriptor("HP999", "workspace-probe", RuleGroup.Identity, LintSeverity.Info, "Records the workspace (test only).", "Test only.", "-", "-"))
    {
        public LintWorkspace? Seen { get; private set; }

        public override void CheckWorkspace(LintWorkspace workspace, RuleContext context) => Seen = workspace;
    }

    private static LintWorkspace Capture(Func<LintEngine, LintResult> lint)
    {
        var probe = new WorkspaceProbe();
        lint(new LintEngine(new LintOptions { Rules = [probe], Today = new DateOnly(2026, 1, 1) }));
        return probe.Seen ?? throw new InvalidOperationException("the workspace rule did not run");
    }

    private static string Describe(LintWorkspace w) => JsonSerializer.Serialize(new
    {
        Packs = w.Packs,
        Files = w.Files.Select(f => new { f.Path, f.PackId, Questions = f.Summaries.Select(q => new { q.Id, Prompt = q.Prompt?.Value, q.Location }) }),
    });

    [Theory]
    [InlineData("mini")]
    [InlineData("mini-next")]
    public void Workspace_is_the_same_for_LintPaths_and_LintBytes(string fixture)
    {
        var files = Directory.EnumerateFiles(Repo.PathOf("tests", "fixtures", "packs", fixture), "*.yaml").Order(StringComparer.Ordinal).ToList();
        var fromPaths = Capture(e => e.LintPaths(files));
        var fromBytes = Capture(e => e.LintBytes(files.Select(f => new KeyValuePair<string, byte[]>(f, File.ReadAllBytes(f)))));

        // Not vacuous: a pack with questions, each with its prompt text.
        var pack = Assert.Single(fromPaths.Packs);
        Assert.NotEmpty(pack.Questions);
        Assert.Empty(pack.Manifest.Questions);
        Assert.All(fromPaths.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Prompt?.Value)));
        Assert.Equal(pack.Questions.Length, fromPaths.Questions.Count(q => q.File.PackId == pack.Manifest.Id));

        Assert.Equal(Describe(fromPaths), Describe(fromBytes));
    }
    [Fact]
    public void Workspace_keeps_the_manifest_id_and_category_ids_with_positions_and_the_mapping_only_for_rules_from_other_assemblies()
    {
        using var dir = new TempDir();
        // The harness's manifest with a block list of categories, some without a usable id.
        string manifest = LintHarness.Manifest.Replace("  categories: [{id: c1, title: C}]", """
              categories:
                - id: c1
                  title: C
                - just a string
                - title: no id
                -   id: c2
                    title: D
                - {id: c1, title: again}
            """, StringComparison.Ordinal);
        string pack = dir.File("p/pack.yaml", manifest + "\n");
        string questions = dir.File("p/q.yaml", "questions:\n" + LintHarness.Question("p-1", "What is a PIP?"));
        var workspace = Capture(e => e.LintPaths([Path.Combine(dir.Path, "p")]));

        var manifestFile = Assert.Single(workspace.Files, f => f.Path == pack);
        Assert.Null(manifestFile.Root);

        // The probe is a rule from another assembly, so the manifest mapping is kept for it, as in 2.0;
        // a run of built-in rules only drops it after the per-file phase.
        Assert.Equal("p", Assert.IsType<HrPrep.Packs.Yaml.YamlScalar>(manifestFile.Manifest!.Get("id")).Value);
        Assert.True(new LintEngine(new LintOptions { Rules = [new WorkspaceProbe()] }).KeepsManifests);
        Assert.True(new LintEngine(new LintOptions { Rules = [.. RuleCatalogue.Rules, new WorkspaceProbe()] }).KeepsManifests);
        Assert.False(new LintEngine().KeepsManifests);
        Assert.False(new LintEngine(new LintOptions { Rules = RuleCatalogue.Rules }).KeepsManifests);
        Assert.Equal("p", manifestFile.ManifestId);
        Assert.Equal(
            [("c1", 10, 11, 10, 7), ("c2", 14, 13, 14, 9), ("c1", 16, 12, 16, 7)],
            manifestFile.ManifestCategories.Select(c => (c.Id, c.IdLocation.Line, c.IdLocation.Column, c.Location.Line, c.Location.Column)));
        Assert.All(manifestFile.ManifestCategories, c => Assert.Equal(pack, c.IdLocation.Path));

        var questionFile = Assert.Single(workspace.Files, f => f.Path == questions);
        Assert.Null(questionFile.ManifestId);
        Assert.Empty(questionFile.ManifestCategories);
    }
    [Fact]
    public void Workspace_packs_keep_identities_and_titles_and_the_free_texts_only_for_rules_from_other_assemblies()
    {
        using var dir = new TempDir();
        dir.File("p/pack.yaml", LintHarness.Manifest.Replace("{id: c1, title: C}", "{id: c1, title: C, description: What C is about.}", StringComparison.Ordinal) + "\n  retired: [p-0]\n");
        dir.File("p/q.yaml", "questions:\n" + LintHarness.Question("p-1", "What is a PIP?"));
        var workspace = Capture(e => e.LintPaths([Path.Combine(dir.Path, "p")]));

        var pack = Assert.Single(workspace.Packs);
        Assert.Equal(("p", "1.0.0", "P", "en", "MIT"), (pack.Manifest.Id, pack.Manifest.Version, pack.Manifest.Title, pack.Manifest.Language, pack.Manifest.License));
        Assert.Equal(["p-0"], pack.Manifest.Retired);
        Assert.Equal("p-1", Assert.Single(pack.Questions).Id);

        // The probe is a rule from another assembly: it sees the free texts, as in 2.0.
        Assert.Equal("What C is about.", Assert.Single(pack.Manifest.Categories).Description);
        Assert.NotNull(pack.Manifest.Description);
        Assert.NotEmpty(pack.Manifest.Authors);

        // What a run of built-in rules keeps instead.
        var outline = LintEngine.Outline(pack.Manifest)!;
        Assert.Equal(("p", "1.0.0", "P", "en", "MIT"), (outline.Id, outline.Version, outline.Title, outline.Language, outline.License));
        Assert.Equal(["p-0"], outline.Retired);
        var category = Assert.Single(outline.Categories);
        Assert.Equal(("c1", "C", (string?)null), (category.Id, category.Title, category.Description));
        Assert.Null(outline.Description);
        Assert.Empty(outline.Authors);
        Assert.Equal(pack.Manifest.Location, outline.Location);
    }
}
