using System.IO.Compression;
using System.Text;
using CsvHelper;
using HrPrep.Authoring.Export;
using HrPrep.Tests.Shared;
using Microsoft.Data.Sqlite;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class AnkiTextExporterTests
{
    private static List<string[]> Rows(string text)
    {
        string body = string.Concat(text.Split('\n').SkipWhile(l => l.StartsWith('#')).Select(l => l + "\n"));
        var options = CsvReaderOptions.Default with { Separator = '\t', HasHeader = false, CommentPrefix = '#' };
        using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(body)), options, leaveOpen: false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void Headers_name_the_separator_html_and_meta_columns()
    {
        string text = ExportFixtures.Text(new AnkiTextExporter(), ExportFixtures.Mini);
        var header = text.Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Equal(
            [
                "#separator:tab", "#html:true", "#notetype column:1", "#deck column:2", "#guid column:3", "#tags column:18",
                "#columns:Notetype\tDeck\tGUID\tPrompt\tScenario\tAnswer\tKey points\tFollow-ups\tLook for\tRed flags\tSources\tCategory\tLevel\tType\tJurisdiction\tId\tAdd reverse\tTags",
            ],
            header);
    }

    [Fact]
    public void Rows_carry_the_same_guids_decks_fields_and_tags_as_the_apkg()
    {
        var bank = ExportFixtures.Hostile;
        var rows = Rows(ExportFixtures.Text(new AnkiTextExporter(), bank));
        Assert.Equal(bank.Questions.Length, rows.Count);
        using var dir = new TempDir();
        string apkg = dir.Bytes("d.apkg", ExportFixtures.Export(new AnkiPackageExporter(), bank));
        string db = Path.Combine(dir.Path, "c.anki2");
        using (var zip = ZipFile.OpenRead(apkg))
        {
            zip.GetEntry("collection.anki2")!.ExtractToFile(db);
        }

        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select guid, flds, tags from notes order by id";
        using var reader = command.ExecuteReader();
        int i = 0;
        while (reader.Read())
        {
            var row = rows[i];
            var q = bank.Questions[i];
            Assert.Equal(18, row.Length);
            Assert.Equal("HrPrep Question", row[0]);
            Assert.Equal($"HR Prep::{bank.Packs[0].Title}::{bank.CategoryOf(q).Title}", row[1]);
            Assert.Equal(reader.GetString(0), row[2]);
            Assert.Equal(reader.GetString(1).Split('\u001f'), row[3..17]);
            Assert.Equal(reader.GetString(2).Trim(), row[17]);
            i++;
        }

        Assert.Equal(rows.Count, i);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("#guid", "\"#guid\"")]
    [InlineData("a\tb", "\"a\tb\"")]
    [InlineData("say \"hi\"\nnow", "\"say \"\"hi\"\"\nnow\"")]
    public void Cells_that_would_break_a_row_are_quoted(string cell, string written)
    {
        Assert.Equal(written, AnkiTextExporter.Quote(cell));
    }
}
