using System.Buffers;
using System.Text;

namespace HrPrep.Packs.Yaml;

/// <summary>
/// A fast reader for the subset of YAML that pack files are written in: block mappings and lists,
/// single-line plain, single- and double-quoted scalars, literal and folded block scalars, one-line
/// flow lists, the empty flow mapping and comments. It builds exactly the tree (values, scalar kinds,
/// line and column of every node) that <see cref="SafeYamlReader"/> builds through YamlDotNet, and
/// gives up — so the caller reads the file with YamlDotNet — on anything outside the subset: tabs,
/// multi-line plain or quoted scalars, anchors, aliases, tags, directives, document markers, complex
/// keys, duplicate keys, deep nesting, unusual characters and every syntax error. Giving up is
/// always safe: YamlDotNet then produces the same tree or the same located error as before.
/// </summary>
internal sealed class FastYamlReader
{
    private const int CacheMaxLength = 40;

    // Short strings repeat (keys, enum values, tags); unique ones (ids) only fill the cache, so it stops growing here.
    private const int CacheMaxEntries = 4096;

    private readonly string path;
    private readonly char[] buf;
    private readonly int length;
    private readonly int maxDepth;
    // Created on the first short string that is not a known key or value (a small file often needs few).
    private Dictionary<string, string>? cache;
#if NET9_0_OR_GREATER
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> cacheLookup;
#endif

    // Pooled (rented per file, returned by TryRead): the text of block scalars being built, and the
    // entries and items of the mappings and lists being read, each collection's on top of its parent's
    // and copied into an exactly sized list when it ends (no list grown step by step per mapping).
    private char[] scratch = [];
    private int scratchLength;
    private KeyValuePair<YamlScalar, YamlNode>[] entryStack = [];
    private int entryTop;
    private YamlNode[] itemStack = [];
    private int itemTop;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private FastYamlReader(string path, char[] buf, int length, int maxDepth)
    {
        this.path = path;
        this.buf = buf;
        this.length = length;
        this.maxDepth = maxDepth;
    }

    /// <summary>Reads YAML text when it is within the subset (see the other overload).</summary>
    public static bool TryRead(string path, string text, YamlReaderOptions options, out YamlNode? root)
    {
        var copy = text.ToCharArray();
        return TryRead(path, copy, copy.Length, options, out root);
    }

    /// <summary>
    /// Reads the first <paramref name="length"/> characters of <paramref name="buffer"/> when they are
    /// within the subset. Returns false (and no tree) when the text must be read by YamlDotNet instead;
    /// when true, <paramref name="root"/> is the document's root, or null for a file with no document
    /// (empty, or only comments). The buffer may be modified (CRLF line breaks are turned into LF in
    /// place); no reference to it is kept.
    /// </summary>
    public static bool TryRead(string path, char[] buffer, int length, YamlReaderOptions options, out YamlNode? root)
    {
        root = null;
        var span = buffer.AsSpan(0, length);
        int unusual = span.IndexOfAny(YamlCharacters.Unusual);
        if (unusual >= 0)
        {
            if (!OnlyCrLf(span, unusual))
            {
                return false;
            }

            length = RemoveCarriageReturns(buffer, length, unusual);
        }

        var reader = new FastYamlReader(path, buffer, length, options.MaxDepth);
        try
        {
            root = reader.ReadDocument();
            return true;
        }
        catch (GiveUpException)
        {
            root = null;
            return false;
        }
        finally
        {
            reader.ReturnPooled();
        }
    }

    private void ReturnPooled()
    {
        if (scratch.Length > 0)
        {
            ArrayPool<char>.Shared.Return(scratch);
            scratch = [];
        }

        // Cleared so that the pool holds no nodes of this file.
        if (entryStack.Length > 0)
        {
            ArrayPool<KeyValuePair<YamlScalar, YamlNode>>.Shared.Return(entryStack, clearArray: true);
            entryStack = [];
        }

        if (itemStack.Length > 0)
        {
            ArrayPool<YamlNode>.Shared.Return(itemStack, clearArray: true);
            itemStack = [];
        }
    }

