using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HrPrep.Packs.Yaml;

/// <summary>The result of reading one YAML file: its root node (null when unreadable) and any problems.</summary>
/// <param name="Path">The file or resource name.</param>
/// <param name="Root">The document's root node, or null when the file could not be parsed.</param>
/// <param name="Diagnostics">Problems found while reading, in position order.</param>
public sealed record YamlReadResult(string Path, YamlNode? Root, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when no error was found.</summary>
    public bool Success => Root is not null && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Reads untrusted YAML into a typed node tree that keeps the line and column of every node.
/// Rejects anchors and aliases, duplicate keys, explicit tags, multiple documents, nesting deeper
/// than <see cref="YamlReaderOptions.MaxDepth"/>, files over <see cref="YamlReaderOptions.MaxFileBytes"/>
/// and anything that is not UTF-8. Never throws for bad input: every problem is a located diagnostic.
/// </summary>
public static partial class SafeYamlReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file from disk, refusing it unread when it is larger than the limit.</summary>
    public static YamlReadResult ReadFile(string path, YamlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= YamlReaderOptions.Default;
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        long fileLength;
        try
        {
            // A bare handle and positional reads (as lint reads): no FileStream, no read-ahead
            // advice, a few system calls per file; many small packs are mostly these fixed costs.
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail(path, 0, 0, DiagnosticCodes.Unreadable, $"cannot read file: {DiagnosticText.OneLine(ex.Message)}");
        }

        using (handle)
        {
            byte[] buffer;
            int length;
            try
            {
                fileLength = RandomAccess.GetLength(handle);
                if (fileLength > options.MaxFileBytes)
                {
                    return TooLarge(path, fileLength, options);
                }

                if (fileLength >= Array.MaxLength)
                {
                    // Under a limit raised past what one array holds: the stream path reports it.
                    return ReadHandleAsStream(path, handle, options);
                }

                (buffer, length) = ReadAll(handle, fileLength);
            }
            catch (NotSupportedException)
            {
                // Not a regular file (a pipe, a device): no positions, so read it as a stream.
                return ReadHandleAsStream(path, handle, options);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Fail(path, 0, 0, DiagnosticCodes.Unreadable, $"cannot read: {DiagnosticText.OneLine(ex.Message)}");
            }

            try
            {
                // More bytes than the length said: the file grew while being read (or is a special
                // file reporting no length); read it again as a stream, which bounds it by the limit.
                return length > fileLength ? ReadHandleAsStream(path, handle, options) : Read(path, buffer.AsSpan(0, length), options);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static YamlReadResult ReadHandleAsStream(string path, Microsoft.Win32.SafeHandles.SafeFileHandle handle, YamlReaderOptions options)
    {
        try
        {
            using var stream = new FileStream(handle, FileAccess.Read, 1);
            return ReadStream(path, stream, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail(path, 0, 0, DiagnosticCodes.Unreadable, $"cannot read file: {DiagnosticText.OneLine(ex.Message)}");
        }
    }

    /// <summary>
    /// Reads a file of <paramref name="fileLength"/> bytes by position into a pooled buffer (the caller
    /// returns it); one byte more is asked for, so a length over <paramref name="fileLength"/> means the file grew.
    /// </summary>
    private static (byte[] Buffer, int Length) ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long fileLength)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)fileLength + 1);
        try
        {
            int total = 0;
            int n;
            while (total <= fileLength && (n = RandomAccess.Read(handle, buffer.AsSpan(total, (int)fileLength + 1 - total), total)) > 0)
            {
                total += n;
            }

            return (buffer, total);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Reads a stream (not closed), refusing it when it is larger than the limit.</summary>
    public static YamlReadResult ReadStream(string path, Stream stream, YamlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stream);
        options ??= YamlReaderOptions.Default;
        if (stream.CanSeek && stream.Length - stream.Position > options.MaxFileBytes)
        {
            return TooLarge(path, stream.Length - stream.Position, options);
        }

        byte[] buffer;
        int length;
        try
        {
            (buffer, length) = ReadBounded(stream, options.MaxFileBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Fail(path, 0, 0, DiagnosticCodes.Unreadable, $"cannot read: {DiagnosticText.OneLine(ex.Message)}");
        }

        try
        {
            return length > options.MaxFileBytes ? TooLarge(path, length, options) : Read(path, buffer.AsSpan(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads UTF-8 bytes (an optional byte-order mark is skipped).</summary>
    public static YamlReadResult Read(string path, ReadOnlySpan<byte> utf8, YamlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= YamlReaderOptions.Default;
        if (utf8.Length > options.MaxFileBytes)
        {
            return TooLarge(path, utf8.Length, options);
        }

        if (utf8.Length >= 2 && ((utf8[0] == 0xFF && utf8[1] == 0xFE) || (utf8[0] == 0xFE && utf8[1] == 0xFF)))
        {
            return Fail(path, 1, 1, DiagnosticCodes.NotUtf8, "the file is UTF-16; save pack files as UTF-8");
        }

        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            utf8 = utf8[3..];
        }

        // Decode into a pooled buffer: pack files are often large enough for the large object heap,
        // and a fresh string per file there costs a full garbage collection every few files.
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            int count;
            try
            {
                count = StrictUtf8.GetChars(utf8, chars);
            }
            catch (DecoderFallbackException)
            {
                var (line, column, offset) = FindInvalidUtf8(utf8);
                return Fail(path, line, column, DiagnosticCodes.NotUtf8, $"invalid UTF-8 byte 0x{utf8[offset]:X2} at byte offset {offset}; save pack files as UTF-8");
            }

            if (!FastYamlReader.TryRead(path, chars, count, options, out var fastRoot))
            {
                // The fast reader may have turned CRLF into LF in place: decode again for YamlDotNet.
                return ReadTextWithYamlDotNet(path, StrictUtf8.GetString(utf8), options);
            }

            return FastResult(path, fastRoot);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Reads YAML text.</summary>
    public static YamlReadResult ReadText(string path, string text, YamlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        options ??= YamlReaderOptions.Default;
        if (FastYamlReader.TryRead(path, text, options, out var fastRoot))
        {
            return FastResult(path, fastRoot);
        }

        return ReadTextWithYamlDotNet(path, text, options);
    }

    /// <summary>Reads YAML text with YamlDotNet only (the general path; <see cref="ReadText"/> tries <see cref="FastYamlReader"/> first).</summary>
    internal static YamlReadResult ReadTextWithYamlDotNet(string path, string text, YamlReaderOptions options)
    {
        var builder = new TreeBuilder(path, options);
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            builder.Run(parser);
        }
        catch (YamlException ex)
        {
            builder.Diagnostics.Add(SyntaxError(path, text, ex));
            return new YamlReadResult(path, null, builder.Diagnostics);
        }
        catch (AbortException)
        {
            return new YamlReadResult(path, null, builder.Diagnostics);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // YamlDotNet sometimes fails on malformed input with a non-YAML exception: report it at the last good position.
            var at = builder.LastPosition;
            builder.Diagnostics.Add(Diagnostic.Error(at, DiagnosticCodes.YamlSyntax, "invalid YAML after this point (an unclosed bracket or quote?)"));
            return new YamlReadResult(path, null, builder.Diagnostics);
        }

        if (builder.Root is null && builder.Diagnostics.Count == 0)
        {
            return EmptyDocument(path);
        }

        return new YamlReadResult(path, builder.Diagnostics.Count > 0 && builder.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Code is not DiagnosticCodes.DuplicateKey) ? null : builder.Root, builder.Diagnostics);
    }

    /// <summary>The result of a file the fast reader read: its root, or the empty-file error when it holds no document.</summary>
    private static YamlReadResult FastResult(string path, YamlNode? root) =>
        root is null ? EmptyDocument(path) : new YamlReadResult(path, root, []);

    private static YamlReadResult EmptyDocument(string path) =>
        Fail(path, 1, 1, DiagnosticCodes.EmptyFile, "the file is empty; a pack file holds a mapping with 'pack' and/or 'questions'");

    /// <summary>Reads a stream into a pooled buffer (the caller returns it), stopping once more than <paramref name="max"/> bytes were read.</summary>
    internal static (byte[] Buffer, int Length) ReadBounded(Stream stream, long max)
    {
        int capacity = stream.CanSeek ? (int)Math.Min(stream.Length - stream.Position + 1, max + 1) : 81920;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > max)
                    {
                        return (buffer, length);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, max + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static YamlReadResult TooLarge(string path, long size, YamlReaderOptions options) =>
        Fail(path, 0, 0, DiagnosticCodes.TooLarge, $"the file is {size:N0} bytes, over the limit of {options.MaxFileBytes:N0} bytes");

    private static YamlReadResult Fail(string path, int line, int column, string code, string message) =>
        new(path, null, [Diagnostic.Error(new SourceLocation(path, line, column), code, message)]);

    private static (int Line, int Column, int Offset) FindInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        int offset = 0;
        while (offset < utf8.Length)
        {
            var status = Rune.DecodeFromUtf8(utf8[offset..], out _, out int consumed);
            if (status != OperationStatus.Done)
            {
                break;
            }

            offset += consumed;
        }

        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Column counts characters, not bytes.
        int column = 1 + Encoding.UTF8.GetCharCount(utf8[lineStart..offset]);
        return (line, column, Math.Min(offset, utf8.Length - 1));
    }

    private static Diagnostic SyntaxError(string path, string text, YamlException ex)
    {
        int line = (int)ex.Start.Line;
        int column = (int)ex.Start.Column;
        string message = DiagnosticText.OneLine(MarkPrefix().Replace(ex.Message, string.Empty));
        long index = ex.Start.Index;
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && index >= 0 && index < text.Length && text.IndexOf('\t', (int)index) is int tab and >= 0)
        {
            line = 1 + text.AsSpan(0, tab).Count('\n');
            int lineStart = tab == 0 ? 0 : text.LastIndexOf('\n', tab - 1) + 1;
            column = tab - lineStart + 1;

            message = "a tab character is used for indentation; YAML indentation must use spaces";
        }
        else if (index >= 0 && index < text.Length && text[(int)index] == '\t')
        {
            message = "a tab character cannot indent YAML or start a token; use spaces";
        }
        else if (TabBefore(text, index))
        {
            message = "a tab character is used for indentation here; YAML indentation must use spaces";
        }
        else if (message.Length == 0)
        {
            message = "invalid YAML";
        }

        return Diagnostic.Error(new SourceLocation(path, Math.Max(line, 1), Math.Max(column, 1)), DiagnosticCodes.YamlSyntax, message);
    }

    private static bool TabBefore(string text, long index)
    {
        if (index <= 0 || index > text.Length)
        {
            return false;
        }

        int start = text.LastIndexOf('\n', (int)Math.Min(index, text.Length - 1)) + 1;
        for (int i = start; i < index && i < text.Length; i++)
        {
            if (text[i] == '\t')
            {
                return true;
            }

            if (text[i] != ' ')
            {
                return false;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();

    private sealed class AbortException : Exception
    {
    }

    private sealed class TreeBuilder(string path, YamlReaderOptions options)
    {
        private readonly Stack<Frame> stack = new();
        private int documents;

        public List<Diagnostic> Diagnostics { get; } = [];

        public YamlNode? Root { get; private set; }

        public SourceLocation LastPosition { get; private set; } = new(path, 1, 1);

        public void Run(IParser parser)
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                LastPosition = At(ev.Start);
                switch (ev)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            Abort(ev.Start, DiagnosticCodes.MultipleDocuments, "a pack file holds one YAML document; remove the '---' separator or split the file");
                        }

                        break;
                    case AnchorAlias alias:
                        Abort(ev.Start, DiagnosticCodes.YamlAlias, $"aliases (*{alias.Value}) are not allowed in pack files; write the value out");
                        break;
                    case Scalar scalar:
                        CheckNode(scalar);
                        Add(MakeScalar(scalar));
                        break;
                    case SequenceStart seq:
                        CheckNode(seq);
                        Push(new Frame(At(ev.Start), isMapping: false));
                        break;
                    case MappingStart map:
                        CheckNode(map);
                        Push(new Frame(At(ev.Start), isMapping: true));
                        break;
                    case SequenceEnd or MappingEnd:
                        var frame = stack.Pop();
                        Add(frame.Build());
                        break;
                }
            }
        }

        private void Push(Frame frame)
        {
            if (stack.Count > 0 && stack.Peek().ExpectsKey)
            {
                Abort(frame.Start, DiagnosticCodes.ComplexKey, "mapping keys must be plain strings, not lists or mappings");
            }

            if (stack.Count >= options.MaxDepth)
            {
                Abort(frame.Start, DiagnosticCodes.TooDeep, $"nesting is deeper than the limit of {options.MaxDepth} levels");
            }

            stack.Push(frame);
        }

        private void Add(YamlNode node)
        {
            if (stack.Count == 0)
            {
                Root = node;
                return;
            }

            var top = stack.Peek();
            if (!top.IsMapping)
            {
                top.Items!.Add(node);
                return;
            }

            if (top.PendingKey is null)
            {
                var key = (YamlScalar)node;
                top.Keys ??= new HashSet<string>(StringComparer.Ordinal);
                if (!top.Keys.Add(key.Value))
                {
                    Diagnostics.Add(Diagnostic.Error(key.Start, DiagnosticCodes.DuplicateKey, $"duplicate key '{key.Value}' in this mapping"));
                    top.SkipNext = true;
                }

                top.PendingKey = key;
                return;
            }

            if (!top.SkipNext)
            {
                top.Entries!.Add(new KeyValuePair<YamlScalar, YamlNode>(top.PendingKey, node));
            }

            top.SkipNext = false;
            top.PendingKey = null;
        }

        private void CheckNode(NodeEvent ev)
        {
            if (!ev.Anchor.IsEmpty)
            {
                Abort(ev.Start, DiagnosticCodes.YamlAlias, $"anchors (&{ev.Anchor.Value}) are not allowed in pack files; write the value out");
            }

            if (!ev.Tag.IsEmpty && !ev.Tag.IsNonSpecific)
            {
                string tag = ev.Tag.Value;
                bool allowed = ev switch
                {
                    Scalar => tag == "tag:yaml.org,2002:str",
                    SequenceStart => tag == "tag:yaml.org,2002:seq",
                    _ => tag == "tag:yaml.org,2002:map",
                };
                if (!allowed)
                {
                    Abort(ev.Start, DiagnosticCodes.YamlTag, $"the tag '{tag}' is not allowed in pack files");
                }
            }
        }

        private YamlScalar MakeScalar(Scalar scalar)
        {
            ScalarKind kind = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty ? ScalarTyping.Classify(scalar.Value) : ScalarKind.String;
            return new YamlScalar(At(scalar.Start), scalar.Value, kind);
        }

        private SourceLocation At(Mark mark) => new(path, (int)mark.Line, (int)mark.Column);

        private void Abort(Mark mark, string code, string message) => Abort(At(mark), code, message);

        private void Abort(SourceLocation at, string code, string message)
        {
            Diagnostics.Add(Diagnostic.Error(at, code, message));
            throw new AbortException();
        }
    }

    private sealed class Frame(SourceLocation start, bool isMapping)
    {
        public SourceLocation Start { get; } = start;

        public bool IsMapping { get; } = isMapping;

        public List<YamlNode>? Items { get; } = isMapping ? null : [];

        public List<KeyValuePair<YamlScalar, YamlNode>>? Entries { get; } = isMapping ? [] : null;

        public HashSet<string>? Keys { get; set; }

        public YamlScalar? PendingKey { get; set; }

        public bool SkipNext { get; set; }

        public bool ExpectsKey => IsMapping && PendingKey is null;

        public YamlNode Build() => IsMapping ? new YamlMapping(Start, Entries!) : new YamlSequence(Start, Items!);
    }
}
