using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using Microsoft.Data.Sqlite;

namespace HrPrep.Authoring.Import;

/// <summary>What happened to one note or question in an Anki import.</summary>
/// <param name="Kind"><c>changed</c>, <c>added</c>, <c>missing</c> (a question with no note in the deck, kept as is) or <c>skipped</c> (a note of another note type).</param>
/// <param name="PackId">The pack, or empty for a skipped note.</param>
/// <param name="QuestionId">The question, or empty for a skipped note.</param>
/// <param name="Guid">The note GUID, or empty for a missing question.</param>
/// <param name="Fields">The question fields that changed (schema names), for <c>changed</c>.</param>
public sealed record AnkiImportChange(string Kind, string PackId, string QuestionId, string Guid, ImmutableArray<string> Fields);

/// <summary>The packs after applying a deck, what changed, and edits that cannot be applied.</summary>
/// <param name="Packs">Every pack the deck has notes for, updated (questions keep their order; new ones at the end).</param>
/// <param name="Changes">Changed, added, missing and skipped, in note order.</param>
/// <param name="Unchanged">Notes whose content equals the export of their question.</param>
/// <param name="Problems">Edits that cannot be applied (the caller must write nothing when not empty).</param>
public sealed record AnkiImportResult(ImmutableArray<QuestionPack> Packs, ImmutableArray<AnkiImportChange> Changes, int Unchanged, ImmutableArray<string> Problems);

/// <summary>
/// Reads back an Anki package written by <see cref="AnkiPackageExporter"/> (and possibly edited in
/// Anki and exported again in the legacy format). Notes map to questions by the GUID the exporter
/// wrote (<see cref="AnkiNoteType.GuidFor"/>). A field whose HTML equals what the exporter makes of the
/// question keeps the question's value exactly; an edited field is converted from HTML back to text
/// (line breaks and paragraphs kept, tags removed, entities decoded). Notes of the HrPrep note type
/// with an unknown GUID become new questions with <c>origin: imported</c>.
/// </summary>
public static partial class AnkiPackageImporter
{
    private static readonly string[] FieldKeys = ["prompt", "scenario", "answer.summary", "answer.keyPoints", "followUps", "lookFor", "redFlags", "sources", "category", "level", "type", "jurisdiction", "id"];

    /// <summary>Applies the notes of <paramref name="apkgPath"/> to <paramref name="packs"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an Anki package this importer can read.</exception>
    public static AnkiImportResult Import(string apkgPath, IReadOnlyList<QuestionPack> packs)
    {
        ArgumentNullException.ThrowIfNull(apkgPath);
        ArgumentNullException.ThrowIfNull(packs);
        string db = Path.Combine(Path.GetTempPath(), "hrprep-anki-import-" + Guid.NewGuid().ToString("N") + ".sqlite");
        try
        {
            Extract(apkgPath, db);
            return Apply(ReadNotes(db), packs);
        }
        finally
        {
            try
            {
                File.Delete(db);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record Note(string Guid, long ModelId, string[] Fields, string[] Tags, string? Deck);

    private static void Extract(string apkgPath, string target)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(apkgPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new InvalidDataException("not an Anki package (.apkg zip): " + ex.Message, ex);
        }

        using (zip)
        {
            if (zip.GetEntry("collection.anki21b") is not null && zip.GetEntry("collection.anki21") is null && zip.GetEntry("collection.anki2") is null)
            {
                throw new InvalidDataException("the package uses Anki's newest compressed format; export it again with 'Support older Anki versions'");
            }

            var entry = zip.GetEntry("collection.anki21") ?? zip.GetEntry("collection.anki2")
                ?? throw new InvalidDataException("the package holds no collection.anki2 or collection.anki21");
            try
            {
                entry.ExtractToFile(target, overwrite: true);
            }
            catch (IOException ex)
            {
                throw new InvalidDataException("the package's collection cannot be extracted: " + ex.Message, ex);
            }
        }
    }

    private static List<Note> ReadNotes(string db)
    {
        var notes = new List<Note>();
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var decks = new Dictionary<long, string>();
            using (var col = connection.CreateCommand())
            {
                col.CommandText = "SELECT decks FROM col LIMIT 1";
                if (col.ExecuteScalar() is string json && json.Length > 2)
                {
                    using var doc = JsonDocument.Parse(json);
                    foreach (var deck in doc.RootElement.EnumerateObject())
                    {
                        if (deck.Value.TryGetProperty("id", out var id) && deck.Value.TryGetProperty("name", out var name))
                        {
                            decks[id.GetInt64()] = name.GetString() ?? string.Empty;
                        }
                    }
                }
            }

            using var command = connection.CreateCommand();
            command.CommandText = "SELECT n.guid, n.mid, n.flds, n.tags, (SELECT c.did FROM cards c WHERE c.nid = n.id ORDER BY c.ord LIMIT 1) FROM notes n ORDER BY n.id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                string? deck = reader.IsDBNull(4) ? null : decks.GetValueOrDefault(reader.GetInt64(4));
                notes.Add(new Note(reader.GetString(0), reader.GetInt64(1), reader.GetString(2).Split('\u001f'), reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries), deck));
            }
        }
        catch (Exception ex) when (ex is SqliteException or JsonException or InvalidOperationException)
        {
            throw new InvalidDataException("the package's collection cannot be read: " + ex.Message, ex);
        }

