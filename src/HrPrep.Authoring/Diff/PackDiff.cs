using System.Collections.Immutable;
using HrPrep.Authoring.Writing;
using HrPrep.Content;

namespace HrPrep.Authoring.Diff;

/// <summary>A question whose id changed while its content stayed the same.</summary>
/// <param name="OldId">The id in OLD.</param>
/// <param name="NewId">The id in NEW.</param>
/// <param name="OldIdRetired">Whether NEW lists the old id in <c>retired</c>.</param>
public sealed record RenamedQuestion(string OldId, string NewId, bool OldIdRetired);

/// <summary>A question removed from the pack.</summary>
/// <param name="Id">The removed id.</param>
/// <param name="Retired">Whether NEW lists it in <c>retired</c> (as it should).</param>
public sealed record RemovedQuestion(string Id, bool Retired);

/// <summary>A question whose content changed under the same id.</summary>
/// <param name="Id">The id.</param>
/// <param name="Fields">The schema names of the fields that changed.</param>
public sealed record ChangedQuestion(string Id, IReadOnlyList<string> Fields);

/// <summary>The differences between two versions of one pack and the version bump they require.</summary>
public sealed record PackDiffResult
{
    /// <summary>The pack id.</summary>
    public required string PackId { get; init; }

    /// <summary>OLD's version, or null when the pack is new.</summary>
    public string? OldVersion { get; init; }

    /// <summary>NEW's version, or null when the pack was removed.</summary>
    public string? NewVersion { get; init; }

    /// <summary>Ids in NEW only (not renames), in NEW's order.</summary>
    public ImmutableArray<string> Added { get; init; } = [];

    /// <summary>Ids in OLD only (not renames), in OLD's order.</summary>
    public ImmutableArray<RemovedQuestion> Removed { get; init; } = [];

    /// <summary>Ids newly listed in NEW's <c>retired</c>.</summary>
    public ImmutableArray<string> Retired { get; init; } = [];

    /// <summary>Ids taken off the <c>retired</c> list (never allowed).</summary>
    public ImmutableArray<string> Unretired { get; init; } = [];

    /// <summary>Questions with the same content under a new id.</summary>
    public ImmutableArray<RenamedQuestion> Renamed { get; init; } = [];

    /// <summary>Questions whose content changed.</summary>
    public ImmutableArray<ChangedQuestion> Changed { get; init; } = [];

    /// <summary>Category ids added.</summary>
    public ImmutableArray<string> CategoriesAdded { get; init; } = [];

    /// <summary>Category ids removed.</summary>
    public ImmutableArray<string> CategoriesRemoved { get; init; } = [];

    /// <summary>Manifest fields that changed (other than version, categories' membership and retired).</summary>
    public ImmutableArray<string> ManifestChanged { get; init; } = [];

    /// <summary>The smallest version bump the changes require.</summary>
    public ChangeLevel Required { get; init; }

    /// <summary>Why <see cref="Required"/> is what it is (one reason per level found).</summary>
    public ImmutableArray<string> Reasons { get; init; } = [];

    /// <summary>The bump NEW declares over OLD; null when NEW's version is lower or a side is missing.</summary>
    public ChangeLevel? Declared { get; init; }

    /// <summary>True when NEW's declared bump covers the required one (always for a new pack, never for a removed one).</summary>
    public bool BumpIsSufficient => NewVersion is not null && (OldVersion is null || (Declared is { } d && d >= Required));

    /// <summary>The smallest acceptable NEW version, or null when there is no OLD version.</summary>
    public string? MinimumVersion => OldVersion is not null && SemanticVersion.TryParse(OldVersion) is { } v ? v.Bump(Required).ToString() : null;
}

/// <summary>
/// Compares two versions of packs. Rules: a removed or renamed question id, a removed category or
/// an id taken off <c>retired</c> is <b>major</b>; added questions or categories are <b>minor</b>;
/// changed question content or manifest text is <b>patch</b>. A rename is a removed id whose
/// content (every field but the id) equals an added question's.
/// </summary>
public static class PackDiff
{
    /// <summary>Compares every pack of OLD with the pack of the same id in NEW (packs on one side only included).</summary>
    public static IReadOnlyList<PackDiffResult> Compare(IEnumerable<QuestionPack> oldPacks, IEnumerable<QuestionPack> newPacks)
    {
        ArgumentNullException.ThrowIfNull(oldPacks);
        ArgumentNullException.ThrowIfNull(newPacks);
        var olds = oldPacks.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var news = newPacks.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var results = new List<PackDiffResult>();
        foreach (string id in olds.Keys.Union(news.Keys).Order(StringComparer.Ordinal))
        {
            olds.TryGetValue(id, out var o);
            news.TryGetValue(id, out var n);
            if (o is not null && n is not null)
            {
                results.Add(Compare(o, n));
            }
            else if (o is not null)
            {
                results.Add(new PackDiffResult
                {
                    PackId = id,
                    OldVersion = o.Version,
                    Removed = [.. o.Questions.Select(q => new RemovedQuestion(q.Id, false))],
                    Required = ChangeLevel.Major,
                    Reasons = ["the pack was removed"],
                });
            }
            else
            {
                results.Add(new PackDiffResult
                {
                    PackId = id,
                    NewVersion = n!.Version,
                    Added = [.. n.Questions.Select(q => q.Id)],
                    Required = ChangeLevel.Minor,
                    Reasons = ["the pack is new"],
                });
            }
        }

        return results;
    }

