namespace HrPrep.Authoring.IO;

/// <summary>
/// Writes files atomically: the content goes to a temporary file in the target's directory and is
/// moved over the target only once complete, so a failure never leaves a partial or corrupt file.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes a file through a temporary sibling and moves it into place.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the whole content to the stream.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Replaces a whole directory: <paramref name="fill"/> writes into a fresh temporary sibling
    /// directory, which then takes the target's place (the old directory is removed afterwards).
    /// </summary>
    /// <param name="path">The target directory.</param>
    /// <param name="fill">Writes the files into the given (empty) directory.</param>
    public static void ReplaceDirectory(string path, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(fill);
        string full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        string id = Guid.NewGuid().ToString("N");
        string temp = Path.Combine(parent, "." + Path.GetFileName(full) + "." + id + ".tmp");
        string old = Path.Combine(parent, "." + Path.GetFileName(full) + "." + id + ".old");
        try
        {
            Directory.CreateDirectory(temp);
            fill(temp);
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
            }

            Directory.Move(temp, full);
        }
        catch
        {
            if (!Directory.Exists(full) && Directory.Exists(old))
            {
                Directory.Move(old, full);
            }

            TryDeleteDirectory(temp);
            throw;
        }

        TryDeleteDirectory(old);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
