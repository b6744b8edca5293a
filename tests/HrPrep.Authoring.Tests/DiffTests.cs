using HrPrep.Authoring.Diff;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests;

public class DiffTests
{
    private static QuestionPack Mini => PackReader.ReadPaths([Repo.MiniPack]).GetPacksOrThrow()[0];

    [Theory]
    [InlineData("1.0.0", "2.0.0", ChangeLevel.Major)]
    [InlineData("1.0.0", "1.1.0", ChangeLevel.Minor)]
    [InlineData("1.0.0", "1.0.1", ChangeLevel.Patch)]
    [InlineData("1.0.0", "1.0.0", ChangeLevel.None)]
    [InlineData("1.0.0-beta.1", "1.0.0-beta.2", ChangeLevel.Patch)]
    [InlineData("1.0.0-beta", "1.0.0", ChangeLevel.Patch)]
    [InlineData("1.9.0", "1.10.0", ChangeLevel.Minor)]
    public void Declared_bump(string from, string to, ChangeLevel expected)
    {
        Assert.Equal(expected, SemanticVersion.TryParse(to)!.BumpFrom(SemanticVersion.TryParse(from)!));
    }

    [Fact]
    public void A_lower_version_declares_nothing()
    {
        Assert.Null(SemanticVersion.TryParse("1.0.0")!.BumpFrom(SemanticVersion.TryParse("1.0.1")!));
        Assert.True(SemanticVersion.TryParse("1.0.0-alpha")!.CompareTo(SemanticVersion.TryParse("1.0.0-alpha.1")) < 0);
        Assert.True(SemanticVersion.TryParse("1.0.0-2")!.CompareTo(SemanticVersion.TryParse("1.0.0-beta")) < 0);
    }

    [Fact]
    public void Wording_is_patch_added_is_minor_removed_is_major()
    {
        var mini = Mini;
        var patch = PackDiff.Compare(mini, mini with { Questions = [mini.Questions[0] with { Prompt = "x?" }, .. mini.Questions[1..]] });
        Assert.Equal(ChangeLevel.Patch, patch.Required);
        var minor = PackDiff.Compare(mini, mini with { Questions = [.. mini.Questions, mini.Questions[0] with { Id = "mini-new-001", Prompt = "new?" }] });
        Assert.Equal(ChangeLevel.Minor, minor.Required);
        Assert.Equal(["mini-new-001"], minor.Added);
        var major = PackDiff.Compare(mini, mini with { Questions = mini.Questions[1..] });
        Assert.Equal(ChangeLevel.Major, major.Required);
        Assert.False(Assert.Single(major.Removed).Retired);
        Assert.False(major.BumpIsSufficient);
        Assert.Equal("3.0.0", major.MinimumVersion);
    }

    [Fact]
    public void Review_date_and_attribution_changes_are_patch_changes()
    {
        var mini = Mini;
        var q = mini.Questions[0];
        var withReview = mini with { Questions = [q with { ReviewBy = new DateOnly(2027, 2, 1) }, .. mini.Questions[1..]] };
        var review = PackDiff.Compare(mini, withReview);
        Assert.Equal(ChangeLevel.Patch, review.Required);
        Assert.Equal(["reviewBy"], FieldDiff.ChangedFields(q, withReview.Questions[0]));

        var withAttribution = mini with { Questions = [q with { Attribution = new PromptAttribution("A list", "https://example.org/a") }, .. mini.Questions[1..]] };
        Assert.Equal(ChangeLevel.Patch, PackDiff.Compare(mini, withAttribution).Required);
        Assert.Equal(["attribution"], FieldDiff.ChangedFields(q, withAttribution.Questions[0]));
        var otherUrl = withAttribution.Questions[0] with { Attribution = new PromptAttribution("A list", "https://example.org/b") };
        Assert.Equal(["attribution"], FieldDiff.ChangedFields(withAttribution.Questions[0], otherUrl));
        Assert.Empty(FieldDiff.ChangedFields(withAttribution.Questions[0], withAttribution.Questions[0] with { Attribution = new PromptAttribution("A list", "https://example.org/a") }));
    }

    [Fact]
    public void Same_content_under_a_new_id_is_a_rename()
    {
        var mini = Mini;
        var renamed = PackDiff.Compare(mini, mini with { Retired = [.. mini.Retired, "mini-a-001"], Questions = [mini.Questions[0] with { Id = "mini-a-900" }, .. mini.Questions[1..]] });
        var r = Assert.Single(renamed.Renamed);
        Assert.Equal(("mini-a-001", "mini-a-900", true), (r.OldId, r.NewId, r.OldIdRetired));
        Assert.Empty(renamed.Added);
        Assert.Empty(renamed.Removed);
        Assert.Equal(ChangeLevel.Major, renamed.Required);
    }

    [Fact]
    public void Packs_on_one_side_only_are_removed_or_new()
    {
        var mini = Mini;
        var other = mini with { Id = "other" };
        var diffs = PackDiff.Compare([mini], [other]);
        Assert.Equal(["mini", "other"], diffs.Select(d => d.PackId));
        Assert.Equal(ChangeLevel.Major, diffs[0].Required);
        Assert.Null(diffs[0].NewVersion);
        Assert.False(diffs[0].BumpIsSufficient);
        Assert.Equal(ChangeLevel.Minor, diffs[1].Required);
        Assert.True(diffs[1].BumpIsSufficient);
        Assert.Equal(8, diffs[1].Added.Length);
    }

    [Fact]
    public void Taking_an_id_off_retired_is_major_and_a_lower_version_fails()
    {
        var mini = Mini;
        var unretired = PackDiff.Compare(mini, mini with { Retired = [], Version = "2.1.1" });
        Assert.Equal(["mini-old-001"], unretired.Unretired);
        Assert.Equal(ChangeLevel.Major, unretired.Required);
        var lower = PackDiff.Compare(mini, mini with { Version = "2.0.9" });
        Assert.Null(lower.Declared);
        Assert.False(lower.BumpIsSufficient);
    }
}
