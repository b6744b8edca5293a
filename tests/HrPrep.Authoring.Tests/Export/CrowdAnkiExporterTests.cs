using System.IO.Compression;
using System.Text.Json;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using HrPrep.Tests.Shared;
using Microsoft.Data.Sqlite;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class CrowdAnkiExporterTests
{
    private static JsonElement Deck(QuestionBank bank, ExportOptions? options = null) =>
        JsonDocument.Parse(ExportFixtures.Export(new CrowdAnkiExporter(), bank, options)).RootElement.Clone();

    /// <summary>Every note of the deck tree with the deck path it is in.</summary>
    private static List<(string Deck, JsonElement Note)> Notes(JsonElement deck, string parent = "")
    {
        string name = parent.Length == 0 ? deck.GetProperty("name").GetString()! : parent + "::" + deck.GetProperty("name").GetString();
        var notes = deck.GetProperty("notes").EnumerateArray().Select(n => (name, n)).ToList();
        foreach (var child in deck.GetProperty("children").EnumerateArray())
        {
            notes.AddRange(Notes(child, name));
        }

        return notes;
    }

    /// <summary>The notes of the .apkg export, read with Microsoft.Data.Sqlite: GUID → (fields, tags, deck name).</summary>
    private static Dictionary<string, (string[] Fields, string[] Tags, string Deck)> ApkgNotes(QuestionBank bank, ExportOptions? options = null)
    {
        using var dir = new TempDir();
        string apkg = dir.Bytes("deck.apkg", ExportFixtures.Export(new AnkiPackageExporter(), bank, options));
        string db = Path.Combine(dir.Path, "collection.anki2");
        using (var zip = ZipFile.OpenRead(apkg))
        {
            zip.GetEntry("collection.anki2")!.ExtractToFile(db);
        }

        var result = new Dictionary<string, (string[], string[], string)>(StringComparer.Ordinal);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            connection.Open();
            using var decksCommand = connection.CreateCommand();
            decksCommand.CommandText = "SELECT decks FROM col";
            var decks = JsonDocument.Parse((string)decksCommand.ExecuteScalar()!).RootElement.EnumerateObject()
                .ToDictionary(d => long.Parse(d.Name, System.Globalization.CultureInfo.InvariantCulture), d => d.Value.GetProperty("name").GetString()!);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT n.guid, n.flds, n.tags, c.did FROM notes n JOIN cards c ON c.nid = n.id AND c.ord = 0";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result[reader.GetString(0)] = (reader.GetString(1).Split('\u001f'), reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries), decks[reader.GetInt64(3)]);
            }
        }

        return result;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Notes_have_the_apkg_guids_fields_tags_and_decks(bool reverse)
    {
        foreach (var bank in new[] { ExportFixtures.Mini, ExportFixtures.Hostile, QuestionBank.FromDirectory(Repo.ShippedPack) })
        {
            var options = new ExportOptions { Reverse = reverse };
            var apkg = ApkgNotes(bank, options);
            var notes = Notes(Deck(bank, options));
            Assert.Equal(bank.Questions.Length, notes.Count);
            Assert.Equal(apkg.Keys.Order(StringComparer.Ordinal), notes.Select(n => n.Note.GetProperty("guid").GetString()!).Order(StringComparer.Ordinal));
            foreach (var (deck, note) in notes)
            {
                var expected = apkg[note.GetProperty("guid").GetString()!];
                Assert.Equal(expected.Fields, note.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
                Assert.Equal(expected.Tags, note.GetProperty("tags").EnumerateArray().Select(f => f.GetString()));
                Assert.Equal(expected.Deck, deck);
                Assert.Equal(CrowdAnkiExporter.ModelUuid, note.GetProperty("note_model_uuid").GetString());
                Assert.Equal("Note", note.GetProperty("__type__").GetString());
            }
        }
    }

    [Fact]
    public void Notes_are_sorted_by_guid_in_every_deck_and_child_decks_by_name()
    {
        var root = Deck(ExportFixtures.Mini);
        void Check(JsonElement deck)
        {
            var guids = deck.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("guid").GetString()!).ToList();
            Assert.Equal(guids.Order(StringComparer.Ordinal), guids);
            var names = deck.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            foreach (var child in deck.GetProperty("children").EnumerateArray())
            {
                Check(child);
            }
        }

        Check(root);
        Assert.Equal("HR Prep", root.GetProperty("name").GetString());
        var pack = Assert.Single(root.GetProperty("children").EnumerateArray());
        Assert.Equal("Mini test pack", pack.GetProperty("name").GetString());
        Assert.Equal(["Alpha things", "Beta things"], pack.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.True(Notes(root).Select(n => n.Note.GetProperty("guid").GetString()).Distinct().Count() == 8);
    }

    [Fact]
    public void Deck_json_has_what_crowdanki_reads_our_note_type_and_deck_options()
    {
        var root = Deck(ExportFixtures.Mini);
        Assert.Equal("Deck", root.GetProperty("__type__").GetString());
        var model = Assert.Single(root.GetProperty("note_models").EnumerateArray());
        Assert.Equal("NoteModel", model.GetProperty("__type__").GetString());
        Assert.Equal(CrowdAnkiExporter.ModelUuid, model.GetProperty("crowdanki_uuid").GetString());
        Assert.Equal(AnkiNoteType.ModelName, model.GetProperty("name").GetString());
        Assert.Equal(AnkiNoteType.ModelId, model.GetProperty("id").GetInt64());
        Assert.Equal(AnkiNoteType.FieldNames, model.GetProperty("flds").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(AnkiNoteType.TemplateNames, model.GetProperty("tmpls").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(AnkiNoteType.Css, model.GetProperty("css").GetString());
        var config = Assert.Single(root.GetProperty("deck_configurations").EnumerateArray());
        Assert.Equal("DeckConfig", config.GetProperty("__type__").GetString());
        Assert.Equal(CrowdAnkiExporter.ConfigUuid, config.GetProperty("crowdanki_uuid").GetString());

        var uuids = new List<string>();
        void Walk(JsonElement deck, bool isRoot)
        {
            foreach (var key in new[] { "children", "crowdanki_uuid", "deck_config_uuid", "desc", "dyn", "extendNew", "extendRev", "media_files", "name", "notes" })
            {
                Assert.True(deck.TryGetProperty(key, out _), key);
            }

            Assert.Equal(isRoot, deck.TryGetProperty("note_models", out _));
            Assert.Equal(CrowdAnkiExporter.ConfigUuid, deck.GetProperty("deck_config_uuid").GetString());
            uuids.Add(deck.GetProperty("crowdanki_uuid").GetString()!);
            foreach (var child in deck.GetProperty("children").EnumerateArray())
            {
                Walk(child, false);
            }
        }

        Walk(root, true);
        Assert.Equal(uuids.Count, uuids.Distinct().Count());
        Assert.All(uuids, u => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", u));
    }

    [Fact]
    public void Reexport_is_byte_identical_and_does_not_depend_on_question_order()
    {
        var bank = ExportFixtures.Mini;
        byte[] first = ExportFixtures.Export(new CrowdAnkiExporter(), bank);
        Assert.Equal(first, ExportFixtures.Export(new CrowdAnkiExporter(), bank));
        Assert.Equal(first, ExportFixtures.Export(new CrowdAnkiExporter(), bank, questions: bank.Questions.Reverse()));
    }
}
