using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HrPrep.Authoring.Diff;
using HrPrep.Authoring.Writing;
using HrPrep.Content;
using HrPrep.Packs.Text;

namespace HrPrep.Authoring.Merge;

/// <summary>
/// Merges packs into one without ever dropping a question silently. Every input question ends up
/// in the output or in the report with its reason. See docs/authoring.md, "Merge rules", for the
/// rules; in short:
/// <list type="bullet">
/// <item>Inputs are processed in a canonical order (pack id, version, manifest, question ids, then
/// question content), so
/// the command-line order changes nothing except which input is "ours" or "theirs".</item>
/// <item>Same id and identical content: collapsed. Same id and different content: a conflict,
/// resolved by <see cref="ConflictPolicy"/> or failing the merge.</item>
/// <item>Categories, authors and <c>retired</c> are unions; copies of a question that differ only in
/// their tags are merged with the union of the tags; a retired id never comes back.</item>
/// <item>The output version is the highest input version bumped by what the merge changed
/// relative to that input (major / minor / patch as <see cref="PackDiff"/> classifies it).</item>
/// </list>
/// </summary>
public static class PackMerger
{
    private sealed record Occurrence(MergeInput Input, int CliIndex, SemanticVersion Version, Question Question);

    private sealed record Ranked(MergeInput Input, int CliIndex, SemanticVersion Version, string ManifestText, string IdsHash);

