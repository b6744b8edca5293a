using System.Collections.Immutable;
using HrPrep.Authoring.Lint.Rules;
using HrPrep.Content;

namespace HrPrep.Authoring.Lint;

/// <summary>Documentation of a code that is not a rule: reader diagnostics and schema violations.</summary>
/// <param name="Code">The code.</param>
/// <param name="Summary">What it means.</param>
public sealed record ReaderCode(string Code, string Summary);

/// <summary>Every lint rule and every reader code, for <c>--list-rules</c> and <c>--explain</c>.</summary>
public static class RuleCatalogue
{
    /// <summary>All rules in code order.</summary>
    public static ImmutableArray<LintRule> Rules { get; } =
    [
        new RelatedUnknownRule(),
        new CategoryUnusedRule(),
        new NearDuplicateRule(),
        new AnswerTooShortRule(),
        new KeyPointsTooFewRule(),
        new PlaceholderTextRule(),
        new NotesMissingRule(),
        new CaseStudyScenarioRule(),
        new PromptNotQuestionRule(),
        new YesNoOpenerRule(),
        new CompoundQuestionRule(),
        new PromptTooLongRule(),
        new ProtectedCharacteristicRule(),
        new MojibakeRule(),
        new ControlCharacterRule(),
        new TrailingWhitespaceRule(),
        new InconsistentQuotesRule(),
        new CategoryBalanceRule(),
        new PackMetadataRule(),
        new ReviewDueRule(),
        new PrimarySourceRule(),
        new StaleFutureRule(),
        new SourceIsQuestionListRule(),
        new SuppressionInvalidRule(),
        new SuppressionUnusedRule(),
    ];

    /// <summary>Codes reported by the reader and the schema validator: always errors, never configurable or suppressible.</summary>
    public static ImmutableArray<ReaderCode> ReaderCodes { get; } =
    [
        new(DiagnosticCodes.Unreadable, "The file or directory cannot be read (missing, permissions). Exit code 3."),
        new(DiagnosticCodes.YamlSyntax, "YAML syntax error, including tabs used for indentation."),
        new(DiagnosticCodes.YamlAlias, "An anchor or alias is used; packs are untrusted input and aliases allow 'billion laughs' expansion."),
        new(DiagnosticCodes.DuplicateKey, "A key appears twice in one mapping; YAML parsers disagree on which value wins."),
        new(DiagnosticCodes.TooDeep, "Nesting deeper than the reader's limit (64)."),
        new(DiagnosticCodes.TooLarge, "The file is larger than the reader's limit (32 MiB). Exit code 3."),
        new(DiagnosticCodes.NotUtf8, "The file is not UTF-8 (an invalid byte, or UTF-16). Exit code 3."),
        new(DiagnosticCodes.YamlTag, "An explicit tag other than !!str, !!seq or !!map."),
        new(DiagnosticCodes.MultipleDocuments, "More than one YAML document in a file."),
        new(DiagnosticCodes.ComplexKey, "A key that is a list or mapping."),
        new(DiagnosticCodes.UnknownKey, "Unknown key (a misspelt field would otherwise be silently lost), with a 'did you mean' suggestion."),
        new(DiagnosticCodes.MissingKey, "A required key is missing, e.g. the manifest's 'license' or 'version', or a question's 'answer'."),
        new(DiagnosticCodes.WrongKind, "Wrong kind of value, e.g. a number where text is expected (quote it), or a file that is a list or scalar instead of a mapping."),
        new(DiagnosticCodes.NotAllowed, "A value not among the allowed ones (type, level, origin)."),
        new(DiagnosticCodes.BadFormat, "A value in the wrong format: id format (lower-case letters, digits, single hyphens), semver, tag, language, licence, jurisdiction, date, URL."),
        new(DiagnosticCodes.DuplicateId, "Duplicate id: a question id used twice within a pack or across the linted packs (names the first definition), or a duplicate category id."),
        new(DiagnosticCodes.UndeclaredCategory, "A question's category is not declared by its pack."),
        new(DiagnosticCodes.EmptyFile, "An empty file."),
        new(DiagnosticCodes.NoPack, "A question file that belongs to no pack, or a pack.yaml without 'pack'."),
        new(DiagnosticCodes.TooManyQuestions, "More questions in one file than the reader's limit."),
        new(DiagnosticCodes.EmptyValue, "Empty text or list where content is required, e.g. an empty answer."),
        new(DiagnosticCodes.DuplicateValue, "A value listed twice where values must be unique."),
        new(DiagnosticCodes.RetiredId, "A retired id is used again; ids are forever."),
        new(DiagnosticCodes.DuplicatePack, "Two packs with the same id."),
        new(DiagnosticCodes.EmbeddedPacks, "The packs embedded in HrPrep.Content are missing or damaged: a broken build of the library, not a problem of your packs."),
        new(AuthoringDiagnosticCodes.Schema, "A violation of the JSON Schema given with --schema FILE (checked in addition to the reader), located at the YAML node."),
    ];

    /// <summary>Finds a rule by code or name.</summary>
    public static LintRule? Find(string codeOrName) =>
        Rules.FirstOrDefault(r => string.Equals(r.Code, codeOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, codeOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True for a code of the reader or the schema (<c>IO…</c>, <c>YAML…</c>, <c>PACK…</c>, <c>SCHEMA</c>),
    /// documented or not: such findings are always errors and cannot be configured or suppressed.
    /// </summary>
    public static bool IsReaderCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.StartsWith("YAML", StringComparison.Ordinal) || code.StartsWith("PACK", StringComparison.Ordinal)
            || code.StartsWith("IO", StringComparison.Ordinal) || code == AuthoringDiagnosticCodes.Schema;
    }

    /// <summary>Finds a reader code's documentation.</summary>
    public static ReaderCode? FindReaderCode(string code) =>
        ReaderCodes.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
}
