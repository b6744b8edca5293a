using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HrPrep.Authoring.Import;

namespace HrPrep.Tool.Commands;

/// <summary>
/// The <c>--report FILE</c> of <c>import markdown</c>: every skipped line (<c>path:line</c>, reason,
/// text), every renamed pack, every error and the summary; text, or JSON when FILE ends in
/// <c>.json</c>. Skipped lines are streamed to a temporary sibling file (memory stays flat), which is
/// moved into place by <see cref="Complete"/>; <see cref="Dispose"/> without it deletes the temporary file.
/// </summary>
internal sealed class ImportReport : IDisposable
{
    private readonly string? _path;
    private readonly string? _temp;
    private readonly FileStream? _stream;
    private readonly Utf8JsonWriter? _json;
    private readonly StreamWriter? _text;
    private bool _completed;
    private bool _closed;

    public ImportReport(string? path)
    {
        if (path is null)
        {
            return;
        }

        _path = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(_path) ?? ".";
        Directory.CreateDirectory(dir);
        _temp = Path.Combine(dir, "." + Path.GetFileName(_path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        if (_path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            _json.WriteStartObject();
            _json.WriteStartArray("skipped");
        }
        else
        {
            _text = new StreamWriter(_stream, new UTF8Encoding(false)) { NewLine = "\n" };
        }
    }

    public void Skipped(string path, SkippedLine line)
    {
        if (_json is not null)
        {
            _json.WriteStartObject();
            _json.WriteString("path", path);
            _json.WriteNumber("line", line.Line);
            _json.WriteString("reason", line.Reason);
            _json.WriteString("text", line.Text);
            _json.WriteEndObject();
            if (_json.BytesPending > 1 << 16)
            {
                _json.Flush();
            }
        }

        _text?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}:{line.Line}: skipped ({line.Reason}): {line.Text}"));
    }

    /// <summary>Writes the renames, errors and summary, and moves the report into place.</summary>
    public void Complete(IReadOnlyList<PackRename> renames, IReadOnlyList<string> errors, IReadOnlyList<KeyValuePair<string, long>> summary, IReadOnlyList<KeyValuePair<string, int>> skippedByReason)
    {
        if (_path is null)
        {
            return;
        }

        if (_json is not null)
        {
            _json.WriteEndArray();
            _json.WriteStartArray("renamed");
            foreach (var r in renames)
            {
                _json.WriteStartObject();
                _json.WriteString("path", r.Path);
                _json.WriteString("from", r.From);
                _json.WriteString("to", r.To);
                _json.WriteString("folder", r.Folder);
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
            _json.WriteStartArray("errors");
            foreach (var e in errors)
            {
                _json.WriteStringValue(e);
            }

            _json.WriteEndArray();
            _json.WriteStartObject("summary");
            foreach (var (key, value) in summary)
            {
                _json.WriteNumber(key, value);
            }

            _json.WriteStartObject("skippedByReason");
            foreach (var (reason, count) in skippedByReason)
            {
                _json.WriteNumber(reason, count);
            }

            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.Flush();
        }
        else if (_text is not null)
        {
            foreach (var r in renames)
            {
                _text.WriteLine($"{r.Path}: renamed pack {r.From} -> {r.To} (folder {r.Folder})");
            }

            foreach (var e in errors)
            {
                _text.WriteLine(e);
            }

            foreach (var (key, value) in summary)
            {
                _text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}: {value}"));
            }

            foreach (var (reason, count) in skippedByReason)
            {
                _text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"skipped ({reason}): {count}"));
            }

            _text.Flush();
        }

        _stream!.Flush(flushToDisk: true);
        Close();
        File.Move(_temp!, _path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        Close();
        if (!_completed && _temp is not null)
        {
            try
            {
                File.Delete(_temp);
            }
            catch (IOException)
            {
            }
        }
    }

    private void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _json?.Dispose();
        _text?.Dispose();
        _stream?.Dispose();
    }
}
