using System.Collections.Immutable;
using HrPrep.Content;

namespace HrPrep.Authoring.Diff;

/// <summary>
/// Compares questions and manifests by content (every schema field), ignoring where they were read
/// from (<see cref="Question.Location"/>) and, for questions, the owning pack id.
/// </summary>
public static class ContentEquality
{
    /// <summary>The names of the question fields that differ, in schema order (empty when the content is the same).</summary>
    /// <param name="a">One question.</param>
    /// <param name="b">The other question.</param>
    /// <param name="includeId">Whether a different id counts as a difference.</param>
    public static IReadOnlyList<string> ChangedFields(Question a, Question b, bool includeId = true)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var changed = new List<string>();

        if (includeId)
        {
            Note(changed, Eq(a.Id, b.Id), "id");
        }

        Note(changed, Eq(a.Prompt, b.Prompt), "prompt");
        Note(changed, Eq(a.Category, b.Category), "category");
        Note(changed, a.Type == b.Type, "type");
        Note(changed, a.Level == b.Level, "level");
        Note(changed, a.Origin == b.Origin, "origin");
        Note(changed, Eq(a.Tags, b.Tags), "tags");
        Note(changed, SameScenario(a.Scenario, b.Scenario), "scenario");
        Note(changed, Eq(a.Answer.Summary, b.Answer.Summary) && Eq(a.Answer.KeyPoints, b.Answer.KeyPoints), "answer");
        Note(changed, Eq(a.FollowUps, b.FollowUps), "followUps");
        Note(changed, Eq(a.LookFor, b.LookFor), "lookFor");
        Note(changed, Eq(a.RedFlags, b.RedFlags), "redFlags");
        Note(changed, Eq(a.Jurisdiction, b.Jurisdiction), "jurisdiction");
        Note(changed, Eq(a.Sources, b.Sources), "sources");
        Note(changed, Eq(a.Related, b.Related), "related");
        Note(changed, a.LastVerified == b.LastVerified, "lastVerified");
        Note(changed, a.ReviewBy == b.ReviewBy, "reviewBy");
        Note(changed, a.Attribution == b.Attribution, "attribution");
        return changed;
    }

    private static void Note(List<string> changed, bool same, string name)
    {
        if (!same)
        {
            changed.Add(name);
        }
    }

    /// <summary>True when two questions have the same content (id included).</summary>
    public static bool SameQuestion(Question a, Question b) => ChangedFields(a, b).Count == 0;

    /// <summary>The names of the manifest fields that differ (questions are not compared).</summary>
    public static IReadOnlyList<string> ChangedManifestFields(QuestionPack a, QuestionPack b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var changed = new List<string>();

        Note(changed, Eq(a.Id, b.Id), "id");
        Note(changed, Eq(a.Version, b.Version), "version");
        Note(changed, Eq(a.Title, b.Title), "title");
        Note(changed, Eq(a.Role, b.Role), "role");
        Note(changed, Eq(a.Description, b.Description), "description");
        Note(changed, Eq(a.Language, b.Language), "language");
        Note(changed, Eq(a.License, b.License), "license");
        Note(changed, Eq(a.Authors, b.Authors), "authors");
        Note(changed, Eq(a.Disclaimer, b.Disclaimer), "disclaimer");
        Note(changed, Eq(a.Homepage, b.Homepage), "homepage");
        Note(changed, Eq(a.Categories, b.Categories), "categories");
        Note(changed, Eq(a.Retired, b.Retired), "retired");
        return changed;
    }

    /// <summary>True when two packs have the same manifest and the same questions in the same order.</summary>
    public static bool SamePack(QuestionPack a, QuestionPack b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ChangedManifestFields(a, b).Count != 0 || a.Questions.Length != b.Questions.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Questions.Length; i++)
        {
            if (!SameQuestion(a.Questions[i], b.Questions[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Eq(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    private static bool Eq<T>(ImmutableArray<T> a, ImmutableArray<T> b)
    {
        var x = a.IsDefault ? [] : a;
        var y = b.IsDefault ? [] : b;
        if (x.Length != y.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < x.Length; i++)
        {
            if (!comparer.Equals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameScenario(Scenario? a, Scenario? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (!Eq(a.Text, b.Text))
        {
            return false;
        }

        if (a.Table is null || b.Table is null)
        {
            return a.Table is null && b.Table is null;
        }

        if (!Eq(a.Table.Caption, b.Table.Caption) || !Eq(a.Table.Columns, b.Table.Columns) || a.Table.Rows.Length != b.Table.Rows.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Table.Rows.Length; i++)
        {
            if (!Eq(a.Table.Rows[i], b.Table.Rows[i]))
            {
                return false;
            }
        }

        return true;
    }
}
