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

/// <summary>
/// Where a question's prompt comes from (for example a published list of interview questions).
/// This credits the prompt's origin; it is not evidence for the facts (those go in <see cref="Question.Sources"/>).
/// </summary>
/// <param name="Title">Who or what the prompt is credited to (non-empty).</param>
/// <param name="Url">An https address of the origin, if given.</param>
public sealed record PromptAttribution(string Title, string? Url);

/// <summary>A question's model answer. Compares by content (the key points element by element).</summary>
/// <param name="Summary">The model answer (Markdown).</param>
/// <param name="KeyPoints">Points a strong answer must cover.</param>
public sealed record ModelAnswer(string Summary, ImmutableArray<string> KeyPoints)
{
    /// <summary>True when both answers have the same summary and the same key points in the same order.</summary>
    public bool Equals(ModelAnswer? other) =>
        ReferenceEquals(this, other)
        || (other is not null && ValueEquality.Same(Summary, other.Summary) && ValueEquality.Same(KeyPoints, other.KeyPoints));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Summary, ValueEquality.Length(KeyPoints));
}

/// <summary>A small data table of a case study. Cells are kept as written. Compares by content (every cell).</summary>
/// <param name="Caption">What the table shows, if given.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Rows of cells.</param>
public sealed record ScenarioTable(string? Caption, ImmutableArray<string> Columns, ImmutableArray<ImmutableArray<string>> Rows)
{
    /// <summary>True when both tables have the same caption, columns and rows (cell by cell).</summary>
    public bool Equals(ScenarioTable? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && ValueEquality.Same(Caption, other.Caption)
            && ValueEquality.Same(Columns, other.Columns)
            && ValueEquality.SameRows(Rows, other.Rows));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Caption, ValueEquality.Length(Columns), ValueEquality.Length(Rows));
}

/// <summary>The scenario of a case study.</summary>
/// <param name="Text">The scenario (Markdown).</param>
/// <param name="Table">An optional data table.</param>
public sealed record Scenario(string Text, ScenarioTable? Table);

/// <summary>
/// One interview question with its model answer and interviewer notes. Immutable. Compares by
/// content: every property except <see cref="Location"/> (where it was read from), arrays element by element.
/// </summary>
public sealed record Question
{
    private SourceLocation _location;
    private string _id = null!;
    private string _packId = null!;
    private string _prompt = null!;
    private string _category = null!;
    private QuestionType _type;
    private QuestionLevel _level;
    private QuestionOrigin _origin;
    private ImmutableArray<string> _tags = [];
    private Scenario? _scenario;
    private ModelAnswer _answer = null!;
    private ImmutableArray<string> _followUps = [];
    private ImmutableArray<string> _lookFor = [];
    private ImmutableArray<string> _redFlags = [];
    private string? _jurisdiction;
    private ImmutableArray<SourceReference> _sources = [];
    private ImmutableArray<string> _related = [];
    private DateOnly? _lastVerified;
    private DateOnly? _reviewBy;
    private PromptAttribution? _attribution;

    /// <summary>Creates an instance; set the members with an object initializer.</summary>
#pragma warning disable CS8618 // the required members are set by the caller's object initializer
    public Question()
    {
    }
#pragma warning restore CS8618

