using System.Collections;
using System.Collections.Immutable;
using HrPrep.Content.Querying;

namespace HrPrep.Content;

/// <summary>
/// An immutable, fluent filter over a <see cref="QuestionBank"/>. Each method returns a new query;
/// filters of different kinds are combined with AND, several values of one kind with OR. Enumerate
/// it (or use LINQ) to run it: without a text search the order is the bank's order, with one it is
/// by relevance.
/// </summary>
public sealed class QuestionQuery : IEnumerable<Question>
{
    private readonly QuestionBank bank;
    private readonly ImmutableHashSet<string> packs;
    private readonly ImmutableHashSet<string> categories;
    private readonly ImmutableHashSet<QuestionLevel> levels;
    private readonly ImmutableHashSet<QuestionType> types;
    private readonly ImmutableList<string> tags;
    private readonly string? text;

    internal QuestionQuery(QuestionBank bank)
        : this(bank, ImmutableHashSet.Create<string>(StringComparer.Ordinal), ImmutableHashSet.Create<string>(StringComparer.Ordinal), [], [], [], null)
    {
    }

    private QuestionQuery(QuestionBank bank, ImmutableHashSet<string> packs, ImmutableHashSet<string> categories, ImmutableHashSet<QuestionLevel> levels, ImmutableHashSet<QuestionType> types, ImmutableList<string> tags, string? text)
    {
        this.bank = bank;
        this.packs = packs;
        this.categories = categories;
        this.levels = levels;
        this.types = types;
        this.tags = tags;
        this.text = text;
    }

    /// <summary>Keeps questions of these packs (OR).</summary>
    public QuestionQuery InPack(params string[] packIds) => With(packs: packs.Union(packIds));

    /// <summary>Keeps questions of these categories (OR).</summary>
    public QuestionQuery InCategory(params string[] categoryIds) => With(categories: categories.Union(categoryIds));

    /// <summary>Keeps questions at these levels (OR).</summary>
    public QuestionQuery AtLevel(params QuestionLevel[] values) => With(levels: levels.Union(values));

    /// <summary>Keeps questions of these types (OR).</summary>
    public QuestionQuery OfType(params QuestionType[] values) => With(types: types.Union(values));

    /// <summary>Keeps questions that carry every one of these tags (AND).</summary>
    public QuestionQuery WithTag(params string[] values) => With(tags: tags.AddRange(values));

    /// <summary>Keeps questions matching a text search (case- and accent-insensitive) and orders them by relevance.</summary>
    public QuestionQuery Matching(string? query) => With(text: string.IsNullOrWhiteSpace(query) ? null : query);

    /// <summary>Runs the query, returning ranked hits (score 0 for every hit without a text search).</summary>
    public IReadOnlyList<SearchHit> ToHits()
    {
        if (text is not null)
        {
            return bank.Index.Search(text, Accepts);
        }

        var hits = new List<SearchHit>();
        foreach (var q in bank.Questions)
        {
            if (Accepts(q))
            {
                hits.Add(new SearchHit(q, 0));
            }
        }

        return hits;
    }

    /// <summary>Runs the query.</summary>
    public IReadOnlyList<Question> ToList()
    {
        if (text is not null)
        {
            return bank.Index.Search(text, Accepts).Select(h => h.Question).ToList();
        }

        var result = new List<Question>();
        foreach (var q in bank.Questions)
        {
            if (Accepts(q))
            {
                result.Add(q);
            }
        }

        return result;
    }

    /// <summary>Counts the matching questions.</summary>
    public int Count() => text is null ? bank.Questions.Count(Accepts) : ToHits().Count;

    /// <summary>True when a question passes every filter except the text search.</summary>
    public bool Accepts(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (packs.Count > 0 && !packs.Contains(question.PackId))
        {
            return false;
        }

        if (categories.Count > 0 && !categories.Contains(question.Category))
        {
            return false;
        }

        if (levels.Count > 0 && !levels.Contains(question.Level))
        {
            return false;
        }

        if (types.Count > 0 && !types.Contains(question.Type))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (!question.Tags.Contains(tag, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public IEnumerator<Question> GetEnumerator() => ToList().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private QuestionQuery With(
        ImmutableHashSet<string>? packs = null,
        ImmutableHashSet<string>? categories = null,
        ImmutableHashSet<QuestionLevel>? levels = null,
        ImmutableHashSet<QuestionType>? types = null,
        ImmutableList<string>? tags = null,
        string? text = null) =>
        new(bank, packs ?? this.packs, categories ?? this.categories, levels ?? this.levels, types ?? this.types, tags ?? this.tags, text ?? this.text);
}
