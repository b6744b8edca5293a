using HrPrep.Content;
using HrPrep.Practice.Evaluation;
using Xunit;

namespace HrPrep.Practice.Tests;

/// <summary>The shape every labelled set must have, shared by the checks of each set.</summary>
internal static class LabelledShape
{
    /// <summary>
    /// At least 30 shipped questions, each with one weak, one partial and one strong answer; labels
    /// index the question's key points and red flags; strong covers more than half the key points and
    /// more than partial, which covers more than weak; weak commits a red flag (and, when asked,
    /// strong commits none).
    /// </summary>
    public static void Check(IReadOnlyList<LabelledAnswer> answers, QuestionBank bank, bool strongHasNoRedFlags)
    {
        var byQuestion = answers.GroupBy(a => a.QuestionId).ToList();
        Assert.True(byQuestion.Count >= 30, $"only {byQuestion.Count} questions");
        foreach (var group in byQuestion)
        {
            var q = bank.Find(group.Key);
            Assert.True(q is not null, $"unknown question id {group.Key}");
            Assert.Equal([Grade.Weak, Grade.Partial, Grade.Strong], group.Select(a => a.Grade).Order());
            foreach (var a in group)
            {
                Assert.All(a.KeyPoints, i => Assert.InRange(i, 0, q!.Answer.KeyPoints.Length - 1));
                Assert.All(a.RedFlags, i => Assert.InRange(i, 0, q!.RedFlags.Length - 1));
            }

            var strong = group.Single(a => a.Grade == Grade.Strong);
            var partial = group.Single(a => a.Grade == Grade.Partial);
            var weak = group.Single(a => a.Grade == Grade.Weak);
            Assert.True(strong.KeyPoints.Count * 2 > q!.Answer.KeyPoints.Length, $"{group.Key}: strong answer covers too few key points");
            Assert.True(strong.KeyPoints.Count > partial.KeyPoints.Count && partial.KeyPoints.Count > weak.KeyPoints.Count, $"{group.Key}: grades do not order by key points");
            if (strongHasNoRedFlags)
            {
                Assert.Empty(strong.RedFlags);
            }

            Assert.NotEmpty(weak.RedFlags);
        }
    }
}
