using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>Options shared by the exporters; each exporter uses the ones that apply to it.</summary>
public sealed record ExportOptions
{
    /// <summary>Anki: also create a reverse card (answer → question) for every note. Off by default.</summary>
    public bool Reverse { get; init; }

    /// <summary>CSV: start the file with a UTF-8 byte-order mark (for Excel).</summary>
    public bool Bom { get; init; }

    /// <summary>CSV: write cells exactly as they are, without neutralising spreadsheet formulas.</summary>
    public bool Raw { get; init; }

    /// <summary>Where the exporters record what their format could not carry (dropped or flattened fields); null to not record.</summary>
    public ExportReport? Report { get; init; }
}

/// <summary>What an exporter writes: the questions (in order) and the bank they come from (for pack and category titles).</summary>
/// <param name="Bank">The bank holding the questions' packs.</param>
/// <param name="Questions">The questions to export, in output order; enumerated once.</param>
public sealed record ExportSource(QuestionBank Bank, IEnumerable<Question> Questions)
{
    /// <summary>The pack of a question.</summary>
    public QuestionPack PackOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Bank.FindPack(question.PackId) ?? throw new InvalidOperationException($"Pack '{question.PackId}' is not in the bank.");
    }

    /// <summary>The title of a question's category.</summary>
    public string CategoryTitleOf(Question question) => Bank.CategoryOf(question).Title;
}

/// <summary>An export format: writes questions to a stream.</summary>
public interface IQuestionExporter
{
    /// <summary>The format name used on the command line (<c>csv</c>, <c>anki</c>…).</summary>
    string Name { get; }

    /// <summary>The usual file extension, with the dot.</summary>
    string Extension { get; }

    /// <summary>Writes the export to <paramref name="output"/>; does not close it.</summary>
    void Write(Stream output, ExportSource source, ExportOptions options);
}

/// <summary>The export formats by name.</summary>
public static class QuestionExporters
{
    private static readonly IQuestionExporter[] All =
    [
        new AnkiPackageExporter(),
        new AnkiTextExporter(),
        new CsvExporter(),
        new MarkdownExporter(),
        new JsonExporter(),
        new HtmlExporter(),
        new GiftExporter(),
        new MoodleXmlExporter(),
        new QtiPackageExporter(),
        new CrowdAnkiExporter(),
        new BrightspaceExporter(),
    ];

    /// <summary>Format names in display order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(e => e.Name)];

    /// <summary>The exporter for a format name, or null.</summary>
    public static IQuestionExporter? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
}
