namespace HrPrep.Tool.Infrastructure;

/// <summary>Formats rows as a plain-text table with aligned columns (numbers right-aligned).</summary>
internal static class TextTable
{
    /// <summary>Writes the header, a rule and the rows.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? rightAligned = null)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
        {
            for (int i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        for (int r = 0; r < all.Count; r++)
        {
            var row = all[r];
            var cells = new string[widths.Length];
            for (int i = 0; i < widths.Length; i++)
            {
                string cell = i < row.Count ? row[i] : string.Empty;
                cells[i] = rightAligned?.Contains(i) == true ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]);
            }

            writer.WriteLine(string.Join("  ", cells).TrimEnd());
            if (r == 0)
            {
                writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    /// <summary>Cuts text to a width, ending in "...".</summary>
    public static string Cut(string text, int width)
    {
        string flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= width ? flat : string.Concat(flat.AsSpan(0, width - 3), "...");
    }
}