    /// <summary>Compares two versions of one pack.</summary>
    public static PackDiffResult Compare(QuestionPack oldPack, QuestionPack newPack)
    {
        ArgumentNullException.ThrowIfNull(oldPack);
        ArgumentNullException.ThrowIfNull(newPack);
        var oldById = new Dictionary<string, Question>(oldPack.Questions.Length, StringComparer.Ordinal);
        foreach (var q in oldPack.Questions)
        {
            oldById.TryAdd(q.Id, q);
        }

        var newById = new Dictionary<string, Question>(newPack.Questions.Length, StringComparer.Ordinal);
        foreach (var q in newPack.Questions)
        {
            newById.TryAdd(q.Id, q);
        }

        var newRetired = newPack.Retired.ToHashSet(StringComparer.Ordinal);
        var oldRetired = oldPack.Retired.ToHashSet(StringComparer.Ordinal);
        var removed = oldPack.Questions.Where(q => !newById.ContainsKey(q.Id)).ToList();
        var added = newPack.Questions.Where(q => !oldById.ContainsKey(q.Id)).ToList();

        var renamed = new List<RenamedQuestion>();
        var renamedOld = new HashSet<string>(StringComparer.Ordinal);
        var renamedNew = new HashSet<string>(StringComparer.Ordinal);
        if (removed.Count > 0 && added.Count > 0)
        {
            var byContent = new Dictionary<string, Queue<Question>>(StringComparer.Ordinal);
            foreach (var q in removed.OrderBy(q => q.Id, StringComparer.Ordinal))
            {
                string key = PackYamlWriter.QuestionText(q with { Id = "x" });
                if (!byContent.TryGetValue(key, out var queue))
                {
                    byContent[key] = queue = new Queue<Question>();
                }

                queue.Enqueue(q);
            }

            foreach (var q in added.OrderBy(q => q.Id, StringComparer.Ordinal))
            {
                if (byContent.TryGetValue(PackYamlWriter.QuestionText(q with { Id = "x" }), out var queue) && queue.Count > 0)
                {
                    var old = queue.Dequeue();
                    renamed.Add(new RenamedQuestion(old.Id, q.Id, newRetired.Contains(old.Id)));
                    renamedOld.Add(old.Id);
                    renamedNew.Add(q.Id);
                }
            }
        }

        var changed = new List<ChangedQuestion>();
        foreach (var q in oldPack.Questions)
        {
            if (newById.TryGetValue(q.Id, out var n))
            {
                var fields = FieldDiff.ChangedFields(q, n);
                if (fields.Count > 0)
                {
                    changed.Add(new ChangedQuestion(q.Id, fields));
                }
            }
        }

        var oldCats = oldPack.Categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var newCats = newPack.Categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var manifest = FieldDiff.ChangedManifestFields(oldPack, newPack)
            .Where(f => f is not ("version" or "categories" or "retired"))
            .ToList();
        if (oldPack.Categories.Any(c => newCats.TryGetValue(c.Id, out var nc) && nc != c) || !oldPack.Categories.Select(c => c.Id).Where(newCats.ContainsKey).SequenceEqual(newPack.Categories.Select(c => c.Id).Where(oldCats.ContainsKey), StringComparer.Ordinal))
        {
            manifest.Add("categories");
        }

        var result = new PackDiffResult
        {
            PackId = newPack.Id,
            OldVersion = oldPack.Version,
            NewVersion = newPack.Version,
            Added = [.. added.Where(q => !renamedNew.Contains(q.Id)).Select(q => q.Id)],
            Removed = [.. removed.Where(q => !renamedOld.Contains(q.Id)).Select(q => new RemovedQuestion(q.Id, newRetired.Contains(q.Id)))],
            Retired = [.. newPack.Retired.Where(id => !oldRetired.Contains(id))],
            Unretired = [.. oldPack.Retired.Where(id => !newRetired.Contains(id))],
            Renamed = [.. renamed],
            Changed = [.. changed],
            CategoriesAdded = [.. newPack.Categories.Select(c => c.Id).Where(id => !oldCats.ContainsKey(id))],
            CategoriesRemoved = [.. oldPack.Categories.Select(c => c.Id).Where(id => !newCats.ContainsKey(id))],
            ManifestChanged = [.. manifest],
        };

        var reasons = new List<string>();
        var level = ChangeLevel.None;
        void Need(ChangeLevel l, bool when, string reason)
        {
            if (when)
            {
                reasons.Add(reason);
                level = l > level ? l : level;
            }
        }

        Need(ChangeLevel.Major, result.Removed.Length > 0, "a question id was removed");
        Need(ChangeLevel.Major, result.Renamed.Length > 0, "a question id was renamed");
        Need(ChangeLevel.Major, result.CategoriesRemoved.Length > 0, "a category was removed");
        Need(ChangeLevel.Major, result.Unretired.Length > 0, "an id was taken off the retired list");
        Need(ChangeLevel.Minor, result.Added.Length > 0, "questions were added");
        Need(ChangeLevel.Minor, result.CategoriesAdded.Length > 0, "a category was added");
        Need(ChangeLevel.Patch, result.Changed.Length > 0, "question content changed");
        var removedIds = removed.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        Need(ChangeLevel.Patch, result.ManifestChanged.Length > 0 || result.Retired.Any(id => !removedIds.Contains(id)), "manifest changed");

        var oldVersion = SemanticVersion.TryParse(oldPack.Version);
        var newVersion = SemanticVersion.TryParse(newPack.Version);
        return result with
        {
            Required = level,
            Reasons = [.. reasons],
            Declared = oldVersion is not null && newVersion is not null ? newVersion.BumpFrom(oldVersion) : null,
        };
    }
}
