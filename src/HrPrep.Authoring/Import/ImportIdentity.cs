using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Content;

namespace HrPrep.Authoring.Import;

/// <summary>What to do when several pages give the same pack id.</summary>
public enum DuplicatePolicy
{
    /// <summary>Qualify each page's pack id by its folder (<c>finance-data-analyst</c>, <c>it-data-analyst</c>).</summary>
    Folder,

    /// <summary>Report the duplicates and import nothing.</summary>
    Fail,

    /// <summary>Merge the pages into one pack (questions in page order).</summary>
    Merge,
}

/// <summary>The identity of one imported page before its pack id is settled.</summary>
/// <param name="Path">The page's path (for messages).</param>
/// <param name="Role">The page's role.</param>
/// <param name="Folders">Folder names the page is in, nearest first (used to qualify duplicates).</param>
public sealed record PageIdentity(string Path, string Role, ImmutableArray<string> Folders);

/// <summary>A page whose pack id was qualified by its folder.</summary>
/// <param name="Path">The page.</param>
/// <param name="From">The pack id the role gives.</param>
/// <param name="To">The pack id used.</param>
/// <param name="Folder">The folder names used, outermost first, joined by <c>/</c>.</param>
public sealed record PackRename(string Path, string From, string To, string Folder);

/// <summary>The settled pack ids of a run.</summary>
/// <param name="PackIds">The pack id of each page (same order as the input).</param>
/// <param name="Renames">Pages whose pack id was qualified by folder.</param>
/// <param name="Errors">Duplicates that could not be settled (nothing may be written when not empty).</param>
public sealed record PackIdPlan(ImmutableArray<string> PackIds, ImmutableArray<PackRename> Renames, ImmutableArray<string> Errors);

/// <summary>
/// Pack and question identity for imports: every page gets a pack id no other page of the run and no
/// existing pack has, decided only by the pages' roles and folders (not their order), and question ids
/// <c>&lt;pack-id&gt;-001</c>… that no existing question has.
/// </summary>
public static class ImportIdentity
{
    /// <summary>
    /// Settles the pack ids. A pack id given by one page and by no existing pack is kept. Otherwise,
    /// under <see cref="DuplicatePolicy.Folder"/>, every page of the group gets its id qualified by its
    /// nearest folder (<see cref="MarkdownImporter.QualifiedPackId"/>), then by more folders outwards
    /// while the qualified id is still taken; under <see cref="DuplicatePolicy.Merge"/> the pages share
    /// the id (an existing pack with that id is an error); under <see cref="DuplicatePolicy.Fail"/> the
    /// group is an error.
    /// </summary>
    public static PackIdPlan SettlePackIds(IReadOnlyList<PageIdentity> pages, DuplicatePolicy policy, IReadOnlySet<string> existingPackIds)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(existingPackIds);
        var baseIds = pages.Select(p => MarkdownImporter.PackIdFor(p.Role)).ToArray();
        var ids = (string[])baseIds.Clone();
        var depth = new int[pages.Count];
        var errors = new List<string>();
        var groups = Enumerable.Range(0, pages.Count).GroupBy(i => baseIds[i], StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            bool taken = existingPackIds.Contains(group.Key);
            if (group.Count() == 1 && !taken)
            {
                continue;
            }

            switch (policy)
            {
                case DuplicatePolicy.Fail:
                    errors.Add($"pack id '{group.Key}' is given by {Describe(group, pages, taken)}; use --on-duplicate folder or merge");
                    break;
                case DuplicatePolicy.Merge when taken:
                    errors.Add($"pack id '{group.Key}' is given by {Describe(group, pages, taken)}; merging into an existing pack is not supported; use --on-duplicate folder");
                    break;
                case DuplicatePolicy.Merge:
                    break;
                default:
                    foreach (int i in group)
                    {
                        depth[i] = 1;
                    }

                    break;
            }
        }

        if (policy == DuplicatePolicy.Folder)
        {
            // Deepen qualified ids until no id is shared; symmetric in the pages, so order-independent.
            while (true)
            {
                for (int i = 0; i < ids.Length; i++)
                {
                    if (depth[i] > 0)
                    {
                        ids[i] = MarkdownImporter.QualifiedPackId(pages[i].Folders.Take(depth[i]).Reverse(), pages[i].Role);
                    }
                }

                bool changed = false;
                foreach (var clash in Enumerable.Range(0, ids.Length).GroupBy(i => ids[i], StringComparer.Ordinal).Where(g => g.Count() > 1 || (existingPackIds.Contains(g.Key) && g.Any(i => depth[i] > 0))))
                {
                    foreach (int i in clash.Where(i => depth[i] > 0 && depth[i] < pages[i].Folders.Length))
                    {
                        depth[i]++;
                        changed = true;
                    }
                }

                if (!changed)
                {
                    break;
                }
            }

            foreach (var clash in Enumerable.Range(0, ids.Length).GroupBy(i => ids[i], StringComparer.Ordinal).Where(g => (g.Count() > 1 || existingPackIds.Contains(g.Key)) && g.Any(i => depth[i] > 0)))
            {
                errors.Add($"pack id '{clash.Key}' is given by {Describe(clash, pages, existingPackIds.Contains(clash.Key))} even when qualified by every folder; rename a page or use --on-duplicate merge");
            }
        }

        var renames = Enumerable.Range(0, ids.Length).Where(i => depth[i] > 0)
            .Select(i => new PackRename(pages[i].Path, baseIds[i], ids[i], string.Join('/', pages[i].Folders.Take(depth[i]).Reverse())))
            .ToImmutableArray();
        return new PackIdPlan([.. ids], renames, [.. errors]);
    }

    /// <summary>
    /// Existing questions whose id an import would generate: a question of another pack whose id is
    /// <see cref="MarkdownImporter.QuestionId"/> of a planned prefix and a number up to its count.
    /// </summary>
    /// <param name="planned">Per planned pack: its id, its question id prefix and its question count.</param>
    /// <param name="existing">Questions of existing packs.</param>
    public static IReadOnlyList<(Question Existing, string PackId)> QuestionIdCollisions(IEnumerable<(string PackId, string Prefix, int Count)> planned, IEnumerable<Question> existing)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(existing);
        var byPrefix = new Dictionary<string, (string PackId, int Count)>(StringComparer.Ordinal);
        foreach (var p in planned)
        {
            byPrefix[p.Prefix] = (p.PackId, p.Count);
        }

        var found = new List<(Question, string)>();
        foreach (var q in existing)
        {
            int dash = q.Id.LastIndexOf('-');
            if (dash > 0 && byPrefix.TryGetValue(q.Id[..dash], out var p) && q.PackId != p.PackId
                && int.TryParse(q.Id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                && n >= 1 && n <= p.Count && MarkdownImporter.QuestionId(q.Id[..dash], n) == q.Id)
            {
                found.Add((q, p.PackId));
            }
        }

        return found;
    }

    private static string Describe(IEnumerable<int> group, IReadOnlyList<PageIdentity> pages, bool existing)
    {
        var paths = group.Select(i => pages[i].Path).ToList();
        string text = paths.Count <= 4 ? string.Join(", ", paths) : string.Join(", ", paths.Take(4)) + $" and {paths.Count - 4} more";
        return existing ? $"an existing pack and {text}" : text;
    }
}
