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
        void Check(bool same, string name)
        {
            if (!same)
            {
                changed.Add(name);
            }
        }

        if (includeId)
        {
            Check(Eq(a.Id, b.Id), "id");
        }

        Check(Eq(a.Prompt, b.Prompt), "prompt");
        Check(Eq(a.Category, b.Category), "category");
        Check(a.Type == b.Type, "type");
        Check(a.Level == b.Level, "level");
        Check(a.Origin == b.Origin, "origin");
        Check(Eq(a.Tags, b.Tags), "tags");
        Check(SameScenario(a.Scenario, b.Scenario), "scenario");
        Check(Eq(a.Answer.Summary, b.Answer.Summary) && Eq(a.Answer.KeyPoints, b.Answer.KeyPoints), "answer");
        Check(Eq(a.FollowUps, b.FollowUps), "followUps");
        Check(Eq(a.LookFor, b.LookFor), "lookFor");
        Check(Eq(a.RedFlags, b.RedFlags), "redFlags");
        Check(Eq(a.Jurisdiction, b.Jurisdiction), "jurisdiction");
        Check(Eq(a.Sources, b.Sources), "sources");
        Check(Eq(a.Related, b.Related), "related");
        Check(a.LastVerified == b.LastVerified, "lastVerified");
        return changed;
    }

    /// <summary>True when two questions have the same content (id included).</summary>
    public static bool SameQuestion(Question a, Question b) => ChangedFields(a, b).Count == 0;

    /// <summary>The names of the manifest fields that differ (questions are not compared).</summary>
    public static IReadOnlyList<string> ChangedManifestFields(QuestionPack a, QuestionPack b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var changed = new List<string>();
        void Check(bool same, string name)
        {
            if (!same)
            {
                changed.Add(name);
            }
        }

        Check(Eq(a.Id, b.Id), "id");
        Check(Eq(a.Version, b.Version), "version");
        Check(Eq(a.Title, b.Title), "title");
        Check(Eq(a.Role, b.Role), "role");
        Check(Eq(a.Description, b.Description), "description");
        Check(Eq(a.Language, b.Language), "language");
        Check(Eq(a.License, b.License), "license");
        Check(Eq(a.Authors, b.Authors), "authors");
        Check(Eq(a.Disclaimer, b.Disclaimer), "disclaimer");
        Check(Eq(a.Homepage, b.Homepage), "homepage");
        Check(Eq(a.Categories, b.Categories), "categories");
        Check(Eq(a.Retired, b.Retired), "retired");
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
