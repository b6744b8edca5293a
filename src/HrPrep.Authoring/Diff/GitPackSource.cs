using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using HrPrep.Content;
using HrPrep.Packs;

namespace HrPrep.Authoring.Diff;

/// <summary>The reason reading a path at a git revision failed.</summary>
public sealed class GitReadException(string message) : Exception(message);

/// <summary>
/// Reads the YAML files of a pack path as they were at a git revision, by running the <c>git</c>
/// command (<c>git ls-tree</c> to list the files, <c>git show REV:./file</c> for each).
/// </summary>
public static class GitPackSource
{
    /// <summary>Reads the packs at <paramref name="path"/> as of <paramref name="revision"/>.</summary>
    /// <exception cref="GitReadException">git is missing, the path is not in a repository, the revision does not exist or the path did not exist then.</exception>
    public static PackReadResult Read(string path, string revision, string git = "git")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(revision);
        if (revision.Length == 0 || revision.StartsWith('-'))
        {
            throw new GitReadException($"'{revision}' is not a git revision");
        }

        string full = Path.GetFullPath(path);
        bool isDirectory = Directory.Exists(full);
        string workDir = isDirectory ? full : Path.GetDirectoryName(full)!;
        if (!Directory.Exists(workDir))
        {
            throw new GitReadException($"{path}: no such file or directory");
        }

        string commit = Run(git, workDir, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"], out int code, out string err).Trim();
        if (code != 0)
        {
            throw new GitReadException(err.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
                ? $"{path} is not inside a git repository"
                : $"git revision '{revision}' not found");
        }

        string listing = Run(git, workDir, ["ls-tree", "-r", "--name-only", commit, "--", isDirectory ? "." : Path.GetFileName(full)], out code, out err);
        if (code != 0)
        {
            throw new GitReadException($"git ls-tree failed: {FirstLine(err)}");
        }

        var files = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new GitReadException($"{path} has no pack files at git revision '{revision}'");
        }

        var streams = new List<KeyValuePair<string, Stream>>();
        foreach (var file in files)
        {
            var bytes = RunBytes(git, workDir, ["show", $"{commit}:./{file}"], out code, out err);
            if (code != 0)
            {
                throw new GitReadException($"git show failed for {file}: {FirstLine(err)}");
            }

            string shown = isDirectory ? Path.Combine(path, file).Replace('\\', '/') : path;
            streams.Add(new($"{revision}:{shown}", new MemoryStream(bytes)));
        }

        return PackReader.ReadStreams(streams);
    }

    private static string Run(string git, string workDir, string[] args, out int code, out string err) =>
        Encoding.UTF8.GetString(RunBytes(git, workDir, args, out code, out err));

    private static byte[] RunBytes(string git, string workDir, string[] args, out int code, out string err)
    {
        var info = new ProcessStartInfo(git)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new GitReadException("git could not be started");
        }
        catch (Win32Exception)
        {
            throw new GitReadException("git is not installed or not on PATH; --base needs git");
        }

        using (process)
        {
            var errTask = process.StandardError.ReadToEndAsync();
            using var ms = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(ms);
            process.WaitForExit();
            err = errTask.GetAwaiter().GetResult();
            code = process.ExitCode;
            return ms.ToArray();
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown error";
}
