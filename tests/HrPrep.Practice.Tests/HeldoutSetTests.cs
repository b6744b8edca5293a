using HrPrep.Content;
using HrPrep.Practice.Evaluation;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Practice.Tests;

/// <summary>
/// Shape checks on the second, held-out labelled set (<c>Labelled/heldout2</c>), written by a separate
/// author without sight of the scorer. These check the data only; they do not score anything.
/// </summary>
public class HeldoutSetTests
{
    private static readonly string HeldoutPath = Repo.PathOf("tests", "HrPrep.Practice.Tests", "Labelled", "heldout2", "answers.txt");
    private static readonly string FirstSetPath = Repo.PathOf("tests", "HrPrep.Practice.Tests", "Labelled", "answers.txt");
    private static readonly QuestionBank Bank = QuestionBank.Default;

    [Fact]
    public void Heldout_set_has_three_grades_for_at_least_30_shipped_questions_with_valid_labels()
    {
        var answers = LabelledSet.Read(HeldoutPath);
        LabelledShape.Check(answers, Bank, strongHasNoRedFlags: true);
    }

    [Fact]
    public void Heldout_set_shares_no_question_with_the_first_labelled_set()
    {
        var first = LabelledSet.Read(FirstSetPath).Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
        var shared = LabelledSet.Read(HeldoutPath).Select(a => a.QuestionId).Distinct().Where(first.Contains).ToList();
        Assert.True(shared.Count == 0, "questions in both sets: " + string.Join(", ", shared));
    }

    [Fact]
    public void Heldout_strong_answers_do_not_copy_long_phrases_from_the_model_answer()
    {
        // "Different words than the model answer": no run of six or more words of a strong answer
        // appears verbatim in the question's model answer summary.
        const int Run = 6;
        foreach (var a in LabelledSet.Read(HeldoutPath).Where(a => a.Grade == Grade.Strong))
        {
            string[] model = Words(Bank.Find(a.QuestionId)!.Answer.Summary);
            var modelRuns = Enumerable.Range(0, Math.Max(0, model.Length - Run + 1)).Select(i => string.Join(' ', model, i, Run)).ToHashSet(StringComparer.Ordinal);
            string[] words = Words(a.Text);
            var copied = Enumerable.Range(0, Math.Max(0, words.Length - Run + 1)).Select(i => string.Join(' ', words, i, Run)).FirstOrDefault(modelRuns.Contains);
            Assert.True(copied is null, $"{a.QuestionId} (line {a.Line}) copies \"{copied}\" from the model answer");
        }
    }

    private static string[] Words(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
