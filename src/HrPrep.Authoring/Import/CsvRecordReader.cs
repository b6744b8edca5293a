using System.Text;

namespace HrPrep.Authoring.Import;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas, quotes
/// (doubled) and line breaks. Reports the line each record starts on. A byte-order mark is skipped.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private int line = 1;

    /// <summary>The line the last record returned by <see cref="Read"/> started on.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record, or null at the end.</summary>
    /// <exception cref="FormatException">A quoted field is not closed.</exception>
    public List<string>? Read()
    {
        int c = reader.Peek();
        if (c < 0)
        {
            return null;
        }

        RecordLine = line;
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool wasQuoted = false;
        while (true)
        {
            c = reader.Read();
            if (c < 0)
            {
                if (quoted)
                {
                    throw new FormatException($"a quoted field opened on line {RecordLine} is not closed");
                }

                fields.Add(field.ToString());
                return fields;
            }

            char ch = (char)c;
            if (ch == '\uFEFF' && RecordLine == 1 && fields.Count == 0 && field.Length == 0 && !wasQuoted)
            {
                continue;
            }

            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r':
                    line++;
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append(ch);
                    break;
            }
        }
    }
}
