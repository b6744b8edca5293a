namespace HrPrep.Authoring.Export;

/// <summary><c>json</c>: the questions as a JSON array with the schema's field names, see <see cref="QuestionJsonWriter"/>.</summary>
public sealed class JsonExporter : IQuestionExporter
{
    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public string Extension => ".json";

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        QuestionJsonWriter.WriteArray(output, source.Questions);
    }
}