    /// <summary>Merges the inputs (at least one).</summary>
    public static MergeResult Merge(IReadOnlyList<MergeInput> inputs, MergeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new MergeOptions();
        if (inputs.Count == 0)
        {
            throw new ArgumentException("at least one input is needed", nameof(inputs));
        }

        var errors = new List<Diagnostic>();
        var report = new List<MergeReportEntry>();
        var first = inputs[0].Pack.Location;

        var languages = inputs.GroupBy(i => i.Pack.Language, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (languages.Count > 1)
        {
            string list = string.Join(", ", languages.Select(g => $"{g.Key} ({string.Join(", ", g.Select(i => i.Path).Take(3))}{(g.Count() > 3 ? ", ..." : string.Empty)})"));
            errors.Add(Diagnostic.Error(first, AuthoringDiagnosticCodes.MergeLanguages, $"the inputs are in different languages: {list}; merge packs of one language only"));
        }

        var packIds = inputs.Select(i => i.Pack.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        string? packId = options.PackId;
        if (packId is null && packIds.Count > 1)
        {
            errors.Add(Diagnostic.Error(first, AuthoringDiagnosticCodes.MergePackIds, $"the inputs are different packs ({string.Join(", ", packIds.Take(5))}{(packIds.Count > 5 ? ", ..." : string.Empty)}); pass --id to name the merged pack"));
        }
        else if (packId is not null && !PackScaffold.IsValidId(packId))
        {
            errors.Add(Diagnostic.Error(first, AuthoringDiagnosticCodes.MergePackIds, $"'{packId}' is not a valid pack id"));
        }

        var bad = inputs.FirstOrDefault(i => SemanticVersion.TryParse(i.Pack.Version) is null);
        if (bad is not null)
        {
            errors.Add(Diagnostic.Error(bad.Pack.Location, AuthoringDiagnosticCodes.MergeVersion, $"version '{bad.Pack.Version}' is not a semantic version"));
        }

        if (errors.Count > 0)
        {
            return new MergeResult { Errors = [.. errors], InputQuestions = inputs.Sum(i => i.Pack.Questions.Length) };
        }

        packId ??= packIds[0];
        var ranked = inputs.Select((input, index) => new Ranked(input, index, SemanticVersion.TryParse(input.Pack.Version)!, PackYamlWriter.ManifestText(input.Pack), IdsHash(input.Pack)))
            .OrderBy(r => r.Input.Pack.Id, StringComparer.Ordinal)
            .ThenBy(r => r.Version)
            .ThenBy(r => r.ManifestText, StringComparer.Ordinal)
            .ThenBy(r => r.IdsHash, StringComparer.Ordinal)
            .ThenBy(r => r, QuestionContentOrder.Instance)
            .ToList();

        // Manifest fields.
        string? Field(string name, Func<QuestionPack, string?> get) => PickField(ranked, name, get, options.Policy, errors, report);
        string title = Field("title", p => p.Title)!;
        string? role = Field("role", p => p.Role);
        string? description = Field("description", p => p.Description);
        string? disclaimer = Field("disclaimer", p => p.Disclaimer);
        string? homepage = Field("homepage", p => p.Homepage);
        var licences = ranked.Select(r => r.Input.Pack.License).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        string license = licences.Count == 1 || licences.Any(l => l.Contains(' ', StringComparison.Ordinal))
            ? Field("license", p => p.License)!
            : string.Join(" AND ", licences);
        if (licences.Count > 1 && !licences.Any(l => l.Contains(' ', StringComparison.Ordinal)))
        {
            report.Add(new MergeReportEntry(MergeReason.MetadataResolved, "pack.license", $"the inputs have different licences; the merged content is under all of them: {license}", [.. ranked.Select(r => r.Input.Pack.Location)]));
        }

        var authors = Union(ranked.Select(r => r.Input.Pack.Authors));
        var retired = Union(ranked.Select(r => r.Input.Pack.Retired));
        var retiredBy = new Dictionary<string, MergeInput>(StringComparer.Ordinal);
        foreach (var r in ranked)
        {
            foreach (var id in r.Input.Pack.Retired)
            {
                retiredBy.TryAdd(id, r.Input);
            }
        }

        var categories = MergeCategories(ranked, options.Policy, errors, report);

        // Questions.
        var groups = new Dictionary<string, List<Occurrence>>(StringComparer.Ordinal);
        var order = new List<string>();
        int inputQuestions = 0;
        foreach (var r in ranked)
        {
            foreach (var q in r.Input.Pack.Questions)
            {
                inputQuestions++;
                if (!groups.TryGetValue(q.Id, out var list))
                {
                    groups[q.Id] = list = new List<Occurrence>(2);
                    order.Add(q.Id);
                }

                list.Add(new Occurrence(r.Input, r.CliIndex, r.Version, q));
            }
        }

        var questions = ImmutableArray.CreateBuilder<Question>(order.Count);
        foreach (string id in order)
        {
            var occurrences = groups[id];
            if (retiredBy.TryGetValue(id, out var retiredIn))
            {
                report.Add(new MergeReportEntry(MergeReason.Retired, id, $"question '{id}' was dropped: its id is retired in {retiredIn.Path} ({retiredIn.Pack.Id} {retiredIn.Pack.Version}) and cannot come back", [.. occurrences.Select(o => o.Question.Location)]));
                continue;
            }

            var kept = PickQuestion(id, occurrences, options.Policy, errors, report);
            if (kept is not null)
            {
                questions.Add(kept with { PackId = packId });
            }
        }

        var merged = questions.ToImmutable();
        Flag(merged, report);

        if (errors.Count > 0)
        {
            return new MergeResult { Errors = [.. errors.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)], Report = [.. report], InputQuestions = inputQuestions };
        }

        var highest = ranked.Max(r => r.Version)!;
        var baseInput = ranked.First(r => r.Version.CompareTo(highest) == 0);
        var pack = new QuestionPack
        {
            Id = packId,
            Version = baseInput.Input.Pack.Version,
            Title = title,
            Role = role,
            Description = description,
            Language = ranked[0].Input.Pack.Language,
            License = license,
            Authors = authors,
            Disclaimer = disclaimer,
            Homepage = homepage,
            Categories = categories,
            Retired = retired,
            Questions = merged,
        };
        var change = PackDiff.Compare(baseInput.Input.Pack with { Id = packId }, pack);
        if (change.Required != ChangeLevel.None)
        {
            pack = pack with { Version = baseInput.Version.Bump(change.Required).ToString() };
            change = change with { NewVersion = pack.Version, Declared = change.Required };
        }

        return new MergeResult
        {
            Pack = pack,
            Report = [.. report],
            Base = baseInput.Input,
            Change = change,
            InputQuestions = inputQuestions,
        };
    }

    /// <summary>Last tie-break of the canonical order: the first question whose content differs decides (by its YAML text).</summary>
    private sealed class QuestionContentOrder : IComparer<Ranked>
    {
        public static readonly QuestionContentOrder Instance = new();

        public int Compare(Ranked? x, Ranked? y)
        {
            var a = x!.Input.Pack.Questions;
            var b = y!.Input.Pack.Questions;
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                if (!FieldDiff.SameContent(a[i], b[i]))
                {
                    return string.CompareOrdinal(PackYamlWriter.QuestionText(a[i]), PackYamlWriter.QuestionText(b[i]));
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }

    private static string IdsHash(QuestionPack pack)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var q in pack.Questions)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(q.Id));
            sha.AppendData("\n"u8);
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static ImmutableArray<string> Union(IEnumerable<ImmutableArray<string>> lists)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var list in lists)
        {
            foreach (var item in list)
            {
                if (seen.Add(item))
                {
                    result.Add(item);
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Picks among candidates that differ: ours (lowest command-line index), theirs (highest) or
    /// newest (highest version, then latest date). Returns -1 when the policy cannot decide.
    /// </summary>
    private static int Choose(ConflictPolicy policy, IReadOnlyList<(int CliIndex, SemanticVersion Version, DateOnly? Date)> candidates, Func<int, int, bool> same)
    {
        int best = 0;
        switch (policy)
        {
            case ConflictPolicy.Ours:
                for (int i = 1; i < candidates.Count; i++)
                {
                    if (candidates[i].CliIndex < candidates[best].CliIndex)
                    {
                        best = i;
                    }
                }

                return best;
            case ConflictPolicy.Theirs:
                for (int i = 1; i < candidates.Count; i++)
                {
                    if (candidates[i].CliIndex > candidates[best].CliIndex)
                    {
                        best = i;
                    }
                }

                return best;
            case ConflictPolicy.Newest:
                int Compare(int a, int b)
                {
                    int c = candidates[a].Version.CompareTo(candidates[b].Version);
                    return c != 0 ? c : Nullable.Compare(candidates[a].Date, candidates[b].Date);
                }

                for (int i = 1; i < candidates.Count; i++)
                {
                    if (Compare(i, best) > 0)
                    {
                        best = i;
                    }
                }

                for (int i = 0; i < candidates.Count; i++)
                {
                    if (i != best && Compare(i, best) == 0 && !same(i, best))
                    {
                        return -1;
                    }
                }

                return best;
            default:
                return -1;
        }
    }

    private static string? PickField(List<Ranked> ranked, string name, Func<QuestionPack, string?> get, ConflictPolicy policy, List<Diagnostic> errors, List<MergeReportEntry> report)
    {
        var values = ranked.Select(r => (r, Value: get(r.Input.Pack))).Where(v => v.Value is not null).ToList();
        var distinct = values.Select(v => v.Value!).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count <= 1)
        {
            return distinct.FirstOrDefault();
        }

        int pick = Choose(policy, [.. values.Select(v => (v.r.CliIndex, v.r.Version, (DateOnly?)null))], (a, b) => values[a].Value == values[b].Value);
        string shown = string.Join(", ", values.Select(v => $"'{Short(v.Value!)}' ({v.r.Input.Pack.Location})"));
        if (pick < 0)
        {
            errors.Add(Diagnostic.Error(values[0].r.Input.Pack.Location, AuthoringDiagnosticCodes.MergeManifestConflict, $"pack {name} differs between inputs: {shown}{PolicyHint(policy)}"));
            return values[0].Value;
        }

        report.Add(new MergeReportEntry(MergeReason.MetadataResolved, "pack." + name, $"pack {name} differs between inputs; --on-conflict {PolicyName(policy)} kept '{Short(values[pick].Value!)}' from {values[pick].r.Input.Path}", [values[pick].r.Input.Pack.Location, .. values.Where((_, i) => i != pick).Select(v => v.r.Input.Pack.Location)]));
        return values[pick].Value;
    }

    private static ImmutableArray<Category> MergeCategories(List<Ranked> ranked, ConflictPolicy policy, List<Diagnostic> errors, List<MergeReportEntry> report)
    {
        var order = new List<string>();
        var byId = new Dictionary<string, List<(Ranked R, Category C)>>(StringComparer.Ordinal);
        foreach (var r in ranked)
        {
            foreach (var c in r.Input.Pack.Categories)
            {
                if (!byId.TryGetValue(c.Id, out var list))
                {
                    byId[c.Id] = list = [];
                    order.Add(c.Id);
                }

                list.Add((r, c));
            }
        }

        var result = ImmutableArray.CreateBuilder<Category>(order.Count);
        foreach (var id in order)
        {
            var list = byId[id];
            var distinct = list.Select(x => x.C).Distinct().ToList();
            if (distinct.Count == 1)
            {
                result.Add(distinct[0]);
                continue;
            }

            int pick = Choose(policy, [.. list.Select(x => (x.R.CliIndex, x.R.Version, (DateOnly?)null))], (a, b) => list[a].C == list[b].C);
            string shown = string.Join(", ", list.Select(x => $"'{Short(x.C.Title)}'{(x.C.Description is null ? string.Empty : $" / '{Short(x.C.Description)}'")} ({x.R.Input.Pack.Location})"));
            if (pick < 0)
            {
                errors.Add(Diagnostic.Error(list[0].R.Input.Pack.Location, AuthoringDiagnosticCodes.MergeCategoryConflict, $"category '{id}' has a different title or description in different inputs: {shown}{PolicyHint(policy)}"));
                result.Add(list[0].C);
                continue;
            }

            report.Add(new MergeReportEntry(MergeReason.MetadataResolved, "category " + id, $"category '{id}' differs between inputs; --on-conflict {PolicyName(policy)} kept the one from {list[pick].R.Input.Path}", [list[pick].R.Input.Pack.Location, .. list.Where((_, i) => i != pick).Select(x => x.R.Input.Pack.Location)]));
            result.Add(list[pick].C);
        }

        return result.ToImmutable();
    }

    private static Question? PickQuestion(string id, List<Occurrence> occurrences, ConflictPolicy policy, List<Diagnostic> errors, List<MergeReportEntry> report)
    {
        if (occurrences.Count == 1)
        {
            return occurrences[0].Question;
        }

        // Distinct contents, in canonical order.
        var variants = new List<List<Occurrence>>();
        foreach (var o in occurrences)
        {
            var match = variants.FirstOrDefault(v => FieldDiff.SameContent(v[0].Question, o.Question));
            if (match is null)
            {
                variants.Add([o]);
            }
            else
            {
                match.Add(o);
            }
        }

        if (variants.Count == 1)
        {
            report.Add(new MergeReportEntry(MergeReason.DuplicateCollapsed, id, $"identical copies of '{id}' in {occurrences.Count} inputs were collapsed into one", [.. occurrences.Select(o => o.Question.Location)]));
            return occurrences[0].Question;
        }

        if (variants.All(v => FieldDiff.ChangedFields(variants[0][0].Question, v[0].Question).All(f => f == "tags")))
        {
            var tags = Union(occurrences.Select(o => o.Question.Tags));
            report.Add(new MergeReportEntry(MergeReason.TagsMerged, id, $"copies of '{id}' differ only in their tags; the merged question has all of them: {string.Join(", ", tags)}", [.. occurrences.Select(o => o.Question.Location)]));
            return occurrences[0].Question with { Tags = tags };
        }

        int pick = Choose(policy, [.. occurrences.Select(o => (o.CliIndex, o.Version, o.Question.LastVerified))], (a, b) => FieldDiff.SameContent(occurrences[a].Question, occurrences[b].Question));
        if (pick < 0)
        {
            var head = variants[0][0];
            foreach (var other in variants.Skip(1))
            {
                var o = other[0];
                var fields = FieldDiff.ChangedFields(head.Question, o.Question);
                errors.Add(Diagnostic.Error(head.Question.Location, AuthoringDiagnosticCodes.MergeQuestionConflict, $"question '{id}' has different content at {o.Question.Location} (fields: {string.Join(", ", fields)}){PolicyHint(policy)}"));
            }

            report.Add(new MergeReportEntry(MergeReason.Conflict, id, $"question '{id}' has {variants.Count} different versions and --on-conflict {PolicyName(policy)} cannot choose", [.. occurrences.Select(o => o.Question.Location)]));
            return null;
        }

        var winner = occurrences[pick];
        var dropped = occurrences.Where(o => !FieldDiff.SameContent(o.Question, winner.Question)).ToList();
        var twins = occurrences.Where(o => o != winner && FieldDiff.SameContent(o.Question, winner.Question)).ToList();
        report.Add(new MergeReportEntry(MergeReason.ConflictResolved, id, $"question '{id}' differs between inputs; --on-conflict {PolicyName(policy)} kept the copy from {winner.Input.Path} (pack version {winner.Input.Pack.Version}) and dropped {dropped.Count} other version{(dropped.Count == 1 ? string.Empty : "s")}{(twins.Count > 0 ? $" and {twins.Count} identical cop{(twins.Count == 1 ? "y" : "ies")}" : string.Empty)}", [winner.Question.Location, .. dropped.Select(o => o.Question.Location), .. twins.Select(o => o.Question.Location)]));
        return winner.Question;
    }

    private static void Flag(ImmutableArray<Question> questions, List<MergeReportEntry> report)
    {
        var ids = new HashSet<string>(questions.Select(q => q.Id), StringComparer.Ordinal);
        var byPrompt = new Dictionary<string, List<Question>>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            string key = TextNormalizer.TokenKey(q.Prompt);
            if (!byPrompt.TryGetValue(key, out var list))
            {
                byPrompt[key] = list = [];
            }

            list.Add(q);
            foreach (var r in q.Related)
            {
                if (!ids.Contains(r) || r == q.Id)
                {
                    report.Add(new MergeReportEntry(MergeReason.RelatedMissing, q.Id, r == q.Id ? $"question '{q.Id}' lists itself in 'related'" : $"question '{q.Id}' lists '{r}' in 'related', which is not in the merged pack", [q.Location]));
                }
            }
        }

        foreach (var list in byPrompt.Values.Where(l => l.Count > 1))
        {
            report.Add(new MergeReportEntry(MergeReason.NearDuplicate, list[0].Id, $"questions {string.Join(", ", list.Select(q => $"'{q.Id}'"))} ask the same prompt (ignoring case, accents and punctuation); all kept, review them", [.. list.Select(q => q.Location)]));
        }
    }

    private static string PolicyName(ConflictPolicy policy) => policy.ToString().ToLowerInvariant();

    private static string PolicyHint(ConflictPolicy policy) => policy == ConflictPolicy.Fail
        ? "; fix one side or choose --on-conflict ours|theirs|newest"
        : " and neither has a higher pack version nor a later lastVerified";

    private static string Short(string value)
    {
        string flat = value.ReplaceLineEndings(" ");
        return flat.Length <= 40 ? flat : string.Concat(flat.AsSpan(0, 37), "...");
    }

    /// <summary>The name of a reason as printed in reports, e.g. <c>conflict-resolved</c>.</summary>
    public static string ReasonName(MergeReason reason) => reason switch
    {
        MergeReason.DuplicateCollapsed => "duplicate",
        MergeReason.ConflictResolved => "conflict-resolved",
        MergeReason.Conflict => "conflict",
        MergeReason.Retired => "retired",
        MergeReason.NearDuplicate => "near-duplicate",
        MergeReason.MetadataResolved => "metadata",
        MergeReason.TagsMerged => "tags-merged",
        _ => "related-missing",
    };

    /// <summary>Formats a report entry as one line: <c>REASON subject: message [locations]</c>.</summary>
    public static string Format(MergeReportEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Create(CultureInfo.InvariantCulture, $"{ReasonName(entry.Reason)} {entry.Subject}: {entry.Message} [{string.Join(", ", entry.Locations)}]");
    }
}
