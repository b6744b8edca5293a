using System.Buffers;
using HrPrep.Content;
using HrPrep.Packs.Yaml;

namespace HrPrep.Packs;

/// <summary>Asynchronous reading: the file and stream I/O is asynchronous and cancellable; parsing and binding are the synchronous reader's.</summary>
public static partial class PackReader
{
    /// <summary>
    /// Reads the given files and directories like <see cref="ReadPaths"/> (same packs, same
    /// diagnostics), reading the files with asynchronous I/O. Never throws for bad input.
    /// </summary>
    /// <param name="paths">Files and directories (searched recursively for <c>*.yaml</c> and <c>*.yml</c>).</param>
    /// <param name="options">Reader limits; null for <see cref="YamlReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Observed before and between file reads, during each read and before parsing.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<PackReadResult> ReadPathsAsync(IEnumerable<string> paths, YamlReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= YamlReaderOptions.Default;
        cancellationToken.ThrowIfCancellationRequested();
        var problems = new List<Diagnostic>();
        var expansion = ExpandPaths(paths);
        problems.AddRange(expansion.Diagnostics);
        var files = expansion.Files;
        var streams = new List<KeyValuePair<string, Stream>>(files.Length);
        try
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                FileStream? stream = null;
                try
                {
                    stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
                    if (stream.Length > options.MaxFileBytes)
                    {
                        // Over the limit: the stream reader reports it from the length without reading the file.
                        streams.Add(new(file, stream));
                        stream = null;
                        continue;
                    }

                    streams.Add(new(file, await ReadBoundedAsync(stream, options.MaxFileBytes, cancellationToken).ConfigureAwait(false)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
                {
                    // The same diagnostic the synchronous reader gives for an unreadable file.
                    problems.Add(Diagnostic.Error(new SourceLocation(file, 0, 0), DiagnosticCodes.Unreadable, $"cannot read file: {DiagnosticText.OneLine(ex.Message)}"));
                }
                finally
                {
                    if (stream is not null)
                    {
                        await stream.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            return WithProblems(ReadStreams(streams, options), problems);
        }
        finally
        {
            foreach (var entry in streams)
            {
                await entry.Value.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads named streams like <see cref="ReadStreams"/> (same packs, same diagnostics), copying
    /// each stream with asynchronous I/O before parsing. Streams are not closed. Never throws for bad input.
    /// </summary>
    /// <param name="files">Names (paths, used to group directory packs and in diagnostics) and their streams.</param>
    /// <param name="options">Reader limits; null for <see cref="YamlReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Observed before and between stream reads, during each read and before parsing.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<PackReadResult> ReadStreamsAsync(IEnumerable<KeyValuePair<string, Stream>> files, YamlReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= YamlReaderOptions.Default;
        var problems = new List<Diagnostic>();
        var copies = new List<KeyValuePair<string, Stream>>();
        foreach (var (name, stream) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(stream);
            if (stream.CanSeek && stream.Length - stream.Position > options.MaxFileBytes)
            {
                // Over the limit: the stream reader reports it from the length without reading the stream.
                copies.Add(new(name, stream));
                continue;
            }

            try
            {
                copies.Add(new(name, await ReadBoundedAsync(stream, options.MaxFileBytes, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // The same diagnostic the synchronous reader gives for an unreadable stream.
                problems.Add(Diagnostic.Error(new SourceLocation(name, 0, 0), DiagnosticCodes.Unreadable, $"cannot read: {DiagnosticText.OneLine(ex.Message)}"));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return WithProblems(ReadStreams(copies, options), problems);
    }

    /// <summary>Copies at most <paramref name="max"/> + 1 bytes of a stream into memory (one byte over tells the reader the limit is passed).</summary>
    private static async Task<MemoryStream> ReadBoundedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length - stream.Position, max + 1) : 4096);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int read;
            while (total <= max && (read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, max + 1 - total)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                copy.Write(buffer, 0, read);
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        copy.Position = 0;
        return copy;
    }

    /// <summary>Adds the problems met before parsing (missing paths, unreadable files) in the reader's diagnostic order.</summary>
    private static PackReadResult WithProblems(PackReadResult result, List<Diagnostic> problems)
    {
        if (problems.Count == 0)
        {
            return result;
        }

        problems.AddRange(result.Diagnostics);
        problems.Sort(CompareDiagnostics);
        return result with { Diagnostics = [.. problems] };
    }
}
