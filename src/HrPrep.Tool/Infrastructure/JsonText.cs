using System.Text;
using System.Text.Json;

namespace HrPrep.Tool.Infrastructure;

/// <summary>JSON on standard output: written as UTF-8 bytes, then to the command's text writer.</summary>
internal static class JsonText
{
    /// <summary>The tool's JSON layout: indented, <c>\n</c> line ends on every platform.</summary>
    public static JsonWriterOptions Options { get; } = new() { Indented = true, NewLine = "\n" };

    /// <summary>Writes the JSON that <paramref name="write"/> produces as bytes to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        output.Write(Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length));
    }

    /// <summary>Writes one JSON document built on a <see cref="Utf8JsonWriter"/> with <see cref="Options"/>, then a line end.</summary>
    public static void WriteLine(TextWriter output, Action<Utf8JsonWriter> write)
    {
        Write(output, stream =>
        {
            using var json = new Utf8JsonWriter(stream, Options);
            write(json);
        });
        output.WriteLine();
    }
}
