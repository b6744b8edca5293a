using System.IO.Compression;
using HrPrep.Authoring.Diff;
using HrPrep.Authoring.Export;
using HrPrep.Authoring.Import;
using HrPrep.Authoring.Tests.Export;
using HrPrep.Content;
using HrPrep.Tests.Shared;
using Microsoft.Data.Sqlite;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>Issue 12: <c>import anki</c> reads back a deck <see cref="AnkiPackageExporter"/> wrote.</summary>
public class AnkiImportTests
{
    private static string Export(TempDir dir, QuestionBank bank)
    {
        string path = Path.Combine(dir.Path, "deck.apkg");
        File.WriteAllBytes(path, ExportFixtures.Export(new AnkiPackageExporter(), bank));
        return path;
    }

    /// <summary>Runs SQL on the package's collection (as an edit in Anki would) and writes the package back.</summary>
    private static void Edit(string apkg, Action<SqliteConnection> edit)
    {
        string db = apkg + ".anki2";
        using (var zip = ZipFile.OpenRead(apkg))
        {
            zip.GetEntry("collection.anki2")!.ExtractToFile(db, overwrite: true);
        }

        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            connection.Open();
            edit(connection);
        }

        File.Delete(apkg);
        using (var zip = ZipFile.Open(apkg, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(db, "collection.anki2");
            using var media = zip.CreateEntry("media").Open();
            media.Write("{}"u8);
        }

        File.Delete(db);
    }

