using System.IO.Compression;
using HrPrep.Tests.Shared;
using Microsoft.Data.Sqlite;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>Issue 12: export → edit one field in the SQLite → import anki → diff shows exactly that change.</summary>
public class ImportAnkiCommandTests
{
    [Fact]
    public void Export_edit_import_and_diff_shows_exactly_the_edit()
    {
        using var dir = new TempDir();
        string apkg = Path.Combine(dir.Path, "deck.apkg");
        var export = Cli.Run("export", "anki", Repo.MiniPack, "-o", apkg);
        Assert.True(export.Code == 0, export.Err);

        // Edit the answer of one note, as Anki would store it.
        string db = Path.Combine(dir.Path, "collection.anki2");
        using (var zip = ZipFile.OpenRead(apkg))
        {
            zip.GetEntry("collection.anki2")!.ExtractToFile(db);
        }

        string editedGuid;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            connection.Open();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT guid, flds FROM notes ORDER BY id LIMIT 1 OFFSET 1";
            using var reader = read.ExecuteReader();
            Assert.True(reader.Read());
            editedGuid = reader.GetString(0);
            var fields = reader.GetString(1).Split('\u001f');
            reader.Close();
            fields[2] = "<p>An answer rewritten in Anki.</p>";
            using var write = connection.CreateCommand();
            write.CommandText = "UPDATE notes SET flds = $f WHERE guid = $g";
            write.Parameters.AddWithValue("$f", string.Join('\u001f', fields));
            write.Parameters.AddWithValue("$g", editedGuid);
            Assert.Equal(1, write.ExecuteNonQuery());
        }

        string edited = Path.Combine(dir.Path, "edited.apkg");
        using (var zip = ZipFile.Open(edited, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(db, "collection.anki2");
        }

        string output = Path.Combine(dir.Path, "updated");
        string report = Path.Combine(dir.Path, "changes.txt");
        var import = Cli.Run("import", "anki", edited, "--packs", Repo.MiniPack, "-o", output, "--report", report);
        Assert.True(import.Code == 0, import.Err);
        Assert.Matches(@"changed mini/[a-z0-9-]+: answer\.summary", import.Err);

        var diff = Cli.Run("diff", Repo.MiniPack, output);
        var changeLines = diff.Out.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.Contains("bump", StringComparison.Ordinal) && !l.Contains("FAIL", StringComparison.Ordinal) && l.Trim() != "ok").ToList();
        var line = Assert.Single(changeLines);
        Assert.Matches(@"^\s+changed\s+[a-z0-9-]+: answer$", line);
        Assert.Contains("required bump: patch", diff.Out);
        Assert.Contains("answer.summary", File.ReadAllText(report));

        // Unedited: no change at all, and an existing output needs --force.
        var same = Cli.Run("import", "anki", apkg, "--packs", Repo.MiniPack, "-o", Path.Combine(dir.Path, "same"));
        Assert.True(same.Code == 0, same.Err);
        Assert.Contains("required bump: none", Cli.Run("diff", Repo.MiniPack, Path.Combine(dir.Path, "same")).Out);
        Assert.Equal(1, Cli.Run("import", "anki", apkg, "--packs", Repo.MiniPack, "-o", Path.Combine(dir.Path, "same")).Code);
        Assert.Equal(3, Cli.Run("import", "anki", Path.Combine(dir.Path, "nope.apkg"), "--packs", Repo.MiniPack).Code);
    }
}
