using HrPrep.Content;
using HrPrep.Tests.Shared;
using PublicApiGenerator;
using Xunit;

[assembly: AssemblyFixture(typeof(HrPrep.Practice.Semantic.Tests.ModelFixture))]

namespace HrPrep.Practice.Semantic.Tests;

/// <summary>One loaded model for every test (loading takes a few hundred milliseconds).</summary>
public sealed class ModelFixture : IDisposable
{
    public SemanticAnswerScorer Scorer { get; } = new();

    internal SentenceEmbedder Embedder { get; } = new(1);

    public void Dispose()
    {
        Scorer.Dispose();
        Embedder.Dispose();
    }
}

/// <summary>Real inference with the shipped all-MiniLM-L6-v2 weights; no test here stubs the model.</summary>
public class SemanticScorerTests(ModelFixture model)
{
    // A rubric written for these tests (not from the shipped packs), and an answer that says every
    // key point in other words; the first sentence shares no content word with key point 0.
    private static readonly Question Underperformance = new()
    {
        Id = "t-sem-001",
        PackId = "t",
        Prompt = "An employee on your team is underperforming. What do you do?",
        Category = "c",
        Type = QuestionType.Situational,
        Level = QuestionLevel.Mid,
        Answer = new ModelAnswer("A model answer.", [
            "Explains that expectations must be set out clearly in writing",
            "Holds regular check-ins to review progress",
            "Offers training or coaching to close skill gaps",
        ]),
        RedFlags = ["Says the employee should be dismissed straight away"],
    };

    private const string Paraphrase = """
        I would put the expected standards down on paper so there is no doubt.
        We would catch up regularly to check on progress.
        I would get them coaching to fill the gaps in what they can do.
        """;

    [Fact]
    public void Embeddings_are_unit_vectors_and_put_a_paraphrase_far_closer_than_an_unrelated_sentence()
    {
        var v = model.Embedder.Embed([
            "Managers agree on one standard for ratings before they are final.",
            "Before ratings are locked, the managers align on a common yardstick.",
            "My favourite holiday was a week of hiking in the mountains.",
        ]);

        Assert.All(v, x => Assert.Equal(384, x.Length));
        Assert.All(v, x => Assert.Equal(1.0, Math.Sqrt(x.Sum(f => (double)f * f)), 3));
        double paraphrase = SentenceEmbedder.Cosine(v[0], v[1]);
        double unrelated = SentenceEmbedder.Cosine(v[0], v[2]);
        Assert.True(paraphrase > 0.5, $"paraphrase cosine {paraphrase}");
        Assert.True(unrelated < 0.2, $"unrelated cosine {unrelated}");
    }

    [Fact]
    public void The_same_texts_give_bit_identical_vectors_from_a_second_model_instance()
    {
        string[] texts = ["Ratings drive pay rises, bonuses and promotions.", "Calibration evens out tough and soft raters."];
        using var other = new SentenceEmbedder(1);
        var a = model.Embedder.Embed(texts);
        var b = other.Embed(texts);
        var c = model.Embedder.Embed(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(a[i], b[i]);
            Assert.Equal(a[i], c[i]);
        }
    }

    [Fact]
    public void Combined_scorer_finds_paraphrased_key_points_the_lexical_scorer_misses()
    {
        var lexical = AnswerScorer.Score(Underperformance, Paraphrase);
        var combined = model.Scorer.Score(Underperformance, Paraphrase);

        Assert.False(lexical.KeyPoints[0].Covered);
        Assert.True(combined.Covered.Count() > lexical.Covered.Count(), $"lexical {lexical.Covered.Count()}, combined {combined.Covered.Count()}");
        Assert.Equal(3, combined.Covered.Count());
        Assert.True(combined.Coverage > lexical.Coverage);
        // ranking: the lexical strength (the mixes with semantic coverage and cosine ranked worse on both labelled sets)
        Assert.Equal(lexical.Strength, combined.Strength);
        foreach (var k in combined.KeyPoints)
        {
            // evidence is one sentence of the answer
            Assert.Contains(k.Evidence!, AnswerScorer.SplitSentences(Paraphrase));
            Assert.InRange(k.Score, 0.0, 1.0);
        }

        Assert.Equal("I would put the expected standards down on paper so there is no doubt.", combined.KeyPoints[0].Evidence);
        Assert.True(combined.KeyPoints[0].Score >= SemanticAnswerScorer.Tuning.Default.Similarity);
        Assert.Equal(lexical.RedFlags, combined.RedFlags);
    }

