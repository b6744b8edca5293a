using HrPrep.Content;
using HrPrep.Practice;

namespace HrPrep.Tool.Commands;

/// <summary>
/// The semantic scorer (HrPrep.Practice.Semantic), when this build of the tool includes it. It is
/// left out by default: its model weights (about 90 MB) and ONNX Runtime's native libraries would
/// multiply the size of the tool package and cannot be part of a Native AOT build. Build the tool with
/// <c>-p:HrPrepSemantic=true</c> to include it.
/// </summary>
internal static class SemanticScoring
{
#if HRPREP_SEMANTIC
    /// <summary>True: this build includes the semantic scorer.</summary>
    public static bool Available => true;

    /// <summary>Scores with the combined lexical + semantic scorer (loads the model, a few hundred milliseconds).</summary>
    public static AnswerScore Score(Question question, string answer)
    {
        using var scorer = new HrPrep.Practice.Semantic.SemanticAnswerScorer();
        return scorer.Score(question, answer);
    }
#else
    /// <summary>False: this build leaves the semantic scorer out.</summary>
    public static bool Available => false;

    /// <summary>Not available in this build.</summary>
    public static AnswerScore Score(Question question, string answer) =>
        throw new InvalidOperationException("the semantic scorer is not in this build");
#endif
}
