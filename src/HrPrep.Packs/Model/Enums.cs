namespace HrPrep.Content;

/// <summary>The kind of an interview question.</summary>
public enum QuestionType
{
    /// <summary><c>role-knowledge</c>: definitions, frameworks, how the work is done.</summary>
    RoleKnowledge,

    /// <summary><c>technical</c>: analytical or hands-on work (build a scale, read rating data).</summary>
    Technical,

    /// <summary><c>behavioral</c>: a past example, answered with STAR.</summary>
    Behavioral,

    /// <summary><c>situational</c>: what the candidate would do in a hypothetical situation.</summary>
    Situational,

    /// <summary><c>case-study</c>: a multi-part scenario, sometimes with a data table.</summary>
    CaseStudy,
}

/// <summary>The seniority a question targets.</summary>
public enum QuestionLevel
{
    /// <summary><c>entry</c>: knowledge and running the process.</summary>
    Entry,

    /// <summary><c>mid</c>: design, coaching managers, improvement plans, analysis.</summary>
    Mid,

    /// <summary><c>senior</c>: strategy, redesign, legal risk, leading change.</summary>
    Senior,
}

/// <summary>Where a question comes from.</summary>
public enum QuestionOrigin
{
    /// <summary><c>original</c>: written for the pack (the default).</summary>
    Original,

    /// <summary><c>brief</c>: verbatim from the user's brief; the prompt is never edited.</summary>
    Brief,

    /// <summary><c>imported</c>: created by an import and not yet reviewed.</summary>
    Imported,
}

/// <summary>Converts the enums to and from the names used in pack files and exports.</summary>
public static class SchemaNames
{
    private static readonly string[] TypeNames = ["role-knowledge", "technical", "behavioral", "situational", "case-study"];
    private static readonly string[] LevelNames = ["entry", "mid", "senior"];
    private static readonly string[] OriginNames = ["original", "brief", "imported"];

    /// <summary>All question type names in schema order.</summary>
    public static System.Collections.Immutable.ImmutableArray<string> QuestionTypes { get; } = [.. TypeNames];

    /// <summary>All level names in schema order.</summary>
    public static System.Collections.Immutable.ImmutableArray<string> Levels { get; } = [.. LevelNames];

    /// <summary>All origin names in schema order.</summary>
    public static System.Collections.Immutable.ImmutableArray<string> Origins { get; } = [.. OriginNames];

    /// <summary>The schema name of a question type, e.g. <c>case-study</c>.</summary>
    public static string ToSchemaName(this QuestionType type) => TypeNames[(int)type];

    /// <summary>The schema name of a level, e.g. <c>mid</c>.</summary>
    public static string ToSchemaName(this QuestionLevel level) => LevelNames[(int)level];

    /// <summary>The schema name of an origin, e.g. <c>brief</c>.</summary>
    public static string ToSchemaName(this QuestionOrigin origin) => OriginNames[(int)origin];

    /// <summary>Parses a question type name (exact, lower-case).</summary>
    public static bool TryParseType([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name, out QuestionType type) => TryParse(TypeNames, name, out type);

    /// <summary>Parses a level name (exact, lower-case).</summary>
    public static bool TryParseLevel([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name, out QuestionLevel level) => TryParse(LevelNames, name, out level);

    /// <summary>Parses an origin name (exact, lower-case).</summary>
    public static bool TryParseOrigin([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name, out QuestionOrigin origin) => TryParse(OriginNames, name, out origin);

    private static bool TryParse<T>(string[] names, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name, out T value)
        where T : struct, Enum
    {
        int index = name is null ? -1 : Array.IndexOf(names, name);
        value = index < 0 ? default : (T)(object)index;
        return index >= 0;
    }
}
