using System.Text;
using CsvHelper;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class BrightspaceExporterTests
{
    /// <summary>Every record of the file, read back by CsvHelper (no header; line breaks inside quotes allowed).</summary>
    private static List<string[]> ReadBack(byte[] bytes)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default with { HasHeader = false }, leaveOpen: false);
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

    /// <summary>The question blocks: the rows from one NewQuestion row to the next.</summary>
    private static List<List<string[]>> Blocks(List<string[]> rows)
    {
        var blocks = new List<List<string[]>>();
        foreach (var row in rows)
        {
            if (row[0].StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (row[0] == "NewQuestion")
            {
                blocks.Add([]);
            }

            blocks[^1].Add(row);
        }

        return blocks;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CsvHelper_reads_back_one_written_response_block_per_question_with_every_cell_exact(bool hostile)
    {
        var bank = hostile ? ExportFixtures.Hostile : ExportFixtures.Mini;
        var blocks = Blocks(ReadBack(ExportFixtures.Export(new BrightspaceExporter(), bank, new ExportOptions { Raw = true })));
        Assert.Equal(bank.Questions.Length, blocks.Count);
        foreach (var (q, block) in bank.Questions.Zip(blocks))
        {
            Assert.Equal(BrightspaceExporter.Rows(q).Select(r => string.Join('\u001f', r)), block.Select(r => string.Join('\u001f', r)));
            Assert.All(block, r => Assert.Equal(4, r.Length));
            Assert.Equal(["NewQuestion", "WR", "", ""], block[0]);
            var cells = block.ToDictionary(r => r[0], r => r);
            Assert.Equal(["ID", "Title", "QuestionText", "Points", "Difficulty", "AnswerKey", "Feedback"], block.Skip(1).Select(r => r[0]).Where(n => n != "InitialText"));
            Assert.Equal($"{q.PackId}.{q.Id}", cells["ID"][1]);
            Assert.Equal(PlatformHtml.Question(q), cells["QuestionText"][1]);
            Assert.Equal("HTML", cells["QuestionText"][2]);
            Assert.Equal(PlatformHtml.Rubric(q), cells["AnswerKey"][1]);
            Assert.Equal("HTML", cells["AnswerKey"][2]);
            Assert.Equal("HTML", cells["Feedback"][2]);
            Assert.StartsWith("<h4>Model answer</h4>", cells["Feedback"][1], StringComparison.Ordinal);
            Assert.Equal(BrightspaceExporter.DifficultyFor(q.Level).ToString(System.Globalization.CultureInfo.InvariantCulture), cells["Difficulty"][1]);
            Assert.Equal(q.Type == QuestionType.Behavioral, cells.ContainsKey("InitialText"));
        }
    }

    [Fact]
    public void Quotes_commas_and_line_breaks_are_quoted_per_rfc_4180_and_the_file_is_utf8_with_crlf_rows()
    {
        var bank = ExportFixtures.Single(q => q with
        {
            Prompt = "Comma, \"quote\" and\nline break — naïve café",
            Answer = new ModelAnswer("A, \"B\"", []),
        });
        byte[] bytes = ExportFixtures.Export(new BrightspaceExporter(), bank);
        string text = new UTF8Encoding(false, true).GetString(bytes);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("\r\nTitle,\"Comma, \"\"quote\"\" and line break — naïve café\",,\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nQuestionText,\"<p>Comma, &quot;quote&quot; and<br>line break — naïve café</p>\",HTML,\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nNewQuestion,WR,,\r\nID,code.code-001,,\r\n", text, StringComparison.Ordinal);
        Assert.Equal(0xEF, ExportFixtures.Export(new BrightspaceExporter(), bank, new ExportOptions { Bom = true })[0]);
    }

    [Fact]
    public void Id_and_title_starting_like_a_formula_get_the_csv_guard_unless_raw()
    {
        var bank = ExportFixtures.Hostile;
        var guarded = Blocks(ReadBack(ExportFixtures.Export(new BrightspaceExporter(), bank)));
        var hostile2 = guarded.Single(b => b[1][1] == "hostile.hostile-002");
        Assert.Equal("'=HYPERLINK(\"https://example.org\",\"click\")", hostile2[2][1]);
        var raw = Blocks(ReadBack(ExportFixtures.Export(new BrightspaceExporter(), bank, new ExportOptions { Raw = true })));
        Assert.Equal("=HYPERLINK(\"https://example.org\",\"click\")", raw.Single(b => b[1][1] == "hostile.hostile-002")[2][1]);
    }

    [Fact]
    public void Reexport_is_byte_identical_and_the_report_names_what_was_dropped()
    {
        var report = new ExportReport();
        var bank = ExportFixtures.Mini;
        byte[] first = ExportFixtures.Export(new BrightspaceExporter(), bank, new ExportOptions { Report = report });
        Assert.Equal(first, ExportFixtures.Export(new BrightspaceExporter(), bank));
        var lines = report.Lines.ToDictionary(l => l.Field);
        Assert.Equal(bank.Questions.Length, lines["category"].Count);
        Assert.Equal(bank.Questions.Count(q => q.Tags.Length > 0), lines["tags"].Count);
    }
}
