using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HrPrep.Content;
using Microsoft.Data.Sqlite;

namespace HrPrep.Authoring.Export;

/// <summary>
/// <c>anki</c>: an Anki package (<c>.apkg</c>) in the legacy format every current Anki imports: a zip
/// holding <c>collection.anki2</c> (SQLite, schema 11) and an empty <c>media</c> map. One note of the
/// <see cref="AnkiNoteType"/> per question, one card per note (two with <see cref="ExportOptions.Reverse"/>),
/// decks <c>HR Prep::pack::category</c>. The output is deterministic: the same questions and options give
/// byte-identical files (fixed ids, times and zip timestamps; the database is written in one deterministic pass).
/// </summary>
public sealed class AnkiPackageExporter : IQuestionExporter
{
    /// <summary>Anki's schema-11 DDL, as in <c>rslib/src/storage/schema11.sql</c>.</summary>
    public const string Schema11 = """
        CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
        CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
        CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
        CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
        CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
        CREATE INDEX ix_notes_usn on notes (usn);
        CREATE INDEX ix_cards_usn on cards (usn);
        CREATE INDEX ix_revlog_usn on revlog (usn);
        CREATE INDEX ix_cards_nid on cards (nid);
        CREATE INDEX ix_cards_sched on cards (did, queue, due);
        CREATE INDEX ix_revlog_cid on revlog (cid);
        CREATE INDEX ix_notes_csum on notes (csum);
        """;

    /// <summary>The first note id; notes are numbered from it in export order.</summary>
    public const long NoteIdBase = 1_700_000_000_000;

    /// <summary>The first card id; the cards of note <c>i</c> are <c>CardIdBase + 2i + ord</c>, in study order.</summary>
    public const long CardIdBase = 1_700_000_000_000;

    /// <summary>The fixed timestamp of the zip entries.</summary>
    public static readonly DateTimeOffset EntryTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const long CollectionCreated = 1704067200;       // seconds
    private const long CollectionMod = 1704067200000;        // milliseconds
    private const long DeckMod = 1704067200;                 // seconds

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc/>
    public string Name => "anki";

    /// <inheritdoc/>
    public string Extension => ".apkg";

