using HrPrep.Content;
using HrPrep.Practice.Evaluation;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Practice.Tests;

/// <summary>
/// Shape checks on the held-out labelled sets (<c>Labelled/heldout2</c>, <c>heldout3</c>, <c>heldout4</c>),
/// each written by a separate author without sight of the scorer and scored once while still
/// independent (docs/practice.md). These check the data only; they do not score anything.
/// </summary>
public class HeldoutSetTests
{
    private static readonly string FirstSetPath = Repo.PathOf("tests", "HrPrep.Practice.Tests", "Labelled", "answers.txt");

    private static readonly string[] Order = ["heldout2", "heldout3", "heldout4"];

    /// <summary>The held-out sets, in the order they were written.</summary>
    public static readonly TheoryData<string> Sets = new(Order);

    private static string Dir(string set) => Repo.PathOf("tests", "HrPrep.Practice.Tests", "Labelled", set);

    [Theory]
    [MemberData(nameof(Sets))]
    public void Set_has_three_grades_for_30_shipped_questions_with_valid_labels_against_its_rubrics_and_the_shipped_ones(string set)
    {
        var answers = LabelledSet.ReadSet(Dir(set));
        Assert.Equal(90, answers.Count);
        LabelledShape.Check(answers, RubricSnapshot.Apply(QuestionBank.Default, Dir(set)), strongHasNoRedFlags: true);
        LabelledShape.Check(answers, QuestionBank.Default, strongHasNoRedFlags: true);
    }

    [Theory]
    [InlineData("heldout3")]
    [InlineData("heldout4")]
    public void Snapshot_holds_exactly_the_sets_questions_with_the_rubrics_they_were_labelled_against(string set)
    {
        var ids = LabelledSet.ReadSet(Dir(set)).Select(a => a.QuestionId).Distinct().Order(StringComparer.Ordinal);
        var snapshot = RubricSnapshot.Read(RubricSnapshot.For(Dir(set))!);
        Assert.Equal(ids, snapshot.Keys.Order(StringComparer.Ordinal));

        // The rubrics have not changed since labelling; when they do, this fails and the snapshot
        // (not the shipped pack) stays the reference: drop this loop's assertion then, knowingly.
        foreach (var (id, r) in snapshot)
        {
            Assert.Equal(QuestionBank.Default[id].Answer.KeyPoints, r.KeyPoints);
            Assert.Equal(QuestionBank.Default[id].RedFlags, r.RedFlags);
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Set_shares_no_question_with_the_first_set_or_an_earlier_held_out_set(string set)
    {
        var earlier = LabelledSet.Read(FirstSetPath)
            .Concat(Order.TakeWhile(s => s != set).SelectMany(s => LabelledSet.ReadSet(Dir(s))))
            .Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
        var shared = LabelledSet.ReadSet(Dir(set)).Select(a => a.QuestionId).Distinct().Where(earlier.Contains).ToList();
        Assert.True(shared.Count == 0, "questions also in an earlier set: " + string.Join(", ", shared));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Strong_answers_do_not_copy_six_word_runs_from_the_model_answer(string set)
    {
        // "Different words than the model answer": no run of six or more words of a strong answer
        // appears verbatim in the question's model answer summary.
        const int Run = 6;
        foreach (var a in LabelledSet.ReadSet(Dir(set)).Where(a => a.Grade == Grade.Strong))
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
