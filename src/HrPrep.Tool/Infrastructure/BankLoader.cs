using HrPrep.Content;
using HrPrep.Packs;

namespace HrPrep.Tool.Infrastructure;

/// <summary>Loads the embedded packs (no paths) or the packs at the given paths, printing located errors.</summary>
internal static class BankLoader
{
    /// <summary>Loads a bank or throws <see cref="ToolExitException"/> after printing every problem.</summary>
    public static QuestionBank Load(ToolContext context, IReadOnlyList<string>? paths)
    {
        if (paths is null || paths.Count == 0)
        {
            return QuestionBank.Default;
        }

        var result = PackReader.ReadPaths(paths);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            try
            {
                return new QuestionBank(result.Packs);
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
}