    /// <summary>The stable id of a deck, derived from its name.</summary>
    public static long DeckIdFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ulong hash = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("hrprep-deck:" + name)));
        return 1_500_000_000_000 + (long)(hash % 100_000_000_000);
    }

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        string dbPath = Path.Combine(Path.GetTempPath(), "hrprep-anki-" + Guid.NewGuid().ToString("N") + ".anki2");
        try
        {
            var timer = new PhaseTimer("anki", "HRPREP_EXPORT_TIMING");
            WriteDatabase(dbPath, source, options, timer);
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            var entry = zip.CreateEntry("collection.anki2", CompressionLevel.Fastest);
            entry.LastWriteTime = EntryTime;
            using (var to = entry.Open())
            using (var from = File.OpenRead(dbPath))
            {
                from.CopyTo(to, 1 << 16);
            }

            var media = zip.CreateEntry("media", CompressionLevel.Optimal);
            media.LastWriteTime = EntryTime;
            using (var to = media.Open())
            {
                to.Write("{}"u8);
            }

            timer.Mark("zip written");
        }
        finally
        {
            try
            {
                File.Delete(dbPath);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void WriteDatabase(string path, ExportSource source, ExportOptions options, PhaseTimer timer)
    {
        var decks = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var usedDeckIds = new HashSet<long> { 1 };
        long DeckId(string name)
        {
            if (!decks.TryGetValue(name, out long id))
            {
                int cut = name.LastIndexOf("::", StringComparison.Ordinal);
                if (cut > 0)
                {
                    DeckId(name[..cut]);
                }

                id = DeckIdFor(name);
                while (!usedDeckIds.Add(id))
                {
                    id++;
                }

                decks[name] = id;
            }

            return id;
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using (var db = new SqliteConnection(builder.ToString()))
        {
            db.Open();
            Execute(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=65536; PRAGMA cache_size=-16384;");

            // Tables first, indexes after the rows (faster; the same schema text and order as Schema11).
            string[] statements = Schema11.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Execute(db, string.Join(";\n", statements.Where(x => x.StartsWith("CREATE TABLE", StringComparison.Ordinal))));
            using (var tx = db.BeginTransaction())
            {
                using var note = db.CreateCommand();
                note.Transaction = tx;
                note.CommandText = "INSERT INTO notes VALUES ($id, $guid, $mid, $mod, -1, $tags, $flds, $sfld, $csum, 0, '')";
                var nId = note.Parameters.Add("$id", SqliteType.Integer);
                var nGuid = note.Parameters.Add("$guid", SqliteType.Text);
                note.Parameters.AddWithValue("$mid", AnkiNoteType.ModelId);
                var nMod = note.Parameters.Add("$mod", SqliteType.Integer);
                var nTags = note.Parameters.Add("$tags", SqliteType.Text);
                var nFlds = note.Parameters.Add("$flds", SqliteType.Text);
                var nSfld = note.Parameters.Add("$sfld", SqliteType.Text);
                var nCsum = note.Parameters.Add("$csum", SqliteType.Integer);
                note.Prepare();

                using var card = db.CreateCommand();
                card.Transaction = tx;
                card.CommandText = "INSERT INTO cards VALUES ($id, $nid, $did, $ord, $mod, -1, 0, 0, $due, 0, 0, 0, 0, 0, 0, 0, 0, '')";
                var cId = card.Parameters.Add("$id", SqliteType.Integer);
                var cNid = card.Parameters.Add("$nid", SqliteType.Integer);
                var cDid = card.Parameters.Add("$did", SqliteType.Integer);
                var cOrd = card.Parameters.Add("$ord", SqliteType.Integer);
                var cMod = card.Parameters.Add("$mod", SqliteType.Integer);
                var cDue = card.Parameters.Add("$due", SqliteType.Integer);
                card.Prepare();

                long index = 0;
                foreach (var n in Notes(source, options.Reverse))
                {
                    long noteId = NoteIdBase + index;
                    string sortText = SafeHtml.StripTags(n.Fields[0]);
                    nId.Value = noteId;
                    nGuid.Value = n.Guid;
                    nMod.Value = n.Mod;
                    nTags.Value = " " + string.Join(' ', n.Tags) + " ";
                    nFlds.Value = string.Join('\u001f', n.Fields);
                    nSfld.Value = sortText;
                    nCsum.Value = AnkiNoteType.Checksum(sortText);
                    note.ExecuteNonQuery();

                    long deckId = DeckId(n.Deck);
                    for (int ord = 0; ord < (options.Reverse ? 2 : 1); ord++)
                    {
                        cId.Value = CardIdBase + (2 * index) + ord;
                        cNid.Value = noteId;
                        cDid.Value = deckId;
                        cOrd.Value = ord;
                        cMod.Value = n.Mod;
                        cDue.Value = index + 1;
                        card.ExecuteNonQuery();
                    }

                    index++;
                }

                using var col = db.CreateCommand();
                col.Transaction = tx;
                col.CommandText = "INSERT INTO col VALUES (1, $crt, $mod, $scm, 11, 0, 0, 0, $conf, $models, $decks, $dconf, '{}')";
                col.Parameters.AddWithValue("$crt", CollectionCreated);
                col.Parameters.AddWithValue("$mod", CollectionMod);
                col.Parameters.AddWithValue("$scm", CollectionMod);
                col.Parameters.AddWithValue("$conf", ConfJson());
                col.Parameters.AddWithValue("$models", ModelsJson());
                col.Parameters.AddWithValue("$decks", DecksJson(decks));
                col.Parameters.AddWithValue("$dconf", DeckConfigJson());
                col.ExecuteNonQuery();
                timer.Mark("rows inserted");
                Execute(db, string.Join(";\n", statements.Where(x => x.StartsWith("CREATE INDEX", StringComparison.Ordinal))), tx);
                tx.Commit();
                timer.Mark("indexes built");
            }

            // No VACUUM: rows are only ever appended (tables first, indexes last, no deletes), so the
            // file has no free pages to reclaim, and rewriting it cost 2 s on 100k questions.
        }
    }

    /// <summary>
    /// The notes in question order. They are built in parallel in batches on other threads while the
    /// caller writes the previous batches; at most a few batches are in memory at once.
    /// </summary>
    private static IEnumerable<AnkiNote> Notes(ExportSource source, bool reverse)
    {
        const int BatchSize = 128;
        using var batches = new System.Collections.Concurrent.BlockingCollection<AnkiNote[]>(boundedCapacity: 2);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<Question>(BatchSize);
                foreach (var q in source.Questions)
                {
                    batch.Add(q);
                    if (batch.Count == BatchSize)
                    {
                        batches.Add(Build(batch), stop.Token);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    batches.Add(Build(batch), stop.Token);
                }
            }
            finally
            {
                batches.CompleteAdding();
            }
        });
        try
        {
            foreach (var notes in batches.GetConsumingEnumerable())
            {
                foreach (var n in notes)
                {
                    yield return n;
                }
            }

            producer.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException)
            {
                // Already rethrown above, or the consumer stopped first.
            }
        }

        AnkiNote[] Build(List<Question> questions)
        {
            var notes = new AnkiNote[questions.Count];
            Parallel.For(0, questions.Count, i =>
            {
                var q = questions[i];
                notes[i] = AnkiNoteType.NoteFor(q, source.PackOf(q), source.Bank.CategoryOf(q), reverse);
            });
            return notes;
        }
    }

    private static void Execute(SqliteConnection db, string sql, SqliteTransaction? transaction = null)
    {
        using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string ConfJson() => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("activeDecks");
        w.WriteNumberValue(1);
        w.WriteEndArray();
        w.WriteBoolean("addToCur", true);
        w.WriteNumber("collapseTime", 1200);
        w.WriteNumber("curDeck", 1);
        w.WriteString("curModel", AnkiNoteType.Invariant(AnkiNoteType.ModelId));
        w.WriteBoolean("dueCounts", true);
        w.WriteBoolean("estTimes", true);
        w.WriteBoolean("newBury", true);
        w.WriteNumber("newSpread", 0);
        w.WriteNumber("nextPos", 1);
        w.WriteBoolean("sortBackwards", false);
        w.WriteString("sortType", "noteFld");
        w.WriteNumber("timeLim", 0);
        w.WriteEndObject();
    });

    private static string ModelsJson() => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject(AnkiNoteType.Invariant(AnkiNoteType.ModelId));
        WriteModelProperties(w);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Writes the note type's properties (id, name, fields, templates, CSS…) into the current JSON object; shared with the CrowdAnki export.</summary>
    internal static void WriteModelProperties(Utf8JsonWriter w)
    {
        w.WriteNumber("id", AnkiNoteType.ModelId);
        w.WriteString("name", AnkiNoteType.ModelName);
        w.WriteNumber("type", 0);
        w.WriteNumber("mod", AnkiNoteType.ModelMod);
        w.WriteNumber("usn", -1);
        w.WriteNumber("sortf", 0);
        w.WriteNumber("did", 1);
        w.WriteString("css", AnkiNoteType.Css);
        w.WriteStartArray("flds");
        for (int i = 0; i < AnkiNoteType.FieldNames.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("name", AnkiNoteType.FieldNames[i]);
            w.WriteNumber("ord", i);
            w.WriteBoolean("sticky", false);
            w.WriteBoolean("rtl", false);
            w.WriteString("font", "Arial");
            w.WriteNumber("size", 20);
            w.WriteStartArray("media");
            w.WriteEndArray();
            w.WriteString("description", string.Empty);
            w.WriteNumber("id", AnkiNoteType.FieldIds[i]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("tmpls");
        string[][] templates = [[AnkiNoteType.ForwardFront, AnkiNoteType.ForwardBack], [AnkiNoteType.ReverseFront, AnkiNoteType.ReverseBack]];
        for (int i = 0; i < templates.Length; i++)
        {
            w.WriteStartObject();
            w.WriteString("name", AnkiNoteType.TemplateNames[i]);
            w.WriteNumber("ord", i);
            w.WriteString("qfmt", templates[i][0]);
            w.WriteString("afmt", templates[i][1]);
            w.WriteString("bqfmt", string.Empty);
            w.WriteString("bafmt", string.Empty);
            w.WriteNull("did");
            w.WriteString("bfont", string.Empty);
            w.WriteNumber("bsize", 0);
            w.WriteNumber("id", AnkiNoteType.TemplateIds[i]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("latexPre", "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n");
        w.WriteString("latexPost", "\\end{document}");
        w.WriteBoolean("latexsvg", false);
        w.WriteStartArray("req");
        WriteReq(w, 0, "any", [0]);
        WriteReq(w, 1, "all", [AnkiNoteType.AnswerField, AnkiNoteType.ReverseField]);
        w.WriteEndArray();
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteStartArray("vers");
        w.WriteEndArray();
    }

    private static void WriteReq(Utf8JsonWriter w, int ord, string kind, int[] fields)
    {
        w.WriteStartArray();
        w.WriteNumberValue(ord);
        w.WriteStringValue(kind);
        w.WriteStartArray();
        foreach (int f in fields)
        {
            w.WriteNumberValue(f);
        }

        w.WriteEndArray();
        w.WriteEndArray();
    }

    private static string DecksJson(SortedDictionary<string, long> decks) => Json(w =>
    {
        w.WriteStartObject();
        WriteDeck(w, 1, "Default");
        foreach (var (name, id) in decks)
        {
            WriteDeck(w, id, name);
        }

        w.WriteEndObject();
    });

    private static void WriteDeck(Utf8JsonWriter w, long id, string name)
    {
        w.WriteStartObject(AnkiNoteType.Invariant(id));
        w.WriteNumber("id", id);
        w.WriteString("name", name);
        w.WriteString("desc", string.Empty);
        w.WriteNumber("mod", DeckMod);
        w.WriteNumber("usn", -1);
        w.WriteBoolean("collapsed", false);
        w.WriteBoolean("browserCollapsed", false);
        w.WriteNumber("dyn", 0);
        w.WriteNumber("conf", 1);
        w.WriteNumber("extendNew", 10);
        w.WriteNumber("extendRev", 50);
        foreach (var counter in new[] { "lrnToday", "revToday", "newToday", "timeToday" })
        {
            w.WriteStartArray(counter);
            w.WriteNumberValue(0);
            w.WriteNumberValue(0);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static string DeckConfigJson() => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("1");
        WriteDeckConfigProperties(w);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Writes the default deck options' properties into the current JSON object; shared with the CrowdAnki export.</summary>
    internal static void WriteDeckConfigProperties(Utf8JsonWriter w)
    {
        w.WriteNumber("id", 1);
        w.WriteString("name", "Default");
        w.WriteNumber("mod", 0);
        w.WriteNumber("usn", 0);
        w.WriteBoolean("autoplay", true);
        w.WriteNumber("timer", 0);
        w.WriteBoolean("replayq", true);
        w.WriteNumber("maxTaken", 60);
        w.WriteStartObject("new");
        w.WriteBoolean("bury", true);
        Numbers(w, "delays", 1, 10);
        w.WriteNumber("initialFactor", 2500);
        Numbers(w, "ints", 1, 4, 7);
        w.WriteNumber("order", 1);
        w.WriteNumber("perDay", 20);
        w.WriteBoolean("separate", true);
        w.WriteEndObject();
        w.WriteStartObject("rev");
        w.WriteBoolean("bury", true);
        w.WriteNumber("ease4", 1.3);
        w.WriteNumber("fuzz", 0.05);
        w.WriteNumber("ivlFct", 1);
        w.WriteNumber("maxIvl", 36500);
        w.WriteNumber("minSpace", 1);
        w.WriteNumber("perDay", 100);
        w.WriteEndObject();
        w.WriteStartObject("lapse");
        Numbers(w, "delays", 10);
        w.WriteNumber("leechAction", 0);
        w.WriteNumber("leechFails", 8);
        w.WriteNumber("minInt", 1);
        w.WriteNumber("mult", 0);
        w.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter w, string name, params int[] values)
    {
        w.WriteStartArray(name);
        foreach (int v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }
}
