using System.Collections.Immutable;
using HrPrep.Authoring.Lint.Rules;

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
        new("IO001", "The file or directory cannot be read (missing, permissions). Exit code 3."),
        new("YAML001", "YAML syntax error, including tabs used for indentation."),
        new("YAML002", "An anchor or alias is used; packs are untrusted input and aliases allow 'billion laughs' expansion."),
        new("YAML003", "A key appears twice in one mapping; YAML parsers disagree on which value wins."),
        new("YAML004", "Nesting deeper than the reader's limit (64)."),
        new("YAML005", "The file is larger than the reader's limit (32 MiB). Exit code 3."),
        new("YAML006", "The file is not UTF-8 (an invalid byte, or UTF-16). Exit code 3."),
        new("YAML007", "An explicit tag other than !!str, !!seq or !!map."),
        new("YAML008", "More than one YAML document in a file."),
        new("YAML009", "A key that is a list or mapping."),
        new("PACK001", "Unknown key (a misspelt field would otherwise be silently lost), with a 'did you mean' suggestion."),
        new("PACK002", "A required key is missing, e.g. the manifest's 'license' or 'version', or a question's 'answer'."),
        new("PACK003", "Wrong kind of value, e.g. a number where text is expected (quote it), or a file that is a list or scalar instead of a mapping."),
        new("PACK004", "A value not among the allowed ones (type, level, origin)."),
        new("PACK005", "A value in the wrong format: id format (lower-case letters, digits, single hyphens), semver, tag, language, licence, jurisdiction, date, URL."),
        new("PACK006", "Duplicate id: a question id used twice within a pack or across the linted packs (names the first definition), or a duplicate category id."),
        new("PACK007", "A question's category is not declared by its pack."),
        new("PACK008", "An empty file."),
        new("PACK009", "A question file that belongs to no pack, or a pack.yaml without 'pack'."),
        new("PACK010", "More questions in one file than the reader's limit."),
        new("PACK011", "Empty text or list where content is required, e.g. an empty answer."),
        new("PACK012", "A value listed twice where values must be unique."),
        new("PACK013", "A retired id is used again; ids are forever."),
        new("PACK014", "Two packs with the same id."),
        new("SCHEMA", "A violation of the JSON Schema given with --schema FILE (checked in addition to the reader), located at the YAML node."),
    ];

    /// <summary>Finds a rule by code or name.</summary>
    public static LintRule? Find(string codeOrName) =>
        Rules.FirstOrDefault(r => string.Equals(r.Code, codeOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, codeOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a reader code's documentation.</summary>
    public static ReaderCode? FindReaderCode(string code) =>
        ReaderCodes.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
}
