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

    [Fact]
    public void A_key_point_made_across_several_sentences_is_covered_with_the_shortest_run_as_evidence()
    {
        var q = Make(["Records every adjustment with the reason and checks the final distribution by group"], []);
        const string answer = "First we meet. Every adjustment gets written down. I like tea. The reason goes next to it. Then the final distribution is checked by group.";

        var score = AnswerScorer.Score(q, answer);

        // no single sentence has more than a few of the key point's words; the answer as a whole has all of them
        var single = AnswerScorer.SplitSentences(answer).Select(s => AnswerScorer.Score(q, s).KeyPoints[0].Score).Max();
        Assert.True(score.KeyPoints[0].Covered);
        Assert.True(score.KeyPoints[0].Score > single, $"{score.KeyPoints[0].Score} vs {single}");
        Assert.Equal("Every adjustment gets written down. I like tea. The reason goes next to it. Then the final distribution is checked by group.", score.KeyPoints[0].Evidence);
    }

    [Fact]
    public void Words_that_share_their_first_five_letters_match_where_the_stemmer_keeps_them_apart()
    {
        var q = Make(["Builds quarterly checkpoints into the plan"], []);
        const string answer = "We look again every quarter at the checkpoints.";
        var withPrefix = AnswerScorer.Score(q, answer, LexicalTuning.Default);
        var exact = AnswerScorer.Score(q, answer, LexicalTuning.Default with { PrefixLength = 0 });
        Assert.True(withPrefix.KeyPoints[0].Score > exact.KeyPoints[0].Score, $"{withPrefix.KeyPoints[0].Score} vs {exact.KeyPoints[0].Score}");

        Assert.Equal("^quart", Text.TextAnalysis.PrefixKey("quarterli", 5));
        Assert.Null(Text.TextAnalysis.PrefixKey("plan", 5)); // too short: only equal stems match
        Assert.Null(Text.TextAnalysis.PrefixKey("~manag", 5)); // a synonym group is matched as a whole
        Assert.Null(Text.TextAnalysis.PrefixKey("quarterli", 0));
    }

    [Fact]
    public void A_sentence_that_commits_a_red_flag_is_not_evidence_for_a_key_point()
    {
        var q = Make(["Aligns rating standards across managers"], ["Lets managers set their own rating standards without alignment"]);
        var flagged = AnswerScorer.Score(q, "Managers set their own rating standards without alignment.");
        Assert.True(flagged.RedFlags[0].Hit);
        Assert.False(flagged.KeyPoints[0].Covered);

        var said = AnswerScorer.Score(q, "We align rating standards across managers.");
        Assert.False(said.RedFlags[0].Hit);
        Assert.True(said.KeyPoints[0].Covered);
    }

    [Fact]
    public void Strength_grows_with_the_rubric_words_used_and_falls_with_each_red_flag()
    {
        var q = QuestionBank.Default["hrpm-calib-001"];
        var weak = AnswerScorer.Score(q, "Calibration is a meeting.");
        var better = AnswerScorer.Score(q, "Calibration aligns rating standards across managers before ratings are final, focusing on outliers with evidence.");
        Assert.True(better.Strength > weak.Strength);

        // the same answer with and without the red-flag factor: each flag hit costs 15%
        const string Flagged = "Calibration aligns rating standards across managers before ratings are final. Calibration is making ratings fit the required bell curve.";
        var score = AnswerScorer.Score(q, Flagged);
        var unpenalised = AnswerScorer.Score(q, Flagged, LexicalTuning.Default with { RedFlagFactor = 1 });
        Assert.Single(score.RedFlagsHit);
        Assert.Equal(unpenalised.Strength * 0.85, score.Strength, 3);
    }

    [Fact]
    public void The_evidence_run_is_the_shortest_that_has_every_word_found_and_the_first_of_equal_length()
    {
        static List<Text.Sentence> Sentences(int n) => [.. Enumerable.Range(0, n).Select(i => new Text.Sentence("s" + i, []))];

        // words 0 and 1 in s0 and s1, then both in s3: s3 alone is shorter than s0-s1
        Assert.Equal("s3", AnswerScorer.ShortestRun(Sentences(4), [0b01, 0b10, 0, 0b11], 0b11));
        // two runs of two: the first wins
        Assert.Equal("s0 s1", AnswerScorer.ShortestRun(Sentences(5), [0b01, 0b10, 0, 0b01, 0b10], 0b11));
        // a word only at the end: the run stretches to it, starting as late as it can
        Assert.Equal("s1 s2 s3", AnswerScorer.ShortestRun(Sentences(4), [0b001, 0b011, 0b010, 0b100], 0b111));
    }

    [Fact]
    public void The_model_answer_sentence_closest_to_a_key_point_says_what_it_means()
    {
        var q = Make(["Uses frame-of-reference training"], []) with
        {
            Answer = new ModelAnswer(
                "Calibration needs a shared standard. Frame-of-reference training means managers rate sample cases together and compare against agreed answers.",
                ["Uses frame-of-reference training"]),
        };
        const string answer = "I'd have the managers score a few sample cases and compare their scores against agreed answers.";

        // none of the key point's own words, but the model answer's explanation of it: the explanation
        // raises the score (and, without the own-word requirement, covers it)
        var without = AnswerScorer.Score(q, answer, LexicalTuning.Default with { ExpansionWeight = 0 });
        var with = AnswerScorer.Score(q, answer, LexicalTuning.Default with { MinOwnMatches = 0 });
        Assert.Equal(0, without.KeyPoints[0].Score);
        Assert.True(with.KeyPoints[0].Covered, $"score {with.KeyPoints[0].Score}");
        Assert.Equal(answer, with.KeyPoints[0].Evidence);

        // the words of another sentence of the model answer (fewer than two of the key point's words) do not count
        var unrelated = AnswerScorer.Score(q, "Calibration needs a shared standard.");
        Assert.False(unrelated.KeyPoints[0].Covered);
    }

    [Fact]
    public void The_model_answer_words_alone_do_not_cover_a_key_point_without_two_of_its_own_words()
    {
        var q = Make(["Uses frame-of-reference training"], []) with
        {
            Answer = new ModelAnswer(
                "Frame-of-reference training means managers rate sample cases together and compare against agreed answers.",
                ["Uses frame-of-reference training"]),
        };

        // the explanation's words, but none of the key point's own: the topic, not the substance
        const string topicOnly = "I'd have the managers score a few sample cases and compare their scores against agreed answers.";
        Assert.Equal(2, LexicalTuning.Default.MinOwnMatches);
        Assert.False(AnswerScorer.Score(q, topicOnly).KeyPoints[0].Covered);
        Assert.Null(AnswerScorer.Score(q, topicOnly).KeyPoints[0].Evidence);
        Assert.True(AnswerScorer.Score(q, topicOnly, LexicalTuning.Default with { MinOwnMatches = 0 }).KeyPoints[0].Covered);

        // one of its own words is not enough either; two are
        const string oneOwn = "I'd run training where managers score a few sample cases and compare against agreed answers.";
        Assert.False(AnswerScorer.Score(q, oneOwn).KeyPoints[0].Covered);
        const string twoOwn = "I'd run reference training where managers score a few sample cases and compare against agreed answers.";
        var covered = AnswerScorer.Score(q, twoOwn).KeyPoints[0];
        Assert.True(covered.Covered, $"score {covered.Score}");
        Assert.Equal(twoOwn, covered.Evidence);
    }

    [Fact]
    public void The_own_word_requirement_is_all_of_the_words_of_a_key_point_with_fewer()
    {
        var terms = new WeightedTerms(["alpha", "beta", "gamma"], _ => 1.0);
        var need2 = LexicalTuning.Default with { MinOwnMatches = 2 };
        Assert.False(AnswerScorer.HasSubstance(terms, 0b001, need2));
        Assert.True(AnswerScorer.HasSubstance(terms, 0b101, need2));

        // bits past the key point's own words (the model-answer words) do not count
        Assert.False(AnswerScorer.HasSubstance(terms, 0b1001, need2));

        // a key point of one word needs only that word
        var single = new WeightedTerms(["alpha"], _ => 1.0);
        Assert.True(AnswerScorer.HasSubstance(single, 0b1, LexicalTuning.Default with { MinOwnMatches = 3 }));
        Assert.True(AnswerScorer.HasSubstance(terms, 0, LexicalTuning.Default with { MinOwnMatches = 0 }));
    }
}