    /// <summary>
    /// Initialises every member directly, without validation (the compiled-pack reader uses it so
    /// start-up makes no setter calls). Prefer the object initializer elsewhere.
    /// </summary>
    /// <param name="id">See <see cref="Id"/>.</param>
    /// <param name="packId">See <see cref="PackId"/>.</param>
    /// <param name="prompt">See <see cref="Prompt"/>.</param>
    /// <param name="category">See <see cref="Category"/>.</param>
    /// <param name="type">See <see cref="Type"/>.</param>
    /// <param name="level">See <see cref="Level"/>.</param>
    /// <param name="origin">See <see cref="Origin"/>.</param>
    /// <param name="tags">See <see cref="Tags"/>.</param>
    /// <param name="scenario">See <see cref="Scenario"/>.</param>
    /// <param name="answer">See <see cref="Answer"/>.</param>
    /// <param name="followUps">See <see cref="FollowUps"/>.</param>
    /// <param name="lookFor">See <see cref="LookFor"/>.</param>
    /// <param name="redFlags">See <see cref="RedFlags"/>.</param>
    /// <param name="jurisdiction">See <see cref="Jurisdiction"/>.</param>
    /// <param name="sources">See <see cref="Sources"/>.</param>
    /// <param name="related">See <see cref="Related"/>.</param>
    /// <param name="lastVerified">See <see cref="LastVerified"/>.</param>
    /// <param name="reviewBy">See <see cref="ReviewBy"/>.</param>
    /// <param name="attribution">See <see cref="Attribution"/>.</param>
    /// <param name="location">See <see cref="Location"/>.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
#pragma warning disable CS8618 // every member is assigned through its backing field
    public Question(
        string id,
        string packId,
        string prompt,
        string category,
        QuestionType @type,
        QuestionLevel level,
        QuestionOrigin origin,
        ImmutableArray<string> tags,
        Scenario? scenario,
        ModelAnswer answer,
        ImmutableArray<string> followUps,
        ImmutableArray<string> lookFor,
        ImmutableArray<string> redFlags,
        string? jurisdiction,
        ImmutableArray<SourceReference> sources,
        ImmutableArray<string> related,
        DateOnly? lastVerified,
        DateOnly? reviewBy,
        PromptAttribution? attribution,
        SourceLocation location)
    {
        _location = location;
        _id = id;
        _packId = packId;
        _prompt = prompt;
        _category = category;
        _type = @type;
        _level = level;
        _origin = origin;
        _tags = tags;
        _scenario = scenario;
        _answer = answer;
        _followUps = followUps;
        _lookFor = lookFor;
        _redFlags = redFlags;
        _jurisdiction = jurisdiction;
        _sources = sources;
        _related = related;
        _lastVerified = lastVerified;
        _reviewBy = reviewBy;
        _attribution = attribution;
    }

    /// <summary>Stable id, unique in its pack, never reused.</summary>
    public required string Id { get => _id; init => _id = value; }

    /// <summary>Id of the pack the question belongs to.</summary>
    public required string PackId { get => _packId; init => _packId = value; }

    /// <summary>The question as the interviewer asks it.</summary>
    public required string Prompt { get => _prompt; init => _prompt = value; }

    /// <summary>Id of the question's category in its pack.</summary>
    public required string Category { get => _category; init => _category = value; }

    /// <summary>The kind of question.</summary>
    public required QuestionType Type { get => _type; init => _type = value; }

    /// <summary>The seniority it targets.</summary>
    public required QuestionLevel Level { get => _level; init => _level = value; }

    /// <summary>Where the question comes from.</summary>
    public QuestionOrigin Origin { get => _origin; init => _origin = value; }

    /// <summary>Free tags.</summary>
    public ImmutableArray<string> Tags { get => _tags; init => _tags = value; }

    /// <summary>The scenario of a case study, or null.</summary>
    public Scenario? Scenario { get => _scenario; init => _scenario = value; }

    /// <summary>The model answer.</summary>
    public required ModelAnswer Answer { get => _answer; init => _answer = value; }

    /// <summary>Probing follow-up questions.</summary>
    public ImmutableArray<string> FollowUps { get => _followUps; init => _followUps = value; }

    /// <summary>What interviewers listen for.</summary>
    public ImmutableArray<string> LookFor { get => _lookFor; init => _lookFor = value; }

    /// <summary>Specific failure modes in an answer.</summary>
    public ImmutableArray<string> RedFlags { get => _redFlags; init => _redFlags = value; }

    /// <summary>Where legal content applies (<c>global</c>, <c>US</c>, <c>UK</c>, <c>EU</c>…), or null.</summary>
    public string? Jurisdiction { get => _jurisdiction; init => _jurisdiction = value; }

