using System.Text;

namespace HrPrep.Authoring.Export;

/// <summary>
/// <c>anki-text</c>: Anki's text import format (Anki 2.1.54+, <em>File › Import</em>): header lines
/// <c>#separator:tab</c>, <c>#html:true</c>, <c>#notetype column:1</c>, <c>#deck column:2</c>,
/// <c>#guid column:3</c>, <c>#tags column:18</c> and <c>#columns:</c>, then one tab-separated row per
/// question: note type, deck, GUID, the 14 fields of <see cref="AnkiNoteType"/> (HTML) and the
/// space-separated tags. GUIDs, decks, fields and tags are the same as in the <c>anki</c> export, so
/// both update the same notes. A field containing a tab, a line break or a double quote, or starting
/// with <c>#</c>, is enclosed in double quotes with inner quotes doubled. UTF-8, LF line ends.
/// The "HrPrep Question" note type must exist in the collection (import the <c>.apkg</c> once).
/// </summary>
public sealed class AnkiTextExporter : IQuestionExporter
{
    /// <summary>The 1-based column of the note type.</summary>
    public const int NotetypeColumn = 1;

    /// <summary>The 1-based column of the deck.</summary>
    public const int DeckColumn = 2;

    /// <summary>The 1-based column of the GUID.</summary>
    public const int GuidColumn = 3;

    /// <summary>The 1-based column of the tags (after the fields).</summary>
    public static int TagsColumn => 4 + AnkiNoteType.FieldNames.Count;

    /// <inheritdoc/>
    public string Name => "anki-text";

    /// <inheritdoc/>
    public string Extension => ".txt";

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine("#separator:tab");
        w.WriteLine("#html:true");
        w.WriteLine($"#notetype column:{NotetypeColumn}");
        w.WriteLine($"#deck column:{DeckColumn}");
        w.WriteLine($"#guid column:{GuidColumn}");
        w.WriteLine($"#tags column:{TagsColumn}");
        w.WriteLine("#columns:" + string.Join('\t', new[] { "Notetype", "Deck", "GUID" }.Concat(AnkiNoteType.FieldNames).Append("Tags")));
        foreach (var q in source.Questions)
        {
            var note = AnkiNoteType.NoteFor(q, source.PackOf(q), source.Bank.CategoryOf(q), options.Reverse);
            var cells = new List<string> { AnkiNoteType.ModelName, note.Deck, note.Guid };
            cells.AddRange(note.Fields);
            cells.Add(string.Join(' ', note.Tags));
            w.WriteLine(string.Join('\t', cells.Select(Quote)));
        }
    }

    /// <summary>Quotes a cell when it holds a tab, line break or quote, or starts with <c>#</c> (which Anki would read as a comment).</summary>
    public static string Quote(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        bool needs = cell.AsSpan().IndexOfAny("\t\r\n\"") >= 0 || cell.StartsWith('#');
        return needs ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
