namespace HrPrep.Tool.Infrastructure;

/// <summary>
/// The codes of the tool's own one-line errors (<c>hrprep: error CODE: message</c>) and of the located
/// errors of <c>import markdown</c> and <c>import anki</c>, one constant each. Codes of the reader are in
/// <see cref="HrPrep.Content.DiagnosticCodes"/>, of the authoring tools in
/// <see cref="HrPrep.Authoring.AuthoringDiagnosticCodes"/>. Every code is documented in the README.
/// </summary>
internal static class ToolCodes
{
    /// <summary><c>USAGE</c>: unknown command or option, bad option value (exit 2).</summary>
    public const string Usage = "USAGE";

    /// <summary><c>INTERNAL</c>: an unexpected error, a bug (exit 4).</summary>
    public const string Internal = "INTERNAL";

    /// <summary><c>IO</c>: an output cannot be written (exit 3).</summary>
    public const string Io = "IO";

    /// <summary><c>INPUT</c>: the input packs have problems, each printed above (exit 1, or 3 when unreadable).</summary>
    public const string Input = "INPUT";

    /// <summary><c>CONTENT</c>: the packs embedded in HrPrep.Content cannot be loaded (<c>--version</c>).</summary>
    public const string Content = "CONTENT";

    /// <summary><c>NOTFOUND</c>: no question has the id asked for (exit 1).</summary>
    public const string NotFound = "NOTFOUND";

    /// <summary><c>EXISTS</c>: the output exists and is not replaced (without <c>--force</c>, or not a pack folder).</summary>
    public const string Exists = "EXISTS";

    /// <summary><c>BASELINE</c>: the lint baseline cannot be read (exit 3).</summary>
    public const string Baseline = "BASELINE";

    /// <summary><c>MERGE</c>: the merge found problems, each printed above; nothing was written (exit 1).</summary>
    public const string Merge = "MERGE";

    /// <summary><c>OUTPUT</c>: the merged pack could not be written as valid YAML; nothing was written (exit 1).</summary>
    public const string Output = "OUTPUT";

    /// <summary><c>GIT</c>: <c>diff --base</c> could not read the revision from git (exit 3).</summary>
    public const string Git = "GIT";

    /// <summary><c>IMPORT</c>: an import found problems, each printed above, or nothing to import (exit 1).</summary>
    public const string Import = "IMPORT";

    /// <summary><c>IMPORT001</c>: a Markdown page without a <c># Title</c> line.</summary>
    public const string ImportNoTitle = "IMPORT001";

    /// <summary><c>IMPORT002</c>: a Markdown page without numbered questions.</summary>
    public const string ImportNoQuestions = "IMPORT002";

    /// <summary><c>IMPORT003</c>: a pack id already given by an existing pack or another page.</summary>
    public const string ImportPackId = "IMPORT003";

    /// <summary><c>IMPORT004</c>: a question id that already belongs to another pack.</summary>
    public const string ImportQuestionId = "IMPORT004";

    /// <summary><c>IMPORT005</c>: a page over the reader's limits (questions per file, id length).</summary>
    public const string ImportLimit = "IMPORT005";

    /// <summary><c>ANKI001</c>: an edit in an Anki deck that cannot be applied to its pack.</summary>
    public const string AnkiEdit = "ANKI001";

    /// <summary><c>ANSWER</c>: the answer to score cannot be read (exit 3).</summary>
    public const string Answer = "ANSWER";

    /// <summary><c>STORE</c>: the practice progress store cannot be opened (exit 3).</summary>
    public const string Store = "STORE";

    /// <summary><c>EMPTY</c>: no question to practise (exit 1).</summary>
    public const string Empty = "EMPTY";

    /// <summary><c>PROGRESS</c>: a progress file to import is not valid (exit 3).</summary>
    public const string Progress = "PROGRESS";

    /// <summary><c>SCORER</c>: <c>score --scorer semantic</c> in a build of the tool without the semantic scorer (exit 2).</summary>
    public const string Scorer = "SCORER";
}
