using System.Collections;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using HrPrep.Content.Querying;

namespace HrPrep.Content;

/// <summary>
/// An immutable, fluent filter over a <see cref="QuestionBank"/>. Each method returns a new query;
/// filters of different kinds are combined with AND, several values of one kind with OR. Enumerate
/// it (or use LINQ) to run it: without a text search the order is the bank's order, with one it is
/// by relevance. Results are <see cref="ImmutableArray{T}"/>, like every collection of the library.
/// Method names do not collide with LINQ's: <see cref="WithType"/> (not <c>OfType</c>) and
/// <see cref="CountMatches"/>; LINQ's <c>Count()</c>, <c>ToList()</c> and <c>ToArray()</c> work as
/// usual, by enumerating. <see cref="ToImmutableArray"/> returns what the extension of that name
/// would (the same elements, the same type), without copying through an enumerator.
/// </summary>
public sealed class QuestionQuery : IEnumerable<Question>
{
    // Plain arrays and bit masks: cheap to create and to JIT, so a first query costs little at start-up.
    private readonly QuestionBank bank;
    private readonly string[] packs;
    private readonly string[] categories;
    private readonly int levels;
    private readonly int types;
    private readonly string[] tags;
    private readonly string? text;

    internal QuestionQuery(QuestionBank bank, string[] packs, string[] categories, int levels, int types, string[] tags, string? text)
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
    public QuestionQuery InPack(params string[] packIds) => new(bank, Concat(packs, packIds), categories, levels, types, tags, text);

    /// <summary>Keeps questions of these categories (OR).</summary>
    public QuestionQuery InCategory(params string[] categoryIds) => new(bank, packs, Concat(categories, categoryIds), levels, types, tags, text);

    /// <summary>Keeps questions at these levels (OR).</summary>
    public QuestionQuery AtLevel(params QuestionLevel[] values) => new(bank, packs, categories, levels | Mask(values), types, tags, text);

    /// <summary>Keeps questions of these types (OR).</summary>
    public QuestionQuery WithType(params QuestionType[] values) => new(bank, packs, categories, levels, types | Mask(values), tags, text);

    /// <summary>Keeps questions that carry every one of these tags (AND).</summary>
    public QuestionQuery WithTag(params string[] values) => new(bank, packs, categories, levels, types, Concat(tags, values), text);

    /// <summary>Keeps questions matching a text search (case- and accent-insensitive) and orders them by relevance.</summary>
    public QuestionQuery Matching(string? query) =>
        new(bank, packs, categories, levels, types, tags, string.IsNullOrWhiteSpace(query) ? null : query);

    /// <summary>Runs the query, returning ranked hits (score 0 for every hit without a text search).</summary>
    public ImmutableArray<SearchHit> ToHits()
    {
        if (text is not null)
        {
            return RankedHits(text);
        }

        var hits = new List<SearchHit>();
        foreach (var q in bank.Questions)
        {
            if (Accepts(q))
            {
                hits.Add(new SearchHit(q, 0));
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(hits.ToArray());
    }

    /// <summary>Runs the query: the matching questions, in the bank's order (by relevance with a text search).</summary>
    public ImmutableArray<Question> ToImmutableArray()
    {
        if (text is not null)
        {
            return RankedQuestions(text);
        }

        var result = new List<Question>();
        foreach (var q in bank.Questions)
        {
            if (Accepts(q))
            {
                result.Add(q);
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result.ToArray());
    }

    /// <summary>Counts the matching questions without building a result.</summary>
    public int CountMatches()
    {
        if (text is not null)
        {
            return RankedCount(text);
        }

        int n = 0;
        foreach (var q in bank.Questions)
        {
            if (Accepts(q))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>True when a question passes every filter except the text search.</summary>
    public bool Accepts(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (packs.Length > 0 && !Contains(packs, question.PackId))
        {
            return false;
        }

        if (categories.Length > 0 && !Contains(categories, question.Category))
        {
            return false;
        }

        if (levels != 0 && (levels & (1 << (int)question.Level)) == 0)
        {
            return false;
        }

        if (types != 0 && (types & (1 << (int)question.Type)) == 0)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            bool found = false;
            foreach (var t in question.Tags)
            {
                if (string.Equals(t, tag, StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public IEnumerator<Question> GetEnumerator() => ((IEnumerable<Question>)ToImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The text-search paths live in their own methods, so that a query without text does not make
    // the JIT resolve the search index's types (and load their assemblies) at start-up.
    private ImmutableArray<SearchHit> RankedHits(string query) =>
        ImmutableCollectionsMarshal.AsImmutableArray(bank.Index.Search(query, Accepts).ToArray());

    private ImmutableArray<Question> RankedQuestions(string query)
    {
        var ranked = bank.Index.Search(query, Accepts);
        var questions = new Question[ranked.Count];
        for (int i = 0; i < questions.Length; i++)
        {
            questions[i] = ranked[i].Question;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(questions);
    }

    private int RankedCount(string query) => bank.Index.Search(query, Accepts).Count;

    private static string[] Concat(string[] first, string[] second)
    {
        // A null array throws NullReferenceException, as the collection expression this replaces did.
        if (first.Length == 0 && second.Length == 0)
        {
            return first;
        }

        var all = new string[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }

    private static bool Contains(string[] values, string value)
    {
        foreach (var v in values)
        {
            if (string.Equals(v, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int Mask(QuestionLevel[] values)
    {
        int mask = 0;
        foreach (var v in values)
        {
            mask |= 1 << (int)v;
        }

        return mask;
    }

    private static int Mask(QuestionType[] values)
    {
        int mask = 0;
        foreach (var v in values)
        {
            mask |= 1 << (int)v;
        }

        return mask;
    }
}
