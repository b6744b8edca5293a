using System.CommandLine;
using HrPrep.Authoring.Diff;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep diff OLD NEW</c>: what changed between two versions of packs, and whether the version bump is enough.</summary>
internal static class DiffCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "OLD and NEW pack paths; with --base, one path (NEW; OLD is the same path at the revision).", Arity = ArgumentArity.OneOrMore };
        var baseRev = new Option<string?>("--base") { Description = "Read OLD from this git revision (branch, tag or commit) of the given path." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("diff", """
            Compare two versions of packs: added, removed, retired, renamed (same content, new id) and
            changed questions. Classifies the change as major (a question id or category removed or
            renamed), minor (questions or categories added) or patch (wording, metadata) and checks the
            version NEW declares: exit 1 when the bump is smaller than the change requires.

            Exit codes: 0 version bump is enough, 1 bump too small (or a pack removed), 2 usage,
            3 unreadable input (also: git missing, unknown revision).

            Examples:
              dotnet hrprep diff old/hr-pm questions/hr-pm
              dotnet hrprep diff questions/hr-pm --base origin/main
              dotnet hrprep diff a.yaml b.yaml --format json
            """);
        command.Arguments.Add(paths);
        command.Options.Add(baseRev);
        command.Options.Add(format);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var given = parse.GetValue(paths)!;
            string? rev = parse.GetValue(baseRev);
            if (rev is null && given.Length != 2)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "diff needs OLD and NEW paths (or one path and --base REV)");
            }

            if (rev is not null && given.Length != 1)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, "with --base REV, give one path: the pack as it is now");
            }

            PackReadResult oldRead;
            if (rev is not null)
            {
                try
                {
                    oldRead = GitPackSource.Read(given[0], rev);
                }
                catch (GitReadException ex)
                {
                    throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Git, ex.Message);
                }
            }
            else
            {
                oldRead = PackReader.ReadPaths([given[0]]);
            }

            var newRead = PackReader.ReadPaths([given[^1]]);
            var errors = oldRead.Diagnostics.Concat(newRead.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                foreach (var d in errors)
                {
                    context.Error.WriteLine(d.ToString());
                }

                int exit = errors.Any(d => d.IsUnreadableInput) ? ExitCodes.Unreadable : ExitCodes.Findings;
                throw new ToolExitException(exit, ToolCodes.Input, $"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} in the input; nothing was compared");
            }

            var diffs = PackDiff.Compare(oldRead.Packs, newRead.Packs);
            if (parse.GetValue(format) == "json")
            {
                JsonText.Write(context.Out, stream => DiffReportWriter.WriteJson(stream, diffs));
            }
            else
            {
                DiffReportWriter.WriteText(context.Out, diffs);
            }

            return diffs.All(d => d.BumpIsSufficient) ? ExitCodes.Ok : ExitCodes.Findings;
        }));
        return command;
    }
}
