using System.Collections.Immutable;
using HrPrep.Content;

namespace HrPrep.Authoring.Diff;

/// <summary>
/// Names the schema fields in which two questions or two manifests differ, for diff and merge
/// reports. Whether they differ at all is the records' own value equality (<c>==</c>); this only
/// says where.
/// </summary>
internal static class FieldDiff
{
    /// <summary>The names of the question fields that differ, in schema order (empty when the content is the same; the pack id and location are not compared).</summary>
    /// <param name="a">One question.</param>
    /// <param name="b">The other question.</param>
    /// <param name="includeId">Whether a different id counts as a difference.</param>
    public static List<string> ChangedFields(Question a, Question b, bool includeId = true)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var changed = new List<string>();
        if (includeId)
        {
            Note(changed, a.Id == b.Id, "id");
        }

        Note(changed, a.Prompt == b.Prompt, "prompt");
        Note(changed, a.Category == b.Category, "category");
        Note(changed, a.Type == b.Type, "type");
        Note(changed, a.Level == b.Level, "level");
        Note(changed, a.Origin == b.Origin, "origin");
        Note(changed, Same(a.Tags, b.Tags), "tags");
        Note(changed, a.Scenario == b.Scenario, "scenario");
        Note(changed, a.Answer == b.Answer, "answer");
        Note(changed, Same(a.FollowUps, b.FollowUps), "followUps");
        Note(changed, Same(a.LookFor, b.LookFor), "lookFor");
        Note(changed, Same(a.RedFlags, b.RedFlags), "redFlags");
        Note(changed, a.Jurisdiction == b.Jurisdiction, "jurisdiction");
        Note(changed, Same(a.Sources, b.Sources), "sources");
        Note(changed, Same(a.Related, b.Related), "related");
        Note(changed, a.LastVerified == b.LastVerified, "lastVerified");
        Note(changed, a.ReviewBy == b.ReviewBy, "reviewBy");
        Note(changed, a.Attribution == b.Attribution, "attribution");
        return changed;
    }

    /// <summary>The names of the manifest fields that differ (questions and location are not compared).</summary>
    public static List<string> ChangedManifestFields(QuestionPack a, QuestionPack b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var changed = new List<string>();
        Note(changed, a.Id == b.Id, "id");
        Note(changed, a.Version == b.Version, "version");
        Note(changed, a.Title == b.Title, "title");
        Note(changed, a.Role == b.Role, "role");
        Note(changed, a.Description == b.Description, "description");
        Note(changed, a.Language == b.Language, "language");
        Note(changed, a.License == b.License, "license");
        Note(changed, Same(a.Authors, b.Authors), "authors");
        Note(changed, a.Disclaimer == b.Disclaimer, "disclaimer");
        Note(changed, a.Homepage == b.Homepage, "homepage");
        Note(changed, Same(a.Categories, b.Categories), "categories");
        Note(changed, Same(a.Retired, b.Retired), "retired");
        return changed;
    }

    /// <summary>True when two questions have the same content, whichever pack they belong to.</summary>
    public static bool SameContent(Question a, Question b) =>
        a.PackId == b.PackId ? a == b : a == b with { PackId = a.PackId };

    private static void Note(List<string> changed, bool same, string name)
    {
        if (!same)
        {
            changed.Add(name);
        }
    }

    private static bool Same<T>(ImmutableArray<T> a, ImmutableArray<T> b)
        where T : IEquatable<T> =>
        a.AsSpan().SequenceEqual(b.AsSpan());
}