    [Fact]
    public void A_red_flag_said_in_other_words_is_hit_by_meaning_and_lowers_strength()
    {
        // one content word ("away") in common with "Says the employee should be dismissed straight away": the lexical scorer needs two
        string answer = Paraphrase + "\nThey should be let go right away.";
        var lexical = AnswerScorer.Score(Underperformance, answer);
        var combined = model.Scorer.Score(Underperformance, answer);

        Assert.False(lexical.RedFlags[0].Hit);
        Assert.True(combined.RedFlags[0].Hit, $"score {combined.RedFlags[0].Score}");
        Assert.Equal("They should be let go right away.", combined.RedFlags[0].Evidence);
        Assert.True(combined.Strength < lexical.Strength);

        // a sentence about a key point is closer to it than to the red flag: not a hit
        Assert.False(model.Scorer.Score(Underperformance, Paraphrase).RedFlags[0].Hit);
    }

    [Fact]
    public void An_off_topic_answer_covers_nothing_and_an_empty_answer_scores_zero()
    {
        var offTopic = model.Scorer.Score(Underperformance, "I enjoy gardening and long walks by the sea. The weather was lovely last summer.");
        Assert.Empty(offTopic.Covered);
        Assert.Equal(0, offTopic.Coverage);

        var empty = model.Scorer.Score(Underperformance, "   ");
        Assert.Empty(empty.Covered);
        Assert.Equal(0, empty.Strength);
        Assert.All(empty.KeyPoints, k => Assert.Null(k.Evidence));
    }

    [Fact]
    public void Scoring_is_deterministic_and_a_red_flag_lowers_strength()
    {
        var a = model.Scorer.Score(Underperformance, Paraphrase);
        var b = model.Scorer.Score(Underperformance, Paraphrase);
        Assert.Equal(a.Strength, b.Strength);
        Assert.Equal(a.KeyPoints, b.KeyPoints);

        var flagged = model.Scorer.Score(Underperformance, Paraphrase + "\nHonestly, the employee should be dismissed straight away.");
        Assert.True(flagged.RedFlags[0].Hit);
        Assert.True(flagged.Strength < a.Strength);
    }

    [Fact]
    public void Scoring_from_several_threads_at_once_gives_the_sequential_results()
    {
        string[] answers =
        [
            Paraphrase,
            "I enjoy gardening and long walks by the sea.",
            "We would catch up regularly to check on progress. I would get them coaching.",
            "Honestly, the employee should be dismissed straight away.",
        ];
        var sequential = answers.Select(a => model.Scorer.Score(Underperformance, a)).ToList();
        var parallel = new AnswerScore[answers.Length * 8];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = model.Scorer.Score(Underperformance, answers[i % answers.Length]));
        for (int i = 0; i < parallel.Length; i++)
        {
            var expected = sequential[i % answers.Length];
            Assert.Equal(expected.Strength, parallel[i].Strength);
            Assert.Equal(expected.KeyPoints, parallel[i].KeyPoints);
        }
    }

    [Fact]
    public void A_very_long_sentence_is_embedded_in_windows_and_does_not_fail()
    {
        string filler = string.Join(' ', Enumerable.Repeat("and then we talked about the weather", 120));
        string answer = filler + " then I arranged a course or a mentor to build the missing skills " + filler;
        Assert.True(AnswerScorer.SplitSentences(answer).Count == 1);
        Assert.True(SemanticAnswerScorer.Units([answer]).Count > 10);
        var score = model.Scorer.Score(Underperformance, answer);
        Assert.Equal(3, score.KeyPoints.Length);
    }

    [Fact]
    public void Key_point_text_drops_the_rubric_verb_only()
    {
        Assert.Equal("expectations must be set out clearly", SemanticAnswerScorer.KeyPointText("Explains that expectations must be set out clearly"));
        Assert.Equal("MBO and its blind spot", SemanticAnswerScorer.KeyPointText("Describes MBO and its blind spot"));
        Assert.Equal("Regular check-ins covering progress", SemanticAnswerScorer.KeyPointText("Regular check-ins covering progress"));
    }

    [Fact]
    public void A_disposed_scorer_refuses_to_score()
    {
        var scorer = new SemanticAnswerScorer();
        scorer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => scorer.Score(Underperformance, Paraphrase));
    }

    [Fact]
    public void Public_api_of_HrPrep_Practice_Semantic_is_unchanged()
    {
        string api = typeof(SemanticAnswerScorer).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });
        Golden.Match("api/HrPrep.Practice.Semantic.txt", api);
    }
}
