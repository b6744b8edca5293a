using HrPrep.Content;
using HrPrep.Packs;

namespace HrPrep.Authoring.Writing;

/// <summary>Builds the starting point of a new pack: a manifest, one category and one example question.</summary>
public static class PackScaffold
{
    /// <summary>True when <paramref name="id"/> is a valid pack or question id.</summary>
    public static bool IsValidId(string? id) => id is not null && Patterns.Id().IsMatch(id);

    /// <summary>
    /// The new pack (version 0.1.0, one category <c>general</c>, one example question). The example
    /// carries no <c>lastVerified</c>: nobody has checked its facts yet, and the date is a promise.
    /// </summary>
    /// <exception cref="ArgumentException">The id is not a valid pack id.</exception>
    public static QuestionPack Create(string packId)
    {
        if (!IsValidId(packId))
        {
            throw new ArgumentException($"'{packId}' is not a valid pack id: {Patterns.IdHint}", nameof(packId));
        }

        string title = string.Join(' ', packId.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        string prefix = packId.Length <= 40 ? packId : packId[..40].TrimEnd('-');
        return new QuestionPack
        {
            Id = packId,
            Version = "0.1.0",
            Title = title,
            Role = title,
            Description = $"Interview preparation for {title} roles. Replace this description with who the pack is for and what it covers.",
            Language = "en",
            License = "CC-BY-4.0",
            Authors = ["Your name"],
            Categories = [new Category("general", "General", "Questions about the role as a whole.")],
            Retired = [],
            Questions =
            [
                new Question
                {
                    Id = prefix + "-general-001",
                    PackId = packId,
                    Prompt = "Walk me through how you would plan your first 90 days in this role.",
                    Category = "general",
                    Type = QuestionType.Situational,
                    Level = QuestionLevel.Mid,
                    Tags = ["onboarding", "planning"],
                    Answer = new ModelAnswer(
                        """
                        I would split the first 90 days into three phases of roughly a month each.

                        **Listen (days 1-30).** Meet my manager, peers and the people I support, read the
                        existing plans and data, and write down what works, what does not and why.

                        **Plan (days 31-60).** Agree two or three priorities with my manager, each with a
                        measurable outcome, and share the plan with the people it affects.

                        **Deliver (days 61-90).** Ship one visible improvement, report progress against the
                        outcomes and adjust the plan with what I have learned.

                        *Example (invented):* listening first surfaced a reporting gap in the first month,
                        which became the quick win that built trust for larger changes. Listening first
                        delays visible results, but acting before understanding the context risks fixing
                        the wrong problem.
                        """,
                        ["Structures the period into phases", "Listens before acting", "Agrees measurable priorities with the manager", "Delivers an early, visible improvement"]),
                    FollowUps = ["What would you do if your manager's priorities conflict with your findings?", "How would you measure success at day 90?"],
                    LookFor = ["A plan with phases and measurable outcomes", "(senior) Stakeholder mapping and change management"],
                    RedFlags = ["Promises big changes before understanding the context", "No measure of success", "Ignores the people affected"],
                    Jurisdiction = "global",
                },
            ],
        };
    }

    /// <summary>The new pack; <paramref name="today"/> is ignored (see <see cref="Create(string)"/>).</summary>
    /// <exception cref="ArgumentException">The id is not a valid pack id.</exception>
    [Obsolete("The example question no longer carries lastVerified (a date is a promise that facts were checked); use Create(packId).")]
    public static QuestionPack Create(string packId, DateOnly today) => Create(packId);
}
