using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using HrPrep.Tests.Shared;
using Microsoft.Data.Sqlite;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class AnkiPackageExporterTests
{
    /// <summary>Anki's schema-11 DDL as given in genanki's apkg_schema.py and rslib/src/storage/schema11.sql (whitespace compressed).</summary>
    private static readonly string[] AnkiDdl =
    [
        "CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null)",
        "CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null)",
        "CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null)",
        "CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null)",
        "CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null)",
        "CREATE INDEX ix_notes_usn on notes (usn)",
        "CREATE INDEX ix_cards_usn on cards (usn)",
        "CREATE INDEX ix_revlog_usn on revlog (usn)",
        "CREATE INDEX ix_cards_nid on cards (nid)",
        "CREATE INDEX ix_cards_sched on cards (did, queue, due)",
        "CREATE INDEX ix_revlog_cid on revlog (cid)",
        "CREATE INDEX ix_notes_csum on notes (csum)",
    ];

    private static string ExportToFile(TempDir dir, QuestionBank bank, ExportOptions? options = null, string name = "deck.apkg")
    {
        string path = Path.Combine(dir.Path, name);
        File.WriteAllBytes(path, ExportFixtures.Export(new AnkiPackageExporter(), bank, options));
        return path;
    }

    private static JsonElement ReadWithAnkiReader(string apkg)
    {
        var (code, o, e) = NodeTools.Node("read-apkg.mjs", apkg);
        Assert.True(code == 0, $"anki-reader failed ({code}): {e}");
        return JsonDocument.Parse(o).RootElement.Clone();
    }

    private static SqliteConnection OpenCollection(TempDir dir, string apkg)
    {
        string db = Path.Combine(dir.Path, Guid.NewGuid().ToString("N") + ".anki2");
        using (var zip = ZipFile.OpenRead(apkg))
        {
            zip.GetEntry("collection.anki2")!.ExtractToFile(db);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<object[]> Query(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    [Fact]

    [Trait("Category", "External")]
    public void Anki_reader_finds_decks_cards_fields_tags_and_guids()
    {
        using var dir = new TempDir();
        var bank = ExportFixtures.Mini;
        var root = ReadWithAnkiReader(ExportToFile(dir, bank));

        Assert.Equal(11, root.GetProperty("version").GetInt32());
        Assert.Equal(0, root.GetProperty("media").GetArrayLength());
        var decks = root.GetProperty("decks").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d);
        Assert.Equal(
            ["Default", "HR Prep", "HR Prep::Mini test pack", "HR Prep::Mini test pack::Alpha things", "HR Prep::Mini test pack::Beta things"],
            decks.Keys.Order(StringComparer.Ordinal));

        var model = Assert.Single(root.GetProperty("models").EnumerateArray());
        Assert.Equal("HrPrep Question", model.GetProperty("name").GetString());
        Assert.Equal(AnkiNoteType.ModelId.ToString(), model.GetProperty("id").GetString());
        Assert.Equal(AnkiNoteType.FieldNames, model.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(AnkiNoteType.TemplateNames, model.GetProperty("templates").EnumerateArray().Select(f => f.GetString()));

        var notes = root.GetProperty("notes").EnumerateArray().ToList();
        Assert.Equal(bank.Questions.Length, notes.Count);
        foreach (var q in bank.Questions)
        {
            var note = notes.Single(n => n.GetProperty("fields")[12].GetString() == q.Id);
            Assert.Equal(AnkiNoteType.GuidFor(q.PackId, q.Id), note.GetProperty("guid").GetString());
            Assert.Equal(q.Prompt, note.GetProperty("sfld").GetString());
            string tags = note.GetProperty("tags").GetString()!;
            Assert.StartsWith($" hrprep::level::{q.Level.ToSchemaName()} hrprep::type::{q.Type.ToSchemaName()} hrprep::category::{q.Category} ", tags);
            Assert.All(q.Tags, t => Assert.Contains($" hrprep::tag::{t} ", tags));

            string deckName = $"HR Prep::Mini test pack::{bank.CategoryOf(q).Title}";
            var card = Assert.Single(decks[deckName].GetProperty("cards").EnumerateArray(), c => c.GetProperty("noteId").GetString() == note.GetProperty("id").GetString());
            Assert.Equal(0, card.GetProperty("ord").GetInt32());
            var fields = card.GetProperty("fields");
            Assert.Equal(q.Prompt, fields.GetProperty("Prompt").GetString());
            Assert.Equal(q.Id, fields.GetProperty("Id").GetString());
            Assert.Equal(q.Level.ToSchemaName(), fields.GetProperty("Level").GetString());
            Assert.Equal(bank.CategoryOf(q).Title, fields.GetProperty("Category").GetString());
            Assert.Equal("<ul><li>First point</li><li>Second point</li></ul>", fields.GetProperty("Key points").GetString());
            Assert.Contains(q.Prompt, card.GetProperty("question")[0].GetString());
        }

        // The GUID is genanki's guid_for("hrprep", pack, id): computed independently with Python's hashlib.
        Assert.Equal("kU-Cj<9ytG", notes.Single(n => n.GetProperty("fields")[12].GetString() == "mini-a-001").GetProperty("guid").GetString());
        Assert.Equal("P~$cQCIiaP", notes.Single(n => n.GetProperty("fields")[12].GetString() == "mini-b-002").GetProperty("guid").GetString());
        var b2 = decks["HR Prep::Mini test pack::Beta things"].GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("fields").GetProperty("Id").GetString() == "mini-b-002");
        Assert.Contains("<table><caption>Illustrative data</caption><thead><tr><th>Team</th>", b2.GetProperty("fields").GetProperty("Scenario").GetString());
    }

    [Fact]

    [Trait("Category", "External")]
    public void Reverse_cards_are_off_by_default_and_added_with_the_option()
    {
        using var dir = new TempDir();
        var bank = ExportFixtures.Mini;
        var plain = ReadWithAnkiReader(ExportToFile(dir, bank, name: "plain.apkg"));
        var reverse = ReadWithAnkiReader(ExportToFile(dir, bank, new ExportOptions { Reverse = true }, "reverse.apkg"));
        static List<JsonElement> Cards(JsonElement root) => root.GetProperty("decks").EnumerateArray().SelectMany(d => d.GetProperty("cards").EnumerateArray()).ToList();
        Assert.Equal(8, Cards(plain).Count);
        Assert.All(Cards(plain), c => Assert.Equal(0, c.GetProperty("ord").GetInt32()));
        var cards = Cards(reverse);
        Assert.Equal(16, cards.Count);
        Assert.Equal(8, cards.Count(c => c.GetProperty("ord").GetInt32() == 1));
        var back = cards.First(c => c.GetProperty("ord").GetInt32() == 1);
        Assert.Equal("y", back.GetProperty("fields").GetProperty("Add reverse").GetString());
        Assert.Contains("Which interview question does this answer?", back.GetProperty("question")[1].GetString());

        // Same notes (GUIDs and mod): turning the reverse card on is not a content change.
        Assert.Equal(
            plain.GetProperty("notes").EnumerateArray().Select(n => (n.GetProperty("guid").GetString(), n.GetProperty("mod").GetInt64())),
            reverse.GetProperty("notes").EnumerateArray().Select(n => (n.GetProperty("guid").GetString(), n.GetProperty("mod").GetInt64())));
    }

    [Fact]

    [Trait("Category", "External")]
    public void Hostile_content_is_escaped_in_every_field()
    {
        using var dir = new TempDir();
        var root = ReadWithAnkiReader(ExportToFile(dir, ExportFixtures.Hostile));
        var fields = root.GetProperty("notes").EnumerateArray().SelectMany(n => n.GetProperty("fields").EnumerateArray()).Select(f => f.GetString()!).ToList();
        string all = string.Join("\n", fields);
        Assert.DoesNotMatch(new Regex("<(script|img|iframe|u>|b>|div(?! class=\"table-scroll\">)|td>North)", RegexOptions.IgnoreCase), all);
        Assert.DoesNotContain("href=\"javascript", all);
        Assert.Contains("Is &lt;script&gt;alert(&#39;prompt&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;, safe?", all);
        Assert.Contains("Raw HTML &lt;img src=x onerror=&quot;alert('img')&quot;&gt; stays text.", all);
        Assert.Contains("A <a href=\"#\">bad link</a>", all);
        Assert.Contains("and &lt;javascript:alert('auto')&gt;.", all);
        Assert.Contains("<a href=\"https://example.org/ok\">good link</a>", all);
        Assert.Contains("<strong>Bold</strong>", all);
        Assert.Contains("Line one<br>line two", all);
        Assert.Contains("Scenario with &lt;em&gt;markup&lt;/em&gt;", all);
        Assert.Contains("<td>&lt;td&gt;North&lt;/td&gt;</td>", all);
        var decks = root.GetProperty("decks").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Contains("HR Prep::Hostile <b>pack</b> & \"friends\"::Markup <script>alert('cat')</script>", decks);
    }

    [Fact]
    public void Exporting_twice_gives_byte_identical_files_with_fixed_zip_entries()
    {
        using var dir = new TempDir();
        var bank = ExportFixtures.Hostile;
        byte[] first = File.ReadAllBytes(ExportToFile(dir, bank, name: "a.apkg"));
        Thread.Sleep(1100);
        byte[] second = File.ReadAllBytes(ExportToFile(dir, QuestionBank.FromDirectory(Repo.PathOf("tests", "fixtures", "packs", "hostile")), name: "b.apkg"));
        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.Equal(["collection.anki2", "media"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2024, 1, 1), e.LastWriteTime.DateTime));
        using var media = new StreamReader(zip.GetEntry("media")!.Open());
        Assert.Equal("{}", media.ReadToEnd());
    }

    [Fact]
    public void Database_has_ankis_schema_11_and_consistent_rows()
    {
        using var dir = new TempDir();
        var bank = ExportFixtures.Mini;
        using var db = OpenCollection(dir, ExportToFile(dir, bank, new ExportOptions { Reverse = true }));
        static string Norm(string sql) => Regex.Replace(sql, @"\s+", " ").Replace("( ", "(").Replace(" )", ")").Trim().TrimEnd(';');
        var actual = Query(db, "select sql from sqlite_master where sql is not null order by rowid").Select(r => Norm((string)r[0])).ToList();
        Assert.Equal(AnkiDdl.Select(Norm), actual);

        var col = Assert.Single(Query(db, "select ver, crt, mod, scm, models, decks, dconf, conf, tags from col"));
        Assert.Equal(11L, col[0]);
        using var models = JsonDocument.Parse((string)col[4]);
        var model = models.RootElement.GetProperty(AnkiNoteType.ModelId.ToString());
        Assert.Equal(AnkiNoteType.FieldIds, model.GetProperty("flds").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
        Assert.Equal(AnkiNoteType.TemplateIds, model.GetProperty("tmpls").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
        Assert.Equal(AnkiNoteType.ModelMod, model.GetProperty("mod").GetInt64());
        using var decks = JsonDocument.Parse((string)col[5]);
        foreach (var deck in decks.RootElement.EnumerateObject().Where(d => d.Name != "1"))
        {
            Assert.Equal(AnkiPackageExporter.DeckIdFor(deck.Value.GetProperty("name").GetString()!), long.Parse(deck.Name));
            Assert.Equal(long.Parse(deck.Name), deck.Value.GetProperty("id").GetInt64());
        }

        var notes = Query(db, "select id, guid, mid, mod, usn, flds, sfld, csum, flags, data from notes order by id");
        Assert.Equal(bank.Questions.Length, notes.Count);
        for (int i = 0; i < notes.Count; i++)
        {
            var n = notes[i];
            var q = bank.Questions[i];
            Assert.Equal(AnkiPackageExporter.NoteIdBase + i, n[0]);
            Assert.Equal(AnkiNoteType.ModelId, n[2]);
            Assert.Equal(-1L, n[4]);
            Assert.Equal(AnkiNoteType.FieldNames.Count, ((string)n[5]).Split('\u001f').Length);
            Assert.Equal(q.Prompt, n[6]);
            long expectedCsum = Convert.ToInt64(Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(q.Prompt)))[..8], 16);
            Assert.Equal(expectedCsum, n[7]);
            var cards = Query(db, $"select id, did, ord, mod, type, queue, due from cards where nid = {n[0]} order by ord");
            Assert.Equal(2, cards.Count);
            Assert.Equal([0L, 1L], cards.Select(c => c[2]));
            Assert.All(cards, c => Assert.Equal(n[3], c[3]));
            Assert.All(cards, c => Assert.Equal((long)i + 1, c[6]));
            Assert.Equal(AnkiPackageExporter.DeckIdFor("HR Prep::Mini test pack::" + bank.CategoryOf(q).Title), cards[0][1]);
        }

        // Card ids increase in study order.
        var ids = Query(db, "select id from cards order by due, ord").Select(r => (long)r[0]).ToList();
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public void Notes_take_their_packs_latest_verification_day_so_a_rewrite_reaches_existing_decks()
    {
        // v1: the question alone, dated 2026-01-10. v2 rewrites it without re-checking it (its own date
        // stays, or is removed) while another question of the pack was verified on 2026-12-06.
        var v1 = ExportFixtures.Single(q => q);
        long before = NoteOf(v1).Mod;
        long dayStart = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        foreach (DateOnly? ownDate in new DateOnly?[] { new DateOnly(2026, 1, 10), null })
        {
            var v2 = ExportFixtures.Single(q => q with { Answer = q.Answer with { Summary = "Rewritten." }, LastVerified = ownDate });
            var pack = v2.Packs[0];
            var rewritten = pack.Questions[0];
            var other = rewritten with { Id = "code-002", Prompt = "What is a rating scale?", LastVerified = new DateOnly(2026, 12, 6) };
            var bank = new QuestionBank([pack with { Questions = [rewritten, other] }]);
            Assert.Equal(new DateOnly(2026, 12, 6), AnkiNoteType.LatestVerified(bank.Packs[0]));

            long after = AnkiNoteType.NoteFor(rewritten, bank.Packs[0], bank.CategoryOf(rewritten), reverse: false).Mod;
            Assert.InRange(after, dayStart, dayStart + 86_399);
            Assert.True(after > before, $"{after} > {before}");
        }

        // A pack where no question is dated keeps the fixed undated base (1 January 2024).
        long undatedOnly = NoteOf(ExportFixtures.Single(q => q with { LastVerified = null })).Mod;
        long base2024 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.InRange(undatedOnly, base2024, base2024 + 86_399);
    }

    [Fact]
    public void Mod_is_stable_for_the_same_content_and_rises_when_content_changes_with_a_later_date()
    {
        var v1 = ExportFixtures.Single(q => q, "1.0.0");
        var v1Again = ExportFixtures.Single(q => q, "1.0.0");
        var v2Unchanged = ExportFixtures.Single(q => q, "1.1.0");
        var v2Changed = ExportFixtures.Single(q => q with { Answer = q.Answer with { Summary = "A meeting where managers compare ratings against evidence." }, LastVerified = new DateOnly(2026, 1, 11) }, "1.1.0");
        long Mod(QuestionBank bank) => NoteOf(bank).Mod;
        Assert.Equal(Mod(v1), Mod(v1Again));
        Assert.Equal(Mod(v1), Mod(v2Unchanged));
        Assert.True(Mod(v2Changed) > Mod(v1), $"{Mod(v2Changed)} > {Mod(v1)}");
        Assert.Equal(NoteOf(v1).Guid, NoteOf(v2Changed).Guid);

        // Any change on a later lastVerified date wins, whatever the hash gives (checked over many variants).
        for (int i = 0; i < 500; i++)
        {
            var changed = ExportFixtures.Single(q => q with { Prompt = q.Prompt + " v" + i, LastVerified = q.LastVerified!.Value.AddDays(1 + (i % 3)) });
            Assert.True(Mod(changed) > Mod(v1));
        }

        // A content change without a date change gives another value (Anki updates only when it is larger: move lastVerified).
        Assert.NotEqual(Mod(v1), Mod(ExportFixtures.Single(q => q with { Prompt = "Changed?" })));

        // Published values must not drift between tool versions for unchanged content (else every
        // re-import would overwrite users' notes): mini-a-001, lastVerified 2026-11-26 (1795651200).
        var mini = ExportFixtures.Mini;
        var a1 = mini["mini-a-001"];
        Assert.Equal(1795719582, AnkiNoteType.NoteFor(a1, mini.Packs[0], mini.CategoryOf(a1), reverse: false).Mod);

        // Stored as the note's and cards' mod in the package.
        using var dir = new TempDir();
        using var db = OpenCollection(dir, ExportToFile(dir, v2Changed));
        Assert.Equal(Mod(v2Changed), Query(db, "select mod from notes").Single()[0]);
        Assert.Equal(Mod(v2Changed), Query(db, "select mod from cards").Single()[0]);
    }

    [Fact]
    public void Tags_with_spaces_are_made_safe_and_titles_with_double_colons_do_not_nest()
    {
        var bank = ExportFixtures.Single(q => q with { Tags = ["two words", " tab\there ", "ok"] });
        var note = NoteOf(bank);
        Assert.Equal(["hrprep::level::mid", "hrprep::type::role-knowledge", "hrprep::category::cat", "hrprep::tag::two_words", "hrprep::tag::tab_here", "hrprep::tag::ok"], note.Tags);
        Assert.All(note.Tags, t => Assert.DoesNotContain(' ', t));
        var pack = bank.Packs[0] with { Title = "A::B  pack" };
        Assert.Equal("HR Prep::A:B pack::x:y", AnkiNoteType.DeckFor(pack, new Category("c", "x::y", null)));
    }

    private static AnkiNote NoteOf(QuestionBank bank)
    {
        var q = bank.Questions.Single();
        return AnkiNoteType.NoteFor(q, bank.Packs[0], bank.CategoryOf(q), reverse: false);
    }
}
