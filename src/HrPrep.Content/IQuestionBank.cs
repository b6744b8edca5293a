using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using HrPrep.Content.Querying;

namespace HrPrep.Content;

/// <summary>
/// A read-only set of question packs: what an application needs to look questions up, query,
/// search and sample them. <see cref="QuestionBank"/> implements it; register one instance (for
/// example <see cref="QuestionBank.Default"/>) as a singleton and inject this interface, so tests
/// can substitute their own bank (a <see cref="QuestionBank"/> built from test packs, or a fake).
/// Implementations are thread-safe.
/// </summary>
public interface IQuestionBank
{
    /// <summary>The packs, ordered by id.</summary>
    ImmutableArray<QuestionPack> Packs { get; }

    /// <summary>Every question: packs in id order, questions in file order.</summary>
    ImmutableArray<Question> Questions { get; }

    /// <summary>The content version (the pack's version, or <c>packA@1.0.0+packB@2.1.0</c> for several packs).</summary>
    string ContentVersion { get; }

    /// <summary>Gets a question by id.</summary>
    /// <exception cref="KeyNotFoundException">No question has that id.</exception>
    Question this[string id] { get; }

    /// <summary>Finds a question by id, or null.</summary>
    Question? Find(string id);

    /// <summary>Finds a question by id.</summary>
    /// <param name="id">The question id.</param>
    /// <param name="question">The question when found; null otherwise.</param>
    /// <returns>True when a question has that id.</returns>
    bool TryGet(string id, [MaybeNullWhen(false)] out Question question);

    /// <summary>Finds a pack by id, or null.</summary>
    QuestionPack? FindPack(string id);

    /// <summary>The category a question belongs to.</summary>
    /// <exception cref="ArgumentException">The question is not in this bank.</exception>
    Category CategoryOf(Question question);

    /// <summary>Starts a fluent query over every question.</summary>
    QuestionQuery Query();

    /// <summary>Ranked, case- and accent-insensitive text search over prompt, tags and answer.</summary>
    ImmutableArray<SearchHit> Search(string query);

    /// <summary>Draws a reproducible mock interview.</summary>
    SampleResult Sample(SampleRequest request);

    /// <summary>Draws <paramref name="count"/> questions with a seed.</summary>
    SampleResult Sample(int count, ulong seed);
}
