using System.Text;
using CsvHelper;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class CsvExporterTests
{
    private static List<string[]> ReadBack(byte[] bytes, out string[] headers)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default, leaveOpen: false);
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

        headers = [.. reader.Headers];
        return rows;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Round_trip_with_CsvHelper_gives_back_every_field_of_every_question(bool hostile)
    {
        var bank = hostile ? ExportFixtures.Hostile : ExportFixtures.Mini;
        var bytes = ExportFixtures.Export(new CsvExporter(), bank);
        var rows = ReadBack(bytes, out var headers);
        Assert.Equal(CsvExporter.Columns, headers);
        Assert.Equal(bank.Questions.Length, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var q = bank.Questions[i];
            Assert.Equal(CsvExporter.Row(q, bank.CategoryOf(q).Title), rows[i].Select(CsvExporter.Restore));
        }
    }

    [Fact]
    public void Columns_hold_the_documented_values()
    {
        var bank = ExportFixtures.Mini;
        var rows = ReadBack(ExportFixtures.Export(new CsvExporter(), bank), out var headers);
        var b2 = rows.Single(r => r[0] == "mini-b-002");
        string Col(string name) => b2[Array.IndexOf(headers, name)];
        Assert.Equal("mini", Col("pack"));
        Assert.Equal("Beta things", Col("category_title"));
        Assert.Equal("case-study", Col("type"));
        Assert.Equal("analytics\ndata", Col("tags"));
        Assert.Equal("First point\nSecond point", Col("key_points"));
        Assert.Equal("Caption: Illustrative data\nTeam | Headcount | Top rated\nNorth | 40 | 12\nSouth | 55 | 6", Col("scenario_table"));
        Assert.Equal("A source <https://example.org/source>", Col("sources"));
        Assert.Equal("2026-11-26", Col("last_verified"));
    }

    [Fact]
    public void Output_is_rfc4180_utf8_without_bom_by_default_and_with_bom_on_request()
    {
        var bank = ExportFixtures.Hostile;
        var plain = ExportFixtures.Export(new CsvExporter(), bank);
        var bom = ExportFixtures.Export(new CsvExporter(), bank, new ExportOptions { Bom = true });
        Assert.False(plain.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.True(bom.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.Equal(plain, bom[3..]);
        string text = Encoding.UTF8.GetString(plain);
        Assert.StartsWith("id,pack,category,category_title,type,level,origin,tags,prompt,scenario,scenario_table,answer,key_points,follow_ups,look_for,red_flags,jurisdiction,sources,related,last_verified,review_by,attribution\r\n", text);
        Assert.EndsWith("\r\n", text);
        Assert.Contains("\"'=HYPERLINK(\"\"https://example.org\"\",\"\"click\"\")\"", text);
        Assert.Contains("\"Line one\nline two, with a comma and \"\"quotes\"\"\"", text);
    }

    [Fact]
    public void Formula_cells_are_neutralised_by_default_and_kept_with_raw()
    {
        var bank = ExportFixtures.Hostile;
        var safe = ReadBack(ExportFixtures.Export(new CsvExporter(), bank), out var headers);
        var raw = ReadBack(ExportFixtures.Export(new CsvExporter(), bank, new ExportOptions { Raw = true }), out _);
        foreach (var row in safe)
        {
            foreach (var cell in row)
            {
                Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"cell starts with a formula trigger: {cell}");
            }
        }

        var q2 = raw.Single(r => r[0] == "hostile-002");
        string Col(string[] r, string name) => r[Array.IndexOf(headers, name)];
        Assert.Equal("=HYPERLINK(\"https://example.org\",\"click\")", Col(q2, "prompt"));
        Assert.Equal("+1+2 is a formula in a spreadsheet.", Col(q2, "answer"));
        Assert.Equal("'already quoted", Col(q2, "red_flags"));
        var s2 = safe.Single(r => r[0] == "hostile-002");
        Assert.Equal("'=HYPERLINK(\"https://example.org\",\"click\")", Col(s2, "prompt"));
        Assert.Equal("'@SUM(1,2)", Col(s2, "follow_ups"));
        Assert.Equal("'\tstarts with a tab", Col(s2, "look_for"));
        Assert.Equal("''already quoted", Col(s2, "red_flags"));
        Assert.Equal("'\rStarts with a carriage return.", Col(safe.Single(r => r[0] == "hostile-003"), "answer"));
    }

    [Theory]
    [InlineData("=1", "'=1")]
    [InlineData("plain", "plain")]
    [InlineData("'x", "''x")]
    [InlineData("", "")]
    [InlineData("a=1", "a=1")]
    public void Neutralise_and_restore_are_inverse(string cell, string neutralised)
    {
        Assert.Equal(neutralised, CsvExporter.Neutralise(cell));
        Assert.Equal(cell, CsvExporter.Restore(CsvExporter.Neutralise(cell)));
    }

    [Fact]
    public void Questions_are_enumerated_once_and_streamed()
    {
        var bank = ExportFixtures.Mini;
        int pulls = 0;
        IEnumerable<Question> Source()
        {
            foreach (var q in bank.Questions)
            {
                pulls++;
                yield return q;
            }
        }

        var bytes = ExportFixtures.Export(new CsvExporter(), bank, questions: Source());
        Assert.Equal(bank.Questions.Length, pulls);
        Assert.Equal(bank.Questions.Length, ReadBack(bytes, out _).Count);
    }
}