    private static void Sql(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static string[] Fields(SqliteConnection db, string guid)
    {
        using var command = db.CreateCommand();
        command.CommandText = "SELECT flds FROM notes WHERE guid = $g";
        command.Parameters.AddWithValue("$g", guid);
        return ((string)command.ExecuteScalar()!).Split('\u001f');
    }

    private static void SetFields(SqliteConnection db, string guid, string[] fields) =>
        Sql(db, "UPDATE notes SET flds = $f WHERE guid = $g", ("$f", string.Join('\u001f', fields)), ("$g", guid));

    public static TheoryData<string> Banks() => new() { "mini", "hostile", "shipped" };

    private static QuestionBank Bank(string name) => name switch
    {
        "mini" => ExportFixtures.Mini,
        "hostile" => ExportFixtures.Hostile,
        _ => QuestionBank.FromDirectory(Repo.ShippedPack),
    };

    [Theory]
    [MemberData(nameof(Banks))]
    public void An_unedited_deck_gives_the_same_packs(string name)
    {
        using var dir = new TempDir();
        var bank = Bank(name);
        var result = AnkiPackageImporter.Import(Export(dir, bank), bank.Packs);
        Assert.Empty(result.Problems);
        Assert.Empty(result.Changes);
        Assert.Equal(bank.Packs.Sum(p => p.Questions.Length), result.Unchanged);
        Assert.Equal(bank.Packs.Length, result.Packs.Length);
        foreach (var (a, b) in bank.Packs.Zip(result.Packs))
        {
            Assert.True(a == b, a.Id);
        }
    }

    [Fact]
    public void Editing_one_field_changes_exactly_that_field()
    {
        using var dir = new TempDir();
        var bank = QuestionBank.FromDirectory(Repo.ShippedPack);
        var pack = bank.Packs[0];
        var target = pack.Questions[7];
        string guid = AnkiNoteType.GuidFor(pack.Id, target.Id);
        string apkg = Export(dir, bank);
        Edit(apkg, db =>
        {
            var fields = Fields(db, guid);
            fields[0] = "Which appraisal method would you pick for a team of 12 &amp; why?";
            SetFields(db, guid, fields);
        });

        var result = AnkiPackageImporter.Import(apkg, bank.Packs);
        Assert.Empty(result.Problems);
        var change = Assert.Single(result.Changes);
        Assert.Equal(("changed", target.Id, "prompt"), (change.Kind, change.QuestionId, Assert.Single(change.Fields)));
        var diff = PackDiff.Compare(pack, result.Packs[0]);
        var changed = Assert.Single(diff.Changed);
        Assert.Equal(target.Id, changed.Id);
        Assert.Equal(["prompt"], changed.Fields);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Equal("Which appraisal method would you pick for a team of 12 & why?", result.Packs[0].Questions[7].Prompt);
        Assert.Empty(FieldDiff.ChangedFields(target with { Prompt = result.Packs[0].Questions[7].Prompt }, result.Packs[0].Questions[7]));
    }

    [Fact]
    public void Lists_levels_and_tags_edited_in_anki_are_applied()
    {
        using var dir = new TempDir();
        var bank = ExportFixtures.Mini;
        var pack = bank.Packs[0];
        var q = pack.Questions[0];
        string guid = AnkiNoteType.GuidFor(pack.Id, q.Id);
        string apkg = Export(dir, bank);
        Edit(apkg, db =>
        {
            var fields = Fields(db, guid);
            fields[2] = "<p>First paragraph.</p>\n<p>Second<br>line.</p>";
            fields[3] = "<ul><li>One</li><li>Two &lt;b&gt;</li></ul>";
            fields[9] = "senior";
            SetFields(db, guid, fields);
            Sql(db, "UPDATE notes SET tags = ' hrprep::tag::new-tag ' WHERE guid = $g", ("$g", guid));
        });

        var result = AnkiPackageImporter.Import(apkg, bank.Packs);
        Assert.Empty(result.Problems);
        var change = Assert.Single(result.Changes);
        Assert.Equal(["answer.summary", "answer.keyPoints", "level", "tags"], change.Fields);
        var updated = result.Packs[0].Questions[0];
        Assert.Equal("First paragraph.\n\nSecond\nline.", updated.Answer.Summary);
        Assert.Equal(["One", "Two <b>"], updated.Answer.KeyPoints);
        Assert.Equal(QuestionLevel.Senior, updated.Level);
        Assert.Equal(["new-tag"], updated.Tags);
    }

    [Fact]
    public void Unknown_notes_become_imported_questions_and_other_notes_are_reported()
    {
        using var dir = new TempDir();
        var bank = ExportFixtures.Mini;
        var pack = bank.Packs[0];
        string guid = AnkiNoteType.GuidFor(pack.Id, pack.Questions[0].Id);
        string apkg = Export(dir, bank);
        Edit(apkg, db =>
        {
            // A note added in Anki with the HrPrep note type (copied row, new guid and prompt), and one of another type.
            Sql(db, "INSERT INTO notes SELECT id + 1000000, 'Added:in{Anki}', mid, mod, usn, tags, flds, sfld, csum, flags, data FROM notes WHERE guid = $g", ("$g", guid));
            var fields = Fields(db, "Added:in{Anki}");
            fields[0] = "How do you run a calibration session remotely?";
            SetFields(db, "Added:in{Anki}", fields);
            Sql(db, "INSERT INTO cards SELECT id + 1000000, nid + 1000000, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data FROM cards WHERE nid = (SELECT id FROM notes WHERE guid = $g)", ("$g", guid));
            Sql(db, "INSERT INTO notes SELECT id + 2000000, 'basic', 42, mod, usn, tags, 'Front' || char(31) || 'Back', sfld, csum, flags, data FROM notes WHERE guid = $g", ("$g", guid));
            Sql(db, "DELETE FROM notes WHERE guid = $g", ("$g", AnkiNoteType.GuidFor(pack.Id, pack.Questions[1].Id)));
        });

        var result = AnkiPackageImporter.Import(apkg, bank.Packs);
        Assert.Empty(result.Problems);
        var added = result.Packs[0].Questions[^1];
        Assert.Equal(pack.Questions.Length + 1, result.Packs[0].Questions.Length);
        Assert.Equal("How do you run a calibration session remotely?", added.Prompt);
        Assert.Equal(QuestionOrigin.Imported, added.Origin);
        Assert.Equal(pack.Questions[0].Category, added.Category);
        Assert.Matches($"^{pack.Id}-anki-[0-9a-f]{{10}}$", added.Id);
        Assert.Equal(["added", "skipped", "missing"], result.Changes.Select(c => c.Kind));
        Assert.Equal(pack.Questions[1].Id, result.Changes[2].QuestionId);
        Assert.True(pack.Questions[1] == result.Packs[0].Questions[1]);
        var again = AnkiPackageImporter.Import(apkg, bank.Packs);
        Assert.Equal(added.Id, again.Packs[0].Questions[^1].Id);
    }

    [Fact]
    public void Edits_that_cannot_be_applied_are_problems()
    {
        using var dir = new TempDir();
        var bank = ExportFixtures.Mini;
        var pack = bank.Packs[0];
        string guid = AnkiNoteType.GuidFor(pack.Id, pack.Questions[0].Id);
        string apkg = Export(dir, bank);
        Edit(apkg, db =>
        {
            var fields = Fields(db, guid);
            fields[12] = "renamed-id";
            fields[0] = string.Empty;
            SetFields(db, guid, fields);
        });

        var result = AnkiPackageImporter.Import(apkg, bank.Packs);
        Assert.Equal(2, result.Problems.Length);
        Assert.Contains(result.Problems, p => p.Contains("the Prompt field is empty", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("the Id field was edited in Anki", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dir.Path, "not.apkg"), "plain text");
        Assert.StartsWith("not an Anki package (.apkg zip): ", Assert.Throws<InvalidDataException>(() => AnkiPackageImporter.Import(Path.Combine(dir.Path, "not.apkg"), bank.Packs)).Message, StringComparison.Ordinal);
    }
}