    /// <summary>Sources for the facts used.</summary>
    public ImmutableArray<SourceReference> Sources { get => _sources; init => _sources = value; }

    /// <summary>Ids of related questions in the same pack.</summary>
    public ImmutableArray<string> Related { get => _related; init => _related = value; }

    /// <summary>When the facts were last checked, or null.</summary>
    public DateOnly? LastVerified { get => _lastVerified; init => _lastVerified = value; }

    /// <summary>
    /// The date by which the facts must be checked again (law still changing), or null.
    /// The <c>review-due</c> lint rule reports it once the date is near or past.
    /// </summary>
    public DateOnly? ReviewBy { get => _reviewBy; init => _reviewBy = value; }

    /// <summary>Where the prompt comes from (credit, not evidence), or null for prompts written for the pack.</summary>
    public PromptAttribution? Attribution { get => _attribution; init => _attribution = value; }

    /// <summary>
    /// Where the question is defined (file or resource, line, column of its first key). Not part of
    /// equality: the same question read from two places is equal.
    /// </summary>
    public SourceLocation Location { get => _location; init => _location = value; }

    /// <summary>True when both questions have the same content: every property except <see cref="Location"/>.</summary>
    public bool Equals(Question? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && ValueEquality.Same(_id, other._id)
            && ValueEquality.Same(_packId, other._packId)
            && ValueEquality.Same(_prompt, other._prompt)
            && ValueEquality.Same(_category, other._category)
            && _type == other._type
            && _level == other._level
            && _origin == other._origin
            && ValueEquality.Same(_tags, other._tags)
            && Equals(_scenario, other._scenario)
            && Equals(_answer, other._answer)
            && ValueEquality.Same(_followUps, other._followUps)
            && ValueEquality.Same(_lookFor, other._lookFor)
            && ValueEquality.Same(_redFlags, other._redFlags)
            && ValueEquality.Same(_jurisdiction, other._jurisdiction)
            && ValueEquality.Same(_sources, other._sources)
            && ValueEquality.Same(_related, other._related)
            && _lastVerified == other._lastVerified
            && _reviewBy == other._reviewBy
            && Equals(_attribution, other._attribution);
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_id, _packId, _prompt, _type, _level);
}

/// <summary>
/// A question pack: manifest plus questions. Immutable. Compares by content: every property except
/// <see cref="Location"/>, the questions one by one in order.
/// </summary>
public sealed record QuestionPack
{
    private string _id = null!;
    private string _version = null!;
    private string _title = null!;
    private string? _role;
    private string? _description;
    private string _language = null!;
    private string _license = null!;
    private ImmutableArray<string> _authors = [];
    private string? _disclaimer;
    private string? _homepage;
    private ImmutableArray<Category> _categories;
    private ImmutableArray<string> _retired = [];
    private ImmutableArray<Question> _questions;
    private SourceLocation _location;

    /// <summary>Creates an instance; set the members with an object initializer.</summary>
#pragma warning disable CS8618 // the required members are set by the caller's object initializer
    public QuestionPack()
    {
    }
#pragma warning restore CS8618

