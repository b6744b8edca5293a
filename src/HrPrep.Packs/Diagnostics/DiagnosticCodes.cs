namespace HrPrep.Content;

/// <summary>
/// The codes of the diagnostics the reader and the binder report (<see cref="Diagnostic.Code"/>), one
/// constant each, so that no code is spelt out anywhere else. Every code is documented in the
/// README's table of reader codes and explained by <c>dotnet hrprep lint --explain CODE</c>.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary><c>IO001</c>: the file or directory cannot be read (missing, permissions).</summary>
    public const string Unreadable = "IO001";

    /// <summary><c>YAML001</c>: a YAML syntax error, including tabs used for indentation.</summary>
    public const string YamlSyntax = "YAML001";

    /// <summary><c>YAML002</c>: an anchor or alias is used.</summary>
    public const string YamlAlias = "YAML002";

    /// <summary><c>YAML003</c>: a key appears twice in one mapping.</summary>
    public const string DuplicateKey = "YAML003";

    /// <summary><c>YAML004</c>: nesting deeper than the reader's limit.</summary>
    public const string TooDeep = "YAML004";

    /// <summary><c>YAML005</c>: the file is larger than the reader's limit.</summary>
    public const string TooLarge = "YAML005";

    /// <summary><c>YAML006</c>: the file is not UTF-8.</summary>
    public const string NotUtf8 = "YAML006";

    /// <summary><c>YAML007</c>: an explicit tag other than <c>!!str</c>, <c>!!seq</c> or <c>!!map</c>.</summary>
    public const string YamlTag = "YAML007";

    /// <summary><c>YAML008</c>: more than one YAML document in a file.</summary>
    public const string MultipleDocuments = "YAML008";

    /// <summary><c>YAML009</c>: a key that is a list or mapping.</summary>
    public const string ComplexKey = "YAML009";

    /// <summary><c>PACK001</c>: an unknown key.</summary>
    public const string UnknownKey = "PACK001";

    /// <summary><c>PACK002</c>: a required key is missing.</summary>
    public const string MissingKey = "PACK002";

    /// <summary><c>PACK003</c>: the wrong kind of value (a number where text is expected, a list instead of a mapping).</summary>
    public const string WrongKind = "PACK003";

    /// <summary><c>PACK004</c>: a value not among the allowed ones.</summary>
    public const string NotAllowed = "PACK004";

    /// <summary><c>PACK005</c>: a value in the wrong format (id, semver, tag, language, licence, jurisdiction, date, URL).</summary>
    public const string BadFormat = "PACK005";

    /// <summary><c>PACK006</c>: a duplicate question or category id.</summary>
    public const string DuplicateId = "PACK006";

    /// <summary><c>PACK007</c>: a question's category is not declared by its pack.</summary>
    public const string UndeclaredCategory = "PACK007";

    /// <summary><c>PACK008</c>: an empty file.</summary>
    public const string EmptyFile = "PACK008";

    /// <summary><c>PACK009</c>: a question file that belongs to no pack, or a <c>pack.yaml</c> without <c>pack</c>.</summary>
    public const string NoPack = "PACK009";

    /// <summary><c>PACK010</c>: more questions in one file than the reader's limit.</summary>
    public const string TooManyQuestions = "PACK010";

    /// <summary><c>PACK011</c>: empty text or list where content is required.</summary>
    public const string EmptyValue = "PACK011";

    /// <summary><c>PACK012</c>: a value listed twice where values must be unique.</summary>
    public const string DuplicateValue = "PACK012";

    /// <summary><c>PACK013</c>: a retired id is used again.</summary>
    public const string RetiredId = "PACK013";

    /// <summary><c>PACK014</c>: two packs with the same id.</summary>
    public const string DuplicatePack = "PACK014";

    /// <summary><c>PACK015</c>: the packs embedded in HrPrep.Content are missing or damaged (a broken build).</summary>
    public const string EmbeddedPacks = "PACK015";
}
