using HrPrep.Content;
using HrPrep.Practice.Evaluation;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Practice.Tests;

/// <summary>
/// Shape checks on the fourth labelled set (<c>Labelled/heldout4</c>), written by a separate author
/// without sight of the scorer and to be scored once after the scorer work of session 6. These check the
/// data only; they do not score anything.
/// </summary>
public class Heldout4SetTests
{
    private static readonly string Dir = Repo.PathOf("tests", "HrPrep.Practice.Tests", "Labelled", "heldout4");

    [Fact]
    public void Set_has_three_grades_for_30_shipped_questions_with_valid_labels_against_its_snapshot_and_the_shipped_rubrics()
    {
        var answers = LabelledSet.ReadSet(Dir);
        Assert.Equal(90, answers.Count);
        LabelledShape.Check(answers, RubricSnapshot.Apply(QuestionBank.Default, Dir), strongHasNoRedFlags: true);
        LabelledShape.Check(answers, QuestionBank.Default, strongHasNoRedFlags: true);
    }

    [Fact]
    public void Snapshot_holds_exactly_the_sets_questions_with_the_rubrics_they_were_labelled_against()
    {
        var ids = LabelledSet.ReadSet(Dir).Select(a => a.QuestionId).Distinct().Order(StringComparer.Ordinal);
        var snapshot = RubricSnapshot.Read(RubricSnapshot.For(Dir)!);
        Assert.Equal(ids, snapshot.Keys.Order(StringComparer.Ordinal));

        // The rubrics have not changed since labelling; when they do, this fails and the snapshot
        // (not the shipped pack) stays the reference: delete this loop's assertion then, knowingly.
        foreach (var (id, r) in snapshot)
        {
            Assert.Equal(QuestionBank.Default[id].Answer.KeyPoints, r.KeyPoints);
            Assert.Equal(QuestionBank.Default[id].RedFlags, r.RedFlags);
        }
    }

    [Fact]
    public void Set_shares_no_question_with_sets_1_2_and_3()
    {
        var others = LabelledSet.Read(Repo.PathOf("tests", "HrPrep.Practice.Tests", "Labelled", "answers.txt"))
            .Concat(LabelledSet.Read(Repo.PathOf("tests", "HrPrep.Practice.Tests", "Labelled", "heldout2", "answers.txt")))
            .Concat(LabelledSet.ReadSet(Repo.PathOf("tests", "HrPrep.Practice.Tests", "Labelled", "heldout3")))
            .Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
        var shared = LabelledSet.ReadSet(Dir).Select(a => a.QuestionId).Distinct().Where(others.Contains).ToList();
        Assert.True(shared.Count == 0, "questions in both sets: " + string.Join(", ", shared));
    }

    [Fact]
    public void Strong_answers_do_not_copy_six_word_runs_from_the_model_answer()
    {
        const int Run = 6;
        foreach (var a in LabelledSet.ReadSet(Dir).Where(a => a.Grade == Grade.Strong))
        {
            string[] model = Words(QuestionBank.Default.Find(a.QuestionId)!.Answer.Summary);
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