        return notes;
    }

    private static AnkiImportResult Apply(List<Note> notes, IReadOnlyList<QuestionPack> packs)
    {
        var byGuid = new Dictionary<string, (int Pack, int Question)>(StringComparer.Ordinal);
        var byDeck = new Dictionary<string, (int Pack, Category Category)>(StringComparer.Ordinal);
        for (int p = 0; p < packs.Count; p++)
        {
            for (int i = 0; i < packs[p].Questions.Length; i++)
            {
                byGuid[AnkiNoteType.GuidFor(packs[p].Id, packs[p].Questions[i].Id)] = (p, i);
            }

            foreach (var c in packs[p].Categories)
            {
                byDeck.TryAdd(AnkiNoteType.DeckFor(packs[p], c), (p, c));
            }
        }

        var questions = packs.Select(p => p.Questions.ToList()).ToArray();
        var extraCategories = packs.Select(_ => new List<Category>()).ToArray();
        var touched = new bool[packs.Count];
        var seen = new HashSet<(int, int)>();
        var changes = ImmutableArray.CreateBuilder<AnkiImportChange>();
        var problems = ImmutableArray.CreateBuilder<string>();
        int unchanged = 0;
        foreach (var note in notes)
        {
            if (note.ModelId != AnkiNoteType.ModelId || note.Fields.Length < AnkiNoteType.FieldNames.Count - 1)
            {
                changes.Add(new AnkiImportChange("skipped", string.Empty, string.Empty, note.Guid, []));
                continue;
            }

            if (byGuid.TryGetValue(note.Guid, out var at))
            {
                touched[at.Pack] = true;
                seen.Add(at);
                var pack = packs[at.Pack];
                var q = questions[at.Pack][at.Question];
                var updated = Update(q, pack, note, problems, out var fields);
                if (fields.Count == 0)
                {
                    unchanged++;
                }
                else
                {
                    questions[at.Pack][at.Question] = updated;
                    changes.Add(new AnkiImportChange("changed", pack.Id, q.Id, note.Guid, [.. fields]));
                }

                continue;
            }

            // A note this tool did not write (added in Anki with the HrPrep note type).
            int target;
            Category category;
            if (note.Deck is not null && byDeck.TryGetValue(note.Deck, out var place))
            {
                (target, category) = place;
            }
            else if (packs.Count == 1)
            {
                target = 0;
                category = packs[0].Categories.FirstOrDefault(c => c.Id == "imported") ?? extraCategories[0].FirstOrDefault() ?? new Category("imported", "Imported questions", "Questions added in Anki; review each one and move it to a real category.");
                if (!packs[0].Categories.Contains(category) && extraCategories[0].Count == 0)
                {
                    extraCategories[0].Add(category);
                }
            }
            else
            {
                problems.Add($"note {note.Guid} (deck '{note.Deck}') is not from this tool and its deck names no pack; import it with only its pack");
                continue;
            }

            string prompt = Text(note.Fields[0]);
            if (prompt.Length == 0)
            {
                problems.Add($"note {note.Guid} has an empty Prompt field");
                continue;
            }

            var added = new Question
            {
                Id = packs[target].Id + "-anki-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(note.Guid)).AsSpan(0, 5)).ToLowerInvariant(),
                PackId = packs[target].Id,
                Prompt = prompt,
                Category = category.Id,
                Type = SchemaNames.TryParseType(Text(note.Fields[10]), out var t) ? t : MarkdownImporter.GuessType(prompt),
                Level = SchemaNames.TryParseLevel(Text(note.Fields[9]), out var l) ? l : QuestionLevel.Mid,
                Origin = QuestionOrigin.Imported,
                Answer = new ModelAnswer(Paragraphs(note.Fields[2]) is { Length: > 0 } a ? a : MarkdownImporter.PlaceholderAnswer, Items(note.Fields[3])),
                FollowUps = Items(note.Fields[4]),
                LookFor = Items(note.Fields[5]),
                RedFlags = Items(note.Fields[6]),
                Tags = OwnTags(note.Tags),
            };
            if (questions[target].Any(x => x.Id == added.Id))
            {
                problems.Add($"note {note.Guid} gives the id '{added.Id}', which the pack already has");
                continue;
            }

            touched[target] = true;
            questions[target].Add(added);
            changes.Add(new AnkiImportChange("added", added.PackId, added.Id, note.Guid, []));
        }

        for (int p = 0; p < packs.Count; p++)
        {
            if (!touched[p])
            {
                continue;
            }

            for (int i = 0; i < packs[p].Questions.Length; i++)
            {
                if (!seen.Contains((p, i)))
                {
                    changes.Add(new AnkiImportChange("missing", packs[p].Id, packs[p].Questions[i].Id, string.Empty, []));
                }
            }
        }

        var result = Enumerable.Range(0, packs.Count).Where(p => touched[p])
            .Select(p => packs[p] with { Categories = [.. packs[p].Categories, .. extraCategories[p]], Questions = [.. questions[p]] })
            .ToImmutableArray();
        return new AnkiImportResult(result, changes.ToImmutable(), unchanged, problems.ToImmutable());
    }

    /// <summary>The question with the note's edited fields applied; <paramref name="changed"/> names them.</summary>
    private static Question Update(Question q, QuestionPack pack, Note note, ImmutableArray<string>.Builder problems, out List<string> changed)
    {
        var category = pack.Categories.FirstOrDefault(c => c.Id == q.Category) ?? new Category(q.Category, q.Category, null);
        var exported = AnkiNoteType.NoteFor(q, pack, category, reverse: false);
        changed = [];
        var result = q;
        for (int f = 0; f < FieldKeys.Length; f++)
        {
            string now = note.Fields[f];
            if (string.Equals(now, exported.Fields[f], StringComparison.Ordinal))
            {
                continue;
            }

            string where = $"note {note.Guid} ({pack.Id}/{q.Id})";
            switch (f)
            {
                case 0:
                    result = result with { Prompt = Text(now) is { Length: > 0 } p ? p : Problem(problems, $"{where}: the Prompt field is empty", q.Prompt) };
                    break;
                case 1 when q.Scenario?.Table is null:
                    result = result with { Scenario = Paragraphs(now) is { Length: > 0 } s ? new Scenario(s, null) : null };
                    break;
                case 2:
                    result = result with { Answer = result.Answer with { Summary = Paragraphs(now) is { Length: > 0 } a ? a : Problem(problems, $"{where}: the Answer field is empty", q.Answer.Summary) } };
                    break;
                case 3:
                    result = result with { Answer = result.Answer with { KeyPoints = Items(now) } };
                    break;
                case 4:
                    result = result with { FollowUps = Items(now) };
                    break;
                case 5:
                    result = result with { LookFor = Items(now) };
                    break;
                case 6:
                    result = result with { RedFlags = Items(now) };
                    break;
                case 8 when pack.Categories.FirstOrDefault(c => c.Title == Text(now)) is { } c:
                    result = result with { Category = c.Id };
                    break;
                case 9 when SchemaNames.TryParseLevel(Text(now), out var level):
                    result = result with { Level = level };
                    break;
                case 10 when SchemaNames.TryParseType(Text(now), out var type):
                    result = result with { Type = type };
                    break;
                case 11:
                    result = result with { Jurisdiction = Text(now) is { Length: > 0 } j ? j : null };
                    break;
                default:
                    problems.Add($"{where}: the {AnkiNoteType.FieldNames[f]} field was edited in Anki, which this import cannot apply ({(f == 12 ? "ids never change" : "edit the YAML")})");
                    continue;
            }

            changed.Add(FieldKeys[f]);
        }

        var ownTags = OwnTags(note.Tags);
        if (!ownTags.SequenceEqual(exported.Tags.Where(t => t.StartsWith("hrprep::tag::", StringComparison.Ordinal)).Select(t => t["hrprep::tag::".Length..])))
        {
            result = result with { Tags = ownTags };
            changed.Add("tags");
        }

        return result;
    }

    private static string Problem(ImmutableArray<string>.Builder problems, string message, string keep)
    {
        problems.Add(message);
        return keep;
    }

    private static ImmutableArray<string> OwnTags(IEnumerable<string> tags) =>
        [.. tags.Where(t => t.StartsWith("hrprep::tag::", StringComparison.Ordinal)).Select(t => t["hrprep::tag::".Length..])];

    /// <summary>One text from field HTML: <c>&lt;br&gt;</c> and <c>&lt;div&gt;</c> become line breaks, tags go, entities are decoded.</summary>
    internal static string Text(string html)
    {
        string text = LineBreak().Replace(html, "\n");
        text = BlockEnd().Replace(text, "\n");
        return WebUtility.HtmlDecode(Tag().Replace(text, string.Empty)).Replace('\u00A0', ' ').Trim('\n', ' ');
    }

    /// <summary>Markdown-like text from rendered HTML: paragraphs separated by empty lines.</summary>
    internal static string Paragraphs(string html)
    {
        var paragraphs = ParagraphEnd().Split(html).Select(Text).Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>The items of a <c>&lt;ul&gt;</c> list (or the lines of plain text).</summary>
    internal static ImmutableArray<string> Items(string html)
    {
        if (html.Contains("<li", StringComparison.OrdinalIgnoreCase))
        {
            return [.. ListItem().Matches(html).Select(m => Text(m.Groups[1].Value)).Where(s => s.Length > 0)];
        }

        return [.. Text(html).Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0)];
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(div|li|tr|h\d)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"</?p\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<li[^>]*>(.*?)</li>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();
}
