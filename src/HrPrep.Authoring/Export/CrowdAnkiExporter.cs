using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>An export format whose output is a folder; <see cref="IQuestionExporter.Write"/> writes its one file, <see cref="FileName"/>.</summary>
public interface IFolderExporter : IQuestionExporter
{
    /// <summary>The name of the file inside the folder that <see cref="IQuestionExporter.Write"/> writes.</summary>
    string FileName { get; }
}

/// <summary>
/// <c>crowdanki</c>: a folder that the CrowdAnki add-on imports (Import from disk), holding
/// <c>deck.json</c>: the deck tree <c>HR Prep › pack › category</c> (child decks sorted by name), the
/// "HrPrep Question" note type and the default deck options, and in each deck its notes sorted by
/// GUID. Notes are exactly those of the <c>anki</c> export (<see cref="AnkiNoteType.NoteFor"/>): same
/// GUIDs, fields and tags, so importing either updates the same notes. UUIDs are derived from names
/// and ids, so the file is byte-identical from one export to the next and diffs well in git.
/// </summary>
public sealed class CrowdAnkiExporter : IFolderExporter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc/>
    public string Name => "crowdanki";

    /// <inheritdoc/>
    public string Extension => string.Empty;

    /// <inheritdoc/>
    public string FileName => "deck.json";

    /// <summary>The CrowdAnki UUID of the note type.</summary>
    public static string ModelUuid => UuidFor("model:" + AnkiNoteType.ModelId);

    /// <summary>The CrowdAnki UUID of the deck options.</summary>
    public static string ConfigUuid => UuidFor("deck-config:1");

    /// <summary>A stable UUID-shaped id: the first 16 bytes of SHA-256 of <c>hrprep-crowdanki:SEED</c>, as hex groups 8-4-4-4-12.</summary>
    public static string UuidFor(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        string hex = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("hrprep-crowdanki:" + seed)).AsSpan(0, 16)).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);

        // The tree from GUIDs and deck names only; the notes are built later, in output order.
        var root = new DeckNode(AnkiNoteType.RootDeck, AnkiNoteType.RootDeck);
        foreach (var q in source.Questions)
        {
            string deck = AnkiNoteType.DeckFor(source.PackOf(q), source.Bank.CategoryOf(q));
            var node = root;
            var parts = deck.Split("::");
            for (int i = 1; i < parts.Length; i++)
            {
                node = node.Child(parts[i], string.Join("::", parts[..(i + 1)]));
            }

            node.Questions.Add((AnkiNoteType.GuidFor(q.PackId, q.Id), q));
            options.Report?.AddPresent(q, "dropped (the Anki note type has no field for it, as in the anki export)", "origin", "related", "lastVerified", "reviewBy", "attribution");
        }

        using var w = new Utf8JsonWriter(output, Options);
        WriteDeck(w, root, source, options, isRoot: true);
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteDeck(Utf8JsonWriter w, DeckNode deck, ExportSource source, ExportOptions options, bool isRoot)
    {
        w.WriteStartObject();
        w.WriteString("__type__", "Deck");
        w.WriteStartArray("children");
        foreach (var child in deck.Children.Values)
        {
            WriteDeck(w, child, source, options, isRoot: false);
        }

        w.WriteEndArray();
        w.WriteString("crowdanki_uuid", UuidFor("deck:" + deck.FullName));
        w.WriteString("deck_config_uuid", ConfigUuid);
        if (isRoot)
        {
            w.WriteStartArray("deck_configurations");
            w.WriteStartObject();
            w.WriteString("__type__", "DeckConfig");
            w.WriteString("crowdanki_uuid", ConfigUuid);
            AnkiPackageExporter.WriteDeckConfigProperties(w);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("desc", string.Empty);
        w.WriteNumber("dyn", 0);
        w.WriteNumber("extendNew", 10);
        w.WriteNumber("extendRev", 50);
        w.WriteStartArray("media_files");
        w.WriteEndArray();
        w.WriteString("name", deck.Name);
        if (isRoot)
        {
            w.WriteStartArray("note_models");
            w.WriteStartObject();
            w.WriteString("__type__", "NoteModel");
            w.WriteString("crowdanki_uuid", ModelUuid);
            AnkiPackageExporter.WriteModelProperties(w);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartArray("notes");
        deck.Questions.Sort((a, b) => string.CompareOrdinal(a.Guid, b.Guid));
        foreach (var note in OrderedBatches.Map(deck.Questions, x => AnkiNoteType.NoteFor(x.Question, source.PackOf(x.Question), source.Bank.CategoryOf(x.Question), options.Reverse)))
        {
            w.WriteStartObject();
            w.WriteString("__type__", "Note");
            w.WriteNumber("flags", 0);
            w.WriteString("data", string.Empty);
            w.WriteStartArray("fields");
            foreach (var field in note.Fields)
            {
                w.WriteStringValue(field);
            }

            w.WriteEndArray();
            w.WriteString("guid", note.Guid);
            w.WriteString("note_model_uuid", ModelUuid);
            w.WriteStartArray("tags");
            foreach (var tag in note.Tags)
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            if (w.BytesPending > 1 << 16)
            {
                w.Flush();
            }
        }

        deck.Questions.Clear();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private sealed class DeckNode(string name, string fullName)
    {
        public string Name { get; } = name;

        public string FullName { get; } = fullName;

        public SortedDictionary<string, DeckNode> Children { get; } = new(StringComparer.Ordinal);

        public List<(string Guid, Question Question)> Questions { get; } = [];

        public DeckNode Child(string name, string fullName)
        {
            if (!Children.TryGetValue(name, out var child))
            {
                Children[name] = child = new DeckNode(name, fullName);
            }

            return child;
        }
    }
}
