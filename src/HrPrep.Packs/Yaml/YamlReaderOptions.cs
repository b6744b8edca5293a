namespace HrPrep.Packs.Yaml;

/// <summary>Limits applied when reading untrusted YAML pack files.</summary>
public sealed record YamlReaderOptions
{
    /// <summary>The default maximum file size: 32 MiB.</summary>
    public const long DefaultMaxFileBytes = 32L * 1024 * 1024;

    /// <summary>The default maximum nesting depth of mappings and lists: 64.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default maximum number of questions in one file: 100,000.</summary>
    public const int DefaultMaxQuestionsPerFile = 100_000;

    /// <summary>Shared instance with the defaults.</summary>
    public static YamlReaderOptions Default { get; } = new();

    /// <summary>Files larger than this are refused without being parsed (error <c>YAML005</c>).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Mappings and lists nested deeper than this are refused (error <c>YAML004</c>).</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>Files with more questions than this are refused (error <c>PACK010</c>).</summary>
    public int MaxQuestionsPerFile { get; init; } = DefaultMaxQuestionsPerFile;
}
