namespace HrPrep.Authoring;

/// <summary>
/// The codes of the diagnostics the authoring tools report (configuration, schema, merge and imports),
/// one constant each, so that no code is spelt out anywhere else. Lint rule codes (<c>HP…</c>) are in
/// <see cref="Lint.RuleDescriptors"/>; reader codes in <see cref="HrPrep.Content.DiagnosticCodes"/>.
/// Every code is documented in the README.
/// </summary>
public static class AuthoringDiagnosticCodes
{
    /// <summary><c>CONFIG</c>: a problem in a lint configuration file (<c>.hrprep.yaml</c>).</summary>
    public const string Config = "CONFIG";

    /// <summary><c>SCHEMA</c>: a JSON Schema violation, located at the YAML node.</summary>
    public const string Schema = "SCHEMA";

    /// <summary><c>MERGE001</c>: the inputs of a merge are in different languages.</summary>
    public const string MergeLanguages = "MERGE001";

    /// <summary><c>MERGE002</c>: the inputs are different packs (without <c>--id</c>), or the id given is not valid.</summary>
    public const string MergePackIds = "MERGE002";

    /// <summary><c>MERGE003</c>: an input's version is not a semantic version.</summary>
    public const string MergeVersion = "MERGE003";

    /// <summary><c>MERGE004</c>: an input path that does not hold exactly one pack.</summary>
    public const string MergeInput = "MERGE004";

    /// <summary><c>MERGE010</c>: a question with different content in different inputs.</summary>
    public const string MergeQuestionConflict = "MERGE010";

    /// <summary><c>MERGE011</c>: a manifest field that differs between inputs.</summary>
    public const string MergeManifestConflict = "MERGE011";

    /// <summary><c>MERGE012</c>: a category with a different title or description in different inputs.</summary>
    public const string MergeCategoryConflict = "MERGE012";

    /// <summary><c>CSV001</c>: the CSV file cannot be read (malformed, or empty).</summary>
    public const string CsvUnreadable = "CSV001";

    /// <summary><c>CSV002</c>: a bad header: an unknown, repeated or missing column.</summary>
    public const string CsvHeader = "CSV002";

    /// <summary><c>CSV003</c>: a bad value in a cell.</summary>
    public const string CsvValue = "CSV003";

    /// <summary><c>CSV004</c>: a question id used twice.</summary>
    public const string CsvDuplicateId = "CSV004";

    /// <summary><c>MOODLE001</c>: XML that is not well-formed, or a root other than <c>quiz</c>.</summary>
    public const string MoodleXml = "MOODLE001";

    /// <summary><c>MOODLE002</c>: an unreadable <c>hrprep:</c> comment.</summary>
    public const string MoodleComment = "MOODLE002";

    /// <summary><c>MOODLE003</c> (warning): a question of a type other than essay, skipped.</summary>
    public const string MoodleSkipped = "MOODLE003";

    /// <summary><c>MOODLE004</c>: a question id used twice.</summary>
    public const string MoodleDuplicateId = "MOODLE004";
}
