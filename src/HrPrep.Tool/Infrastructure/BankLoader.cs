using HrPrep.Authoring;
using HrPrep.Content;
using HrPrep.Packs;

namespace HrPrep.Tool.Infrastructure;

/// <summary>Loads the embedded packs (no paths) or the packs at the given paths, printing located errors.</summary>
internal static class BankLoader
{
    /// <summary>Loads a bank or throws <see cref="ToolExitException"/> after printing every problem.</summary>
    /// <param name="context">Where problems are printed.</param>
    /// <param name="paths">Pack files and directories; none for the embedded packs.</param>
    /// <param name="trim">
    /// What of each question read from <paramref name="paths"/> the command keeps (see
    /// <see cref="PackReadOptions.TrimQuestion"/>), or null for all of it; the embedded packs are returned whole.
    /// </param>
    public static QuestionBank Load(ToolContext context, IReadOnlyList<string>? paths, Func<Question, Question>? trim = null)
    {
        if (paths is null || paths.Count == 0)
        {
            return QuestionBank.Default;
        }

        // HRPREP_READ_TIMING=1 prints the reading phases (time, collections, allocations, CPU) on standard error.
        var timer = new PhaseTimer("read", "HRPREP_READ_TIMING", sinceProcessStart: true);
        timer.Mark("start-up");
        var result = PackReader.Read(paths, trim is null ? PackReadOptions.Default : new PackReadOptions { TrimQuestion = trim });
        timer.Mark("read and assembled");
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            try
            {
                var bank = new QuestionBank(result.Packs);
                timer.Mark("bank");
                return bank;
            }
            catch (PackLoadException ex)
            {
                errors.AddRange(ex.Diagnostics);
            }
        }

        foreach (var d in errors)
        {
            context.Error.WriteLine(d.ToString());
        }

        int code = errors.Any(d => d.IsUnreadableInput) ? ExitCodes.Unreadable : ExitCodes.Findings;
        throw new ToolExitException(code, ToolCodes.Input, $"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} in the input; nothing was done");
    }

    private static readonly ModelAnswer NoAnswer = new(string.Empty, []);

    /// <summary>
    /// A question as commands that print no texts keep it (stats): its identity, pack, category, type,
    /// level, origin, tags and location, which the filters other than <c>--search</c> and the counts use.
    /// </summary>
    public static Question WithoutTexts(Question q) => Keep(q, string.Empty);

    /// <summary>A question as a table of prompts keeps it (list): <see cref="WithoutTexts"/> and the prompt.</summary>
    public static Question PromptOnly(Question q) => Keep(q, q.Prompt);

    private static Question Keep(Question q, string prompt) => new()
    {
        Id = q.Id,
        PackId = q.PackId,
        Prompt = prompt,
        Category = q.Category,
        Type = q.Type,
        Level = q.Level,
        Origin = q.Origin,
        Tags = q.Tags,
        Answer = NoAnswer,
        Location = q.Location,
    };
}
