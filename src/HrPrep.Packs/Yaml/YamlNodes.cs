namespace HrPrep.Packs.Yaml;

/// <summary>The type a scalar has under the YAML 1.2 core schema.</summary>
public enum ScalarKind
{
    /// <summary>A string (every quoted or block scalar, and plain scalars that are nothing else).</summary>
    String,

    /// <summary><c>null</c>, <c>~</c> or an empty plain scalar.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c> (YAML 1.2: <c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c> are strings).</summary>
    Bool,

    /// <summary>A decimal, <c>0o</c> octal or <c>0x</c> hexadecimal integer.</summary>
    Int,

    /// <summary>A floating-point number, <c>.inf</c> or <c>.nan</c>.</summary>
    Float,
}

/// <summary>A node of a parsed YAML document, with the position it starts at.</summary>
public abstract class YamlNode
{
    private protected YamlNode(SourceLocation start) => Start = start;

    /// <summary>Where the node starts.</summary>
    public SourceLocation Start { get; }

    /// <summary>A short name of the node's kind for messages: "a mapping", "a list", "a string"…</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar, typed by the YAML 1.2 core schema.</summary>
public sealed class YamlScalar : YamlNode
{
    internal YamlScalar(SourceLocation start, string value, ScalarKind kind)
        : base(start)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The scalar's text.</summary>
    public string Value { get; }

    /// <summary>The scalar's type.</summary>
    public ScalarKind Kind { get; }

    /// <inheritdoc />
    public override string KindName => Kind switch
    {
        ScalarKind.String => "a string",
        ScalarKind.Null => "null",
        ScalarKind.Bool => "a boolean",
        _ => "a number",
    };
}

/// <summary>A sequence (list).</summary>
public sealed class YamlSequence : YamlNode
{
    internal YamlSequence(SourceLocation start, List<YamlNode> items)
        : base(start) => ItemList = items;

    /// <summary>The items in order.</summary>
    public IReadOnlyList<YamlNode> Items => ItemList;

    /// <summary>The items as the concrete list (the binder walks it without an interface enumerator per walk).</summary>
    internal List<YamlNode> ItemList { get; }

    /// <inheritdoc />
    public override string KindName => "a list";
}

/// <summary>A mapping whose keys are scalars, in document order, with duplicate keys already rejected.</summary>
public sealed class YamlMapping : YamlNode
{
    internal YamlMapping(SourceLocation start, List<KeyValuePair<YamlScalar, YamlNode>> entries)
        : base(start) => EntryList = entries;

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries => EntryList;

    /// <summary>The entries as the concrete list (walked by index: no interface enumerator per lookup).</summary>
    internal List<KeyValuePair<YamlScalar, YamlNode>> EntryList { get; }

    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>Finds the value of a key, or null.</summary>
    public YamlNode? Get(string key)
    {
        // The binder looks up every known key of every question: a foreach over the interface
        // allocated an enumerator per lookup; a span over the list allocates nothing.
        foreach (var entry in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(EntryList))
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }
}