    /// <summary>
    /// Initialises every member directly, without validation (the compiled-pack reader uses it so
    /// start-up makes no setter calls). Prefer the object initializer elsewhere.
    /// </summary>
    /// <param name="id">See <see cref="Id"/>.</param>
    /// <param name="version">See <see cref="Version"/>.</param>
    /// <param name="title">See <see cref="Title"/>.</param>
    /// <param name="role">See <see cref="Role"/>.</param>
    /// <param name="description">See <see cref="Description"/>.</param>
    /// <param name="language">See <see cref="Language"/>.</param>
    /// <param name="license">See <see cref="License"/>.</param>
    /// <param name="authors">See <see cref="Authors"/>.</param>
    /// <param name="disclaimer">See <see cref="Disclaimer"/>.</param>
    /// <param name="homepage">See <see cref="Homepage"/>.</param>
    /// <param name="categories">See <see cref="Categories"/>.</param>
    /// <param name="retired">See <see cref="Retired"/>.</param>
    /// <param name="questions">See <see cref="Questions"/>.</param>
    /// <param name="location">See <see cref="Location"/>.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
#pragma warning disable CS8618 // every member is assigned through its backing field
    public QuestionPack(
        string id,
        string version,
        string title,
        string? role,
        string? description,
        string language,
        string license,
        ImmutableArray<string> authors,
        string? disclaimer,
        string? homepage,
        ImmutableArray<Category> categories,
        ImmutableArray<string> retired,
        ImmutableArray<Question> questions,
        SourceLocation location)
    {
        _id = id;
        _version = version;
        _title = title;
        _role = role;
        _description = description;
        _language = language;
        _license = license;
        _authors = authors;
        _disclaimer = disclaimer;
        _homepage = homepage;
        _categories = categories;
        _retired = retired;
        _questions = questions;
        _location = location;
    }
#pragma warning restore CS8618

    /// <summary>Pack id; never changes.</summary>
    public required string Id { get => _id; init => _id = value; }

    /// <summary>Semantic version of the content.</summary>
    public required string Version { get => _version; init => _version = value; }

    /// <summary>Display title.</summary>
    public required string Title { get => _title; init => _title = value; }

    /// <summary>The job role the pack prepares for, or null.</summary>
    public string? Role { get => _role; init => _role = value; }

    /// <summary>What the pack covers, or null.</summary>
    public string? Description { get => _description; init => _description = value; }

    /// <summary>BCP 47 language tag.</summary>
    public required string Language { get => _language; init => _language = value; }

    /// <summary>SPDX licence expression of the content.</summary>
    public required string License { get => _license; init => _license = value; }

    /// <summary>Who wrote the pack.</summary>
    public ImmutableArray<string> Authors { get => _authors; init => _authors = value; }

    /// <summary>A notice shown with the pack (for example, not legal advice), or null.</summary>
    public string? Disclaimer { get => _disclaimer; init => _disclaimer = value; }

    /// <summary>Where the pack is maintained, or null.</summary>
    public string? Homepage { get => _homepage; init => _homepage = value; }

    /// <summary>The categories, in display order.</summary>
    public required ImmutableArray<Category> Categories { get => _categories; init => _categories = value; }

    /// <summary>Ids removed in earlier versions; never reusable.</summary>
    public ImmutableArray<string> Retired { get => _retired; init => _retired = value; }

    /// <summary>The questions, in file and document order.</summary>
    public required ImmutableArray<Question> Questions { get => _questions; init => _questions = value; }

    /// <summary>Where the manifest is defined. Not part of equality.</summary>
    public SourceLocation Location { get => _location; init => _location = value; }

    /// <summary>True when both packs have the same manifest (every property except <see cref="Location"/>) and equal questions in the same order.</summary>
    public bool Equals(QuestionPack? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && ValueEquality.Same(_id, other._id)
            && ValueEquality.Same(_version, other._version)
            && ValueEquality.Same(_title, other._title)
            && ValueEquality.Same(_role, other._role)
            && ValueEquality.Same(_description, other._description)
            && ValueEquality.Same(_language, other._language)
            && ValueEquality.Same(_license, other._license)
            && ValueEquality.Same(_authors, other._authors)
            && ValueEquality.Same(_disclaimer, other._disclaimer)
            && ValueEquality.Same(_homepage, other._homepage)
            && ValueEquality.Same(_categories, other._categories)
            && ValueEquality.Same(_retired, other._retired)
            && ValueEquality.Same(_questions, other._questions);
    }

    /// <summary>A hash of the id, version and question count (cheap; consistent with <see cref="Equals(QuestionPack?)"/>).</summary>
    public override int GetHashCode() => HashCode.Combine(_id, _version, ValueEquality.Length(_questions));

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
