using System.Collections.Immutable;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using HrPrep.Tests.Shared;

namespace HrPrep.Authoring.Tests.Export;

internal static class ExportFixtures
{
    public static QuestionBank Mini => QuestionBank.FromDirectory(Repo.MiniPack);

    public static QuestionBank Hostile => QuestionBank.FromDirectory(Repo.PathOf("tests", "fixtures", "packs", "hostile"));

    public static byte[] Export(IQuestionExporter exporter, QuestionBank bank, ExportOptions? options = null, IEnumerable<Question>? questions = null)
    {
        using var ms = new MemoryStream();
        exporter.Write(ms, new ExportSource(bank, questions ?? bank.Questions), options ?? new ExportOptions());
        return ms.ToArray();
    }

    public static string Text(IQuestionExporter exporter, QuestionBank bank, ExportOptions? options = null) =>
        System.Text.Encoding.UTF8.GetString(Export(exporter, bank, options));

    /// <summary>A one-question bank built in code (for values the pack reader would reject, such as tags with spaces).</summary>
    public static QuestionBank Single(Func<Question, Question> change, string version = "1.0.0")
    {
        var q = new Question
        {
            Id = "code-001",
            PackId = "code",
            Prompt = "What is a calibration meeting?",
            Category = "cat",
            Type = QuestionType.RoleKnowledge,
            Level = QuestionLevel.Mid,
            Tags = ["calibration"],
            Answer = new ModelAnswer("A meeting where managers compare ratings.", ["Evidence"]),
            LastVerified = new DateOnly(2026, 1, 10),
        };
        var pack = new QuestionPack
        {
            Id = "code",
            Version = version,
            Title = "Code pack",
            Language = "en",
            License = "CC0-1.0",
            Categories = [new Category("cat", "Category title", null)],
            Questions = [change(q)],
        };
        return new QuestionBank([pack]);
    }
}
