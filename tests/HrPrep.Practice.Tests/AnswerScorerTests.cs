using System.Collections.Immutable;
using HrPrep.Content;
using Xunit;

namespace HrPrep.Practice.Tests;

public class AnswerScorerTests
{
    private static Question Make(string[] keyPoints, string[] redFlags) => new()
    {
        Id = "t-001",
        PackId = "t",
        Prompt = "How would you run a calibration meeting?",
        Category = "c",
        Type = QuestionType.Situational,
        Level = QuestionLevel.Mid,
        Answer = new ModelAnswer("A model answer.", [.. keyPoints]),
        RedFlags = [.. redFlags],
    };

    private static readonly Question Calibration = Make(
        ["Aligns rating standards across managers before ratings are final", "Records every change with the reason"],
        ["Describes calibration as forcing ratings onto a bell curve", "Leaves out the line manager entirely"]);

    [Fact]
    public void Covers_a_key_point_said_with_synonyms_and_other_word_forms_and_names_the_sentence()
    {
        var score = AnswerScorer.Score(Calibration, "We meet first. Bosses align their scoring standards with each other before anything is final.");
        var kp = score.KeyPoints[0];
        Assert.True(kp.Covered);
        Assert.InRange(kp.Score, AnswerScorer.KeyPointThreshold, 1.0);
        Assert.Equal("Bosses align their scoring standards with each other before anything is final.", kp.Evidence);
        Assert.False(score.KeyPoints[1].Covered);
        Assert.Equal(0.5, score.Coverage);
    }

    [Fact]
    public void An_unrelated_answer_covers_nothing_and_hits_nothing()
    {
        var score = AnswerScorer.Score(Calibration, "I enjoy gardening and long walks by the sea.");
        Assert.All(score.KeyPoints, k => Assert.False(k.Covered));
        Assert.All(score.KeyPoints, k => Assert.Null(k.Evidence));
        Assert.Empty(score.RedFlagsHit);
        Assert.Equal(0, score.Coverage);
        Assert.Equal(0, score.Strength);
    }

    [Fact]
    public void Commits_a_red_flag_when_said_but_not_when_negated()
    {
        var said = AnswerScorer.Score(Calibration, "Calibration means forcing the ratings onto a bell curve.");
        Assert.True(said.RedFlags[0].Hit);
        Assert.Equal("Calibration means forcing the ratings onto a bell curve.", said.RedFlags[0].Evidence);

        var negated = AnswerScorer.Score(Calibration, "Calibration is not about forcing ratings onto a bell curve.");
        Assert.False(negated.RedFlags[0].Hit);
    }

    [Fact]
    public void Absence_red_flags_are_marked_as_not_judged()
    {
        var score = AnswerScorer.Score(Calibration, "Anything.");
        Assert.True(score.RedFlags[0].Checkable);
        Assert.False(score.RedFlags[1].Checkable);
        Assert.False(score.RedFlags[1].Hit);
    }

    [Fact]
    public void Is_deterministic_and_keeps_the_rubric_order()
    {
        var q = QuestionBank.Default["hrpm-calib-001"];
        const string answer = "A neutral facilitator chairs it, but the manager still owns the rating. We note each change and why.";
        var a = AnswerScorer.Score(q, answer);
        var b = AnswerScorer.Score(q, answer);
        Assert.Equal(a.Coverage, b.Coverage);
        Assert.Equal(a.KeyPoints, b.KeyPoints);
        Assert.Equal(a.RedFlags, b.RedFlags);
        Assert.Equal(Enumerable.Range(0, q.Answer.KeyPoints.Length), a.KeyPoints.Select(k => k.Index));
        Assert.Equal(q.Answer.KeyPoints, a.KeyPoints.Select(k => k.Text));
        Assert.Equal("hrpm-calib-001", a.QuestionId);
    }

    [Fact]
    public void More_key_points_covered_score_higher()
    {
        var q = QuestionBank.Default["hrpm-calib-001"];
        var one = AnswerScorer.Score(q, "It lines up rating standards across managers before ratings are final.");
        var two = AnswerScorer.Score(q, "It lines up rating standards across managers before ratings are final. Every change is written down with the reason, and we check the final distribution by group.");
        Assert.True(two.Coverage > one.Coverage);
        Assert.True(two.Strength > one.Strength);
    }

    [Fact]
    public void Empty_answer_and_question_without_key_points_are_handled()
    {
        Assert.Equal(0, AnswerScorer.Score(Calibration, string.Empty).Coverage);
        var none = AnswerScorer.Score(Make([], []), "Some answer.");
        Assert.Empty(none.KeyPoints);
        Assert.Equal(0, none.Coverage);
        Assert.Throws<ArgumentNullException>(() => AnswerScorer.Score(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => AnswerScorer.Score(Calibration, null!));
    }
}
