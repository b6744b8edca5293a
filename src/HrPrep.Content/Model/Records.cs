using System.Collections.Immutable;

namespace HrPrep.Content;

/// <summary>A category a pack's questions may use.</summary>
/// <param name="Id">Stable id used in questions' <c>category</c>.</param>
/// <param name="Title">Display title.</param>
/// <param name="Description">What the category covers, if given.</param>
public sealed record Category(string Id, string Title, string? Description);

/// <summary>A source cited for a question's facts.</summary>
/// <param name="Title">Title or short description.</param>
/// <param name="Url">Where to find it, if given.</param>
public sealed record SourceReference(string Title, string? Url);

/// <summary>A question's model answer.</summary>
/// <param name="Summary">The model answer (Markdown).</param>
/// <param name="KeyPoints">Points a strong answer must cover.</param>
public sealed record ModelAnswer(string Summary, ImmutableArray<string> KeyPoints);

/// <summary>A small data table of a case study. Cells are kept as written.</summary>
/// <param name="Caption">What the table shows, if given.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Rows of cells.</param>
public sealed record ScenarioTable(string? Caption, ImmutableArray<string> Columns, ImmutableArray<ImmutableArray<string>> Rows);

/// <summary>The scenario of a case study.</summary>
/// <param name="Text">The scenario (Markdown).</param>
/// <param name="Table">An optional data table.</param>
public sealed record Scenario(string Text, ScenarioTable? Table);

/// <summary>One interview question with its model answer and interviewer notes. Immutable.</summary>
public sealed record Question
{
    /// <summary>Stable id, unique in its pack, never reused.</summary>
    public required string Id { get; init; }

    /// <summary>Id of the pack the question belongs to.</summary>
    public required string PackId { get; init; }

    /// <summary>The question as the interviewer asks it.</summary>
    public required string Prompt { get; init; }

    /// <summary>Id of the question's category in its pack.</summary>
    public required string Category { get; init; }

    /// <summary>The kind of question.</summary>
    public required QuestionType Type { get; init; }

    /// <summary>The seniority it targets.</summary>
    public required QuestionLevel Level { get; init; }

    /// <summary>Where the question comes from.</summary>
    public QuestionOrigin Origin { get; init; }

    /// <summary>Free tags.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The scenario of a case study, or null.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>The model answer.</summary>
    public required ModelAnswer Answer { get; init; }

    /// <summary>Probing follow-up questions.</summary>
    public ImmutableArray<string> FollowUps { get; init; } = [];

    /// <summary>What interviewers listen for.</summary>
    public ImmutableArray<string> LookFor { get; init; } = [];

    /// <summary>Specific failure modes in an answer.</summary>
    public ImmutableArray<string> RedFlags { get; init; } = [];

    /// <summary>Where legal content applies (<c>global</c>, <c>US</c>, <c>UK</c>, <c>EU</c>…), or null.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>Sources for the facts used.</summary>
    public ImmutableArray<SourceReference> Sources { get; init; } = [];

    /// <summary>Ids of related questions in the same pack.</summary>
    public ImmutableArray<string> Related { get; init; } = [];

    /// <summary>When the facts were last checked, or null.</summary>
    public DateOnly? LastVerified { get; init; }

    /// <summary>Where the question is defined (file or resource, line, column of its first key).</summary>
    public SourceLocation Location { get; init; }
}

/// <summary>A question pack: manifest plus questions. Immutable.</summary>
public sealed record QuestionPack
{
    /// <summary>Pack id; never changes.</summary>
    public required string Id { get; init; }

    /// <summary>Semantic version of the content.</summary>
    public required string Version { get; init; }

    /// <summary>Display title.</summary>
    public required string Title { get; init; }

    /// <summary>The job role the pack prepares for, or null.</summary>
    public string? Role { get; init; }

    /// <summary>What the pack covers, or null.</summary>
    public string? Description { get; init; }

    /// <summary>BCP 47 language tag.</summary>
    public required string Language { get; init; }

    /// <summary>SPDX licence expression of the content.</summary>
    public required string License { get; init; }

    /// <summary>Who wrote the pack.</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>A notice shown with the pack (for example, not legal advice), or null.</summary>
    public string? Disclaimer { get; init; }

    /// <summary>Where the pack is maintained, or null.</summary>
    public string? Homepage { get; init; }

    /// <summary>The categories, in display order.</summary>
    public required ImmutableArray<Category> Categories { get; init; }

    /// <summary>Ids removed in earlier versions; never reusable.</summary>
    public ImmutableArray<string> Retired { get; init; } = [];

    /// <summary>The questions, in file and document order.</summary>
    public required ImmutableArray<Question> Questions { get; init; }

    /// <summary>Where the manifest is defined.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>Finds a category by id, or null.</summary>
    public Category? FindCategory(string id)
    {
        foreach (var category in Categories)
        {
            if (string.Equals(category.Id, id, StringComparison.Ordinal))
            {
                return category;
            }
        }

        return null;
    }
}