    private void PushEntry(KeyValuePair<YamlScalar, YamlNode> entry)
    {
        if (entryTop == entryStack.Length)
        {
            Grow(ref entryStack, entryTop);
        }

        entryStack[entryTop++] = entry;
    }

    private void PushItem(YamlNode item)
    {
        if (itemTop == itemStack.Length)
        {
            Grow(ref itemStack, itemTop);
        }

        itemStack[itemTop++] = item;
    }

    private static void Grow<T>(ref T[] array, int used)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(64, used * 2));
        array.AsSpan(0, used).CopyTo(larger);
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, clearArray: true);
        }

        array = larger;
    }

    /// <summary>The entries pushed since <paramref name="from"/>, as an exactly sized list; they are popped.</summary>
    private static List<T> PopInto<T>(T[] stack, ref int top, int from)
    {
        int count = top - from;
        var list = new List<T>(count);
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(list, count);
        var taken = stack.AsSpan(from, count);
        taken.CopyTo(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        taken.Clear();
        top = from;
        return list;
    }

    private void ScratchAppend(ReadOnlySpan<char> text)
    {
        EnsureScratch(text.Length);
        text.CopyTo(scratch.AsSpan(scratchLength));
        scratchLength += text.Length;
    }

    private void ScratchAppend(char c, int repeat = 1)
    {
        EnsureScratch(repeat);
        scratch.AsSpan(scratchLength, repeat).Fill(c);
        scratchLength += repeat;
    }

    private void EnsureScratch(int more)
    {
        if (scratchLength + more > scratch.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(1024, Math.Max(scratch.Length * 2, scratchLength + more)));
            scratch.AsSpan(0, scratchLength).CopyTo(larger);
            if (scratch.Length > 0)
            {
                ArrayPool<char>.Shared.Return(scratch);
            }

            scratch = larger;
        }
    }

    private static int RemoveCarriageReturns(char[] buffer, int length, int first)
    {
        int write = first;
        for (int read = first; read < length; read++)
        {
            char c = buffer[read];
            if (c != '\r')
            {
                buffer[write++] = c;
            }
        }

        return write;
    }

    private static bool OnlyCrLf(ReadOnlySpan<char> span, int from)
    {
        int i = from;
        while (i >= 0)
        {
            if (span[i] != '\r' || i + 1 >= span.Length || span[i + 1] != '\n')
            {
                return false;
            }

            int next = span[(i + 2)..].IndexOfAny(YamlCharacters.Unusual);
            i = next < 0 ? -1 : i + 2 + next;
        }

        return true;
    }

    private static GiveUpException GiveUp() => new();

    private ReadOnlySpan<char> Text => buf.AsSpan(0, length);

    private bool AtEnd => pos >= length;

    private SourceLocation Here => new(path, line, pos - lineStart + 1);

    private int Indent => pos - lineStart;

    private bool IsBlankAt(int i) => i >= length || buf[i] is ' ' or '\n';

    private YamlNode? ReadDocument()
    {
        SkipBlankLinesAndComments();
        if (AtEnd)
        {
            return null;
        }

        var root = ParseNode(-1, Context.LineStart);
        SkipBlankLinesAndComments();
        if (!AtEnd)
        {
            throw GiveUp();
        }

        return root;
    }

    /// <summary>From the start of a line (or the first character of content on it), skips empty and comment-only lines; stops at content or the end.</summary>
    private void SkipBlankLinesAndComments()
    {
        while (pos < length)
        {
            int p = pos;
            while (p < length && buf[p] == ' ')
            {
                p++;
            }

            if (p >= length)
            {
                pos = p;
                return;
            }

            char c = buf[p];
            if (c == '\n')
            {
                pos = p;
                NextLine();
                continue;
            }

            if (c == '#')
            {
                pos = p;
                SkipToLineEnd();
                continue;
            }

            if (p == lineStart && (c == '%' || StartsMarker(p, '-') || StartsMarker(p, '.')))
            {
                throw GiveUp();
            }

            pos = p;
            return;
        }
    }

    private int IndexOfLineBreak(int from)
    {
        int rel = Text[from..].IndexOf('\n');
        return rel < 0 ? -1 : from + rel;
    }

    private bool StartsMarker(int p, char c) =>
        p + 2 < length && buf[p] == c && buf[p + 1] == c && buf[p + 2] == c;

    private void NextLine()
    {
        pos++;
        line++;
        lineStart = pos;
    }

    /// <summary>Skips the rest of the current line (a comment) and its line break.</summary>
    private void SkipToLineEnd()
    {
        int end = IndexOfLineBreak(pos);
        if (end < 0)
        {
            pos = length;
            return;
        }

        pos = end;
        NextLine();
    }

    /// <summary>After a complete value: only spaces and a comment may follow on the line.</summary>
    private void FinishLine()
    {
        int start = pos;
        while (pos < length && buf[pos] == ' ')
        {
            pos++;
        }

        if (AtEnd)
        {
            return;
        }

        char c = buf[pos];
        if (c == '\n')
        {
            NextLine();
            return;
        }

        if (c == '#' && pos > start)
        {
            SkipToLineEnd();
            return;
        }

        throw GiveUp();
    }

    private void SkipSpaces()
    {
        while (pos < length && buf[pos] == ' ')
        {
            pos++;
        }
    }

    private enum Context
    {
        LineStart,
        AfterDash,
        AfterColon,
    }

    /// <summary>Parses the node whose first character is at the cursor. <paramref name="parentIndent"/> is the indentation of the enclosing block.</summary>
    private YamlNode ParseNode(int parentIndent, Context context)
    {
        char c = buf[pos];
        if (c == '-' && IsBlankAt(pos + 1))
        {
            if (context != Context.LineStart)
            {
                throw GiveUp();
            }

            return ParseBlockSequence(Indent, indentless: false);
        }

        switch (c)
        {
            case '|' or '>':
                return ParseBlockScalar(parentIndent);
            case '[':
                {
                    var seq = ParseFlowSequence();
                    FinishLine();
                    return seq;
                }

            case '{':
                {
                    var map = ParseEmptyFlowMapping();
                    FinishLine();
                    return map;
                }

            case '"' or '\'':
                {
                    int start = pos;
                    int startLine = line;
                    var scalar = c == '"' ? ParseDoubleQuoted() : ParseSingleQuoted();
                    if (IsKeyIndicatorAhead())
                    {
                        return StartMapping(context, start, startLine);
                    }

                    FinishLine();
                    return scalar;
                }

        }

        if (IsIndicator(c))
        {
            throw GiveUp();
        }

        {
            int start = pos;
            int startLine = line;
            var scalar = ParsePlain(out bool key);
            if (key)
            {
                return StartMapping(context, start, startLine);
            }

            FinishLine();
            return scalar;
        }
    }

    /// <summary>
    /// YAML indicators that cannot start a plain scalar of the subset ('?' and ':' may in YAML, but
    /// YamlDotNet has its own view of them, so they are left to it).
    /// </summary>
    private static bool IsIndicator(char c) =>
        c is '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`';

    private YamlMapping StartMapping(Context context, int start, int startLine)
    {
        if (context == Context.AfterColon || startLine != line)
        {
            throw GiveUp();
        }

        pos = start;
        return ParseBlockMapping(Indent);
    }

    /// <summary>True when spaces and then a ':' followed by a blank come next (the scalar just read was a key).</summary>
    private bool IsKeyIndicatorAhead()
    {
        int p = pos;
        while (p < length && buf[p] == ' ')
        {
            p++;
        }

        return p < length && buf[p] == ':' && IsBlankAt(p + 1);
    }

    private void EnterCollection()
    {
        if (depth >= maxDepth)
        {
            throw GiveUp();
        }

        depth++;
    }

    private YamlMapping ParseBlockMapping(int indent)
    {
        EnterCollection();
        var start = Here;
        int first = entryTop;
        while (true)
        {
            var key = ParseKey();
            for (int i = first; i < entryTop; i++)
            {
                if (string.Equals(entryStack[i].Key.Value, key.Value, StringComparison.Ordinal))
                {
                    throw GiveUp();
                }
            }

            // The cursor is just after the ':'.
            var afterColon = Here;
            SkipSpaces();
            YamlNode value;
            if (AtEnd || buf[pos] is '\n' or '#')
            {
                FinishLine();
                SkipBlankLinesAndComments();
                if (!AtEnd && Indent > indent)
                {
                    value = ParseNode(indent, Context.LineStart);
                }
                else if (!AtEnd && Indent == indent && buf[pos] == '-' && IsBlankAt(pos + 1))
                {
                    value = ParseBlockSequence(indent, indentless: true);
                }
                else
                {
                    value = new YamlScalar(afterColon, string.Empty, ScalarKind.Null);
                }
            }
            else
            {
                value = ParseNode(indent, Context.AfterColon);
            }

            PushEntry(new KeyValuePair<YamlScalar, YamlNode>(key, value));
            SkipBlankLinesAndComments();
            if (AtEnd || Indent < indent)
            {
                break;
            }

            if (Indent > indent || (buf[pos] == '-' && IsBlankAt(pos + 1)))
            {
                throw GiveUp();
            }
        }

        depth--;
        return new YamlMapping(start, PopInto(entryStack, ref entryTop, first));
    }

    /// <summary>Reads a single-line key and the ':' after it.</summary>
    private YamlScalar ParseKey()
    {
        char c = buf[pos];
        YamlScalar key;
        switch (c)
        {
            case '"':
                key = ParseDoubleQuoted();
                break;
            case '\'':
                key = ParseSingleQuoted();
                break;
            default:
                if (IsIndicator(c) || (c == '-' && IsBlankAt(pos + 1)))
                {
                    throw GiveUp();
                }

                key = ParsePlain(out _);
                break;
        }

        SkipSpaces();
        if (AtEnd || buf[pos] != ':' || !IsBlankAt(pos + 1))
        {
            throw GiveUp();
        }

        pos++;
        return key;
    }

    private YamlSequence ParseBlockSequence(int indent, bool indentless)
    {
        EnterCollection();
        var start = Here;
        int first = itemTop;
        while (true)
        {
            // The cursor is at '-'.
            pos++;
            var afterDash = Here;
            SkipSpaces();
            YamlNode item;
            if (AtEnd || buf[pos] is '\n' or '#')
            {
                FinishLine();
                SkipBlankLinesAndComments();
                item = !AtEnd && Indent > indent
                    ? ParseNode(indent, Context.LineStart)
                    : new YamlScalar(afterDash, string.Empty, ScalarKind.Null);
            }
            else
            {
                item = ParseNode(indent, Context.AfterDash);
            }

            PushItem(item);
            SkipBlankLinesAndComments();
            if (AtEnd || Indent < indent)
            {
                break;
            }

            if (Indent > indent)
            {
                throw GiveUp();
            }

            if (buf[pos] == '-' && IsBlankAt(pos + 1))
            {
                continue;
            }

            if (indentless)
            {
                break;
            }

            throw GiveUp();
        }

        depth--;
        return new YamlSequence(start, PopInto(itemStack, ref itemTop, first));
    }

    /// <summary>A plain scalar on one line in block context; <paramref name="key"/> is set when it ends at ': '.</summary>
    private YamlScalar ParsePlain(out bool key)
    {
        var at = Here;
        int start = pos;
        int i = pos;
        key = false;
        var span = Text;
        while (true)
        {
            int rel = span[i..].IndexOfAny(':', '#', '\n');
            if (rel < 0)
            {
                i = length;
                break;
            }

            i += rel;
            char c = buf[i];
            if (c == '\n')
            {
                break;
            }

            if (c == ':')
            {
                if (IsBlankAt(i + 1))
                {
                    key = true;
                    break;
                }
            }
            else if (buf[i - 1] == ' ')
            {
                break;
            }

            i++;
        }

        int end = i;
        while (end > start && buf[end - 1] == ' ')
        {
            end--;
        }

        if (key && !IsSimpleKey(Text.Slice(start, end - start)))
        {
            // YamlDotNet has quirks with unusual plain keys (for example one containing " *"): left to it.
            throw GiveUp();
        }

        pos = end;
        string value = Str(start, end - start);
        return new YamlScalar(at, value, ScalarTyping.Classify(value));
    }

    private static bool IsSimpleKey(ReadOnlySpan<char> key)
    {
        foreach (char c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or '/' or '$'))
            {
                return false;
            }
        }

        return true;
    }

    private YamlScalar ParseSingleQuoted()
    {
        var at = Here;
        int i = pos + 1;
        StringBuilder? sb = null;
        int runStart = i;
        while (true)
        {
            int rel = Text[i..].IndexOfAny('\'', '\n');
            if (rel < 0 || buf[i + rel] == '\n')
            {
                throw GiveUp();
            }

            i += rel;
            if (i + 1 < length && buf[i + 1] == '\'')
            {
                sb ??= new StringBuilder();
                sb.Append(buf, runStart, i + 1 - runStart);
                i += 2;
                runStart = i;
                continue;
            }

            break;
        }

        return EndQuoted(at, sb, runStart, i);
    }

    private YamlScalar ParseDoubleQuoted()
    {
        var at = Here;
        int i = pos + 1;
        StringBuilder? sb = null;
        int runStart = i;
        while (true)
        {
            int rel = Text[i..].IndexOfAny('"', '\\', '\n');
            if (rel < 0 || buf[i + rel] == '\n')
            {
                throw GiveUp();
            }

            i += rel;
            if (buf[i] == '"')
            {
                break;
            }

            sb ??= new StringBuilder();
            sb.Append(buf, runStart, i - runStart);
            if (i + 1 >= length)
            {
                throw GiveUp();
            }

            char e = buf[i + 1];
            i += 2;
            switch (e)
            {
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case '/': sb.Append('/'); break;
                case ' ': sb.Append(' '); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'e': sb.Append('\u001B'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case 'N': sb.Append('\u0085'); break;
                case '_': sb.Append('\u00A0'); break;
                case 'L': sb.Append('\u2028'); break;
                case 'P': sb.Append('\u2029'); break;
                case 'x': sb.Append(Hex(ref i, 2)); break;
                case 'u': sb.Append(Hex(ref i, 4)); break;
                default: throw GiveUp();
            }

            runStart = i;
        }

        return EndQuoted(at, sb, runStart, i);
    }

    /// <summary>Finishes a quoted scalar whose closing quote is at <paramref name="close"/>: the text since the last escape is appended (or taken as is when there was none).</summary>
    private YamlScalar EndQuoted(SourceLocation at, StringBuilder? sb, int runStart, int close)
    {
        string value;
        if (sb is null)
        {
            value = Str(runStart, close - runStart);
        }
        else
        {
            sb.Append(buf, runStart, close - runStart);
            value = sb.ToString();
        }

        pos = close + 1;
        return new YamlScalar(at, value, ScalarKind.String);
    }

    private char Hex(ref int i, int digits)
    {
        if (i + digits > length)
        {
            throw GiveUp();
        }

        int value = 0;
        for (int k = 0; k < digits; k++)
        {
            int d = HexDigit(buf[i + k]);
            if (d < 0)
            {
                throw GiveUp();
            }

            value = (value * 16) + d;
        }

        i += digits;
        if (value is >= 0xD800 and <= 0xDFFF)
        {
            throw GiveUp();
        }

        return (char)value;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A one-line flow list of scalars: <c>[a, "b", 'c']</c>.</summary>
    private YamlSequence ParseFlowSequence()
    {
        EnterCollection();
        var start = Here;
        int first = itemTop;
        pos++;
        SkipSpaces();
        if (!AtEnd && buf[pos] == ']')
        {
            pos++;
            depth--;
            return new YamlSequence(start, []);
        }

        while (true)
        {
            if (AtEnd)
            {
                throw GiveUp();
            }

            char c = buf[pos];
            YamlScalar item;
            if (c == '"')
            {
                item = ParseDoubleQuoted();
            }
            else if (c == '\'')
            {
                item = ParseSingleQuoted();
            }
            else if (c is '\n' or '-' || IsIndicator(c))
            {
                // '-' may start a plain scalar, but is left to YamlDotNet in flow context.
                throw GiveUp();
            }
            else
            {
                item = ParseFlowPlain();
            }

            PushItem(item);
            SkipSpaces();
            if (AtEnd)
            {
                throw GiveUp();
            }

            c = buf[pos];
            if (c == ']')
            {
                pos++;
                break;
            }

            if (c != ',')
            {
                throw GiveUp();
            }

            pos++;
            SkipSpaces();
            if (AtEnd || buf[pos] == ']')
            {
                throw GiveUp();
            }
        }

        depth--;
        return new YamlSequence(start, PopInto(itemStack, ref itemTop, first));
    }

    private YamlScalar ParseFlowPlain()
    {
        var at = Here;
        int start = pos;
        int i = pos;
        while (i < length)
        {
            char c = buf[i];
            if (c is ',' or ']' or '[' or '{' or '}' or '\n' or ':' or '"' or '\'')
            {
                if (c is ':' or '[' or '{' or '}' or '"' or '\'')
                {
                    throw GiveUp();
                }

                break;
            }

            if (c == '#' && buf[i - 1] == ' ')
            {
                throw GiveUp();
            }

            i++;
        }

        int end = i;
        while (end > start && buf[end - 1] == ' ')
        {
            end--;
        }

        pos = end;
        string value = Str(start, end - start);
        return new YamlScalar(at, value, ScalarTyping.Classify(value));
    }

    private YamlMapping ParseEmptyFlowMapping()
    {
        var start = Here;
        int p = pos + 1;
        while (p < length && buf[p] == ' ')
        {
            p++;
        }

        if (p >= length || buf[p] != '}')
        {
            throw GiveUp();
        }

        EnterCollection();
        depth--;
        pos = p + 1;
        return new YamlMapping(start, []);
    }

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar with an optional chomping indicator.</summary>
    private YamlScalar ParseBlockScalar(int parentIndent)
    {
        var at = Here;
        bool literal = buf[pos] == '|';
        pos++;
        char chomp = 'c';
        if (!AtEnd && buf[pos] is '-' or '+')
        {
            chomp = buf[pos];
            pos++;
        }

        if (!AtEnd && buf[pos] is not (' ' or '\n'))
        {
            // An indentation indicator, or anything else after the header.
            throw GiveUp();
        }

        FinishLine();

        // Find the content indentation: that of the first non-empty line.
        int leadingEmpty = 0;
        int n = -1;
        int p = pos;
        while (p < length)
        {
            int q = p;
            while (q < length && buf[q] == ' ')
            {
                q++;
            }

            if (q >= length)
            {
                break;
            }

            if (buf[q] == '\n')
            {
                leadingEmpty++;
                p = q + 1;
                continue;
            }

            n = q - p;
            break;
        }

        if (n <= parentIndent || n <= 0 || leadingEmpty > 0)
        {
            // Empty content, content not indented deeper than the parent, or empty lines before the
            // first line (YamlDotNet has its own rules for their spaces).
            throw GiveUp();
        }

        scratchLength = 0;
        int pendingEmpty = 0;
        bool anyContent = false;
        while (pos < length)
        {
            int ls = pos;
            int q = ls;
            while (q < length && buf[q] == ' ')
            {
                q++;
            }

            int spaces = q - ls;
            if (q >= length)
            {
                // Spaces and then the end of the file: not a line of the scalar.
                if (spaces > n)
                {
                    throw GiveUp();
                }

                pos = q;
                break;
            }

            if (buf[q] == '\n' && spaces <= n)
            {
                pendingEmpty++;
                pos = q;
                NextLine();
                continue;
            }

            if (spaces < n)
            {
                // A less indented line ends the scalar (the caller checks what it is).
                pos = ls;
                break;
            }

            int eol = IndexOfLineBreak(ls + n);
            if (eol < 0)
            {
                // Content running into the end of the file without a line break.
                throw GiveUp();
            }

            if (literal)
            {
                if (anyContent)
                {
                    ScratchAppend('\n');
                }

                ScratchAppend('\n', pendingEmpty);
            }
            else
            {
                if (buf[ls + n] == ' ')
                {
                    // More-indented lines of a folded scalar keep their breaks: left to YamlDotNet.
                    throw GiveUp();
                }

                if (anyContent)
                {
                    if (pendingEmpty == 0)
                    {
                        ScratchAppend(' ');
                    }
                    else
                    {
                        ScratchAppend('\n', pendingEmpty);
                    }
                }
            }

            ScratchAppend(buf.AsSpan(ls + n, eol - ls - n));
            anyContent = true;
            pendingEmpty = 0;
            pos = eol;
            NextLine();
        }

        switch (chomp)
        {
            case 'c':
                ScratchAppend('\n');
                break;
            case '+':
                ScratchAppend('\n');
                ScratchAppend('\n', pendingEmpty);
                break;
        }

        return new YamlScalar(at, new string(scratch, 0, scratchLength), ScalarKind.String);
    }

    private string Str(int start, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > CacheMaxLength)
        {
            return new string(buf, start, length);
        }

#if NET9_0_OR_GREATER
        var span = Text.Slice(start, length);
        if (KnownLookup.TryGetValue(span, out var known))
        {
            return known;
        }

        if (cache is null)
        {
            cache = new Dictionary<string, string>(32, StringComparer.Ordinal);
            cacheLookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        else if (cacheLookup.TryGetValue(span, out var hit))
        {
            return hit;
        }

        string s = span.ToString();
#else
        string s = new string(buf, start, length);
        if (Known.TryGetValue(s, out var known))
        {
            return known;
        }

        cache ??= new Dictionary<string, string>(32, StringComparer.Ordinal);
        if (cache.TryGetValue(s, out var hit))
        {
            return hit;
        }
#endif
        if (cache.Count < CacheMaxEntries)
        {
            cache[s] = s;
        }

        return s;
    }

    /// <summary>
    /// Keys and values every pack file repeats (the schema's keys and enum values), shared by all files
    /// and threads (read only): a small file then creates no string for them and often no cache at all.
    /// </summary>
    private static readonly Dictionary<string, string> Known = new[]
    {
        "pack", "questions", "id", "version", "title", "role", "description", "language", "license", "authors",
        "disclaimer", "homepage", "categories", "retired", "prompt", "category", "type", "level", "origin", "tags",
        "scenario", "answer", "followUps", "lookFor", "redFlags", "jurisdiction", "sources", "related",
        "lastVerified", "reviewBy", "attribution", "summary", "keyPoints", "text", "table", "caption", "columns",
        "rows", "url", "role-knowledge", "technical", "behavioral", "situational", "case-study", "entry", "mid",
        "senior", "original", "brief", "imported", "en",
    }.ToDictionary(k => k, StringComparer.Ordinal);

#if NET9_0_OR_GREATER
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    private sealed class GiveUpException : Exception
    {
    }
}
