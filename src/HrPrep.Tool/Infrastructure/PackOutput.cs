using HrPrep.Authoring.Writing;

namespace HrPrep.Tool.Infrastructure;

/// <summary>Where and how a command writes a pack: layout from the path, schema line, input protection.</summary>
internal static class PackOutput
{
    /// <summary>The layout for an output path: a file for <c>*.yaml</c>/<c>*.yml</c> (or an existing file), else a directory.</summary>
    public static PackLayout LayoutOf(string path, string? layout)
    {
        ArgumentNullException.ThrowIfNull(path);
        return layout switch
        {
            "file" => PackLayout.SingleFile,
            "directory" => PackLayout.Directory,
            _ => File.Exists(path) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                ? PackLayout.SingleFile
                : PackLayout.Directory,
        };
    }

    /// <summary>Writer options whose schema line points at the nearest schema folder above the output.</summary>
    public static PackYamlWriterOptions OptionsFor(string path, PackLayout layout) =>
        new() { SchemaReference = PackYamlWriter.SchemaReferenceFor(path, layout == PackLayout.Directory) };

    /// <summary>
    /// The first input the output would overwrite or spoil, or null: the same path, an input inside the
    /// output (writing replaces it), or, when <paramref name="outputIsPack"/>, an output inside an input
    /// directory (the new pack would be read with the input next time). Paths are resolved against
    /// <paramref name="workingDirectory"/> (default: the process's).
    /// </summary>
    public static string? OverlappingInput(string output, IEnumerable<string> inputs, bool outputIsPack = true, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        string o = Normal(output, workingDirectory);
        foreach (var input in inputs)
        {
            string i = Normal(input, workingDirectory);
            if (i == o || Inside(i, o) || (outputIsPack && Inside(o, i)))
            {
                return input;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it.</summary>
    public static bool IsSameOrInside(string path, string directory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(directory);
        string p = Normal(path, null);
        string d = Normal(directory, null);
        return p == d || Inside(p, d);
    }

    /// <summary>
    /// Refuses a directory output that holds anything but YAML files (writing a directory pack
    /// replaces the whole directory, so other files would be lost).
    /// </summary>
    public static void CheckReplaceable(string path, PackLayout layout)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (layout == PackLayout.Directory && File.Exists(path))
        {
            throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"{path} is a file; a directory pack needs a directory (or use --layout file)");
        }

        if (layout != PackLayout.Directory || !Directory.Exists(path))
        {
            return;
        }

        var other = Directory.EnumerateFileSystemEntries(path)
            .FirstOrDefault(e => Directory.Exists(e) || !(e.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || e.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)));
        if (other is not null)
        {
            throw new ToolExitException(ExitCodes.Findings, ToolCodes.Exists, $"{path} holds {Path.GetFileName(other)}, which is not a pack file; writing the pack would replace the whole directory; choose a new or empty directory; nothing was written");
        }
    }

    private static bool Inside(string path, string directory) => path.StartsWith(directory + "/", StringComparison.Ordinal);

    private static string Normal(string path, string? workingDirectory) =>
        (workingDirectory is null ? Path.GetFullPath(path) : Path.GetFullPath(path, workingDirectory)).Replace('\\', '/').TrimEnd('/');
}
