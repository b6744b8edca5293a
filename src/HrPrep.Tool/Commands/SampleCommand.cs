using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep sample</c>: a reproducible mock interview.</summary>
internal static class SampleCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var common = new CommonOptions();
        var count = new Option<int>("--count", "-n") { Description = "How many questions to draw (default 10).", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "The seed (0 to 18446744073709551615). Same seed + same content version = same interview. Default: random, printed so you can repeat it." };
        var quota = new Option<string[]>("--quota") { Description = "A quota CATEGORY=N, /LEVEL=N or CATEGORY/LEVEL=N, filled before the rest (repeatable).", Arity = ArgumentArity.OneOrMore };
        var exclude = new Option<string[]>("--exclude") { Description = "A question id not to draw, e.g. one already practised (repeatable).", Arity = ArgumentArity.OneOrMore };
        var excludeFile = new Option<string?>("--exclude-file") { Description = "A file of question ids not to draw, one per line ('#' starts a comment)." };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("sample", """
            Draw a reproducible mock interview: the same seed and content version give the same questions on every platform.

            Examples:
              dotnet hrprep sample --count 8 --seed 42
              dotnet hrprep sample -n 6 -s 7 --quota rater-bias=2 --quota /senior=2
              dotnet hrprep sample -n 10 -s 3 --exclude-file seen.txt --format json
            """);
        common.AddTo(command);
        foreach (var option in new Option[] { count, seed, quota, exclude, excludeFile, format })
        {
            command.Options.Add(option);
        }

        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--count must be at least 1");
            }
        });

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var quotas = ParseQuotas(parse.GetValue(quota) ?? []);
            var excluded = new HashSet<string>(parse.GetValue(exclude) ?? [], StringComparer.Ordinal);
            if (parse.GetValue(excludeFile) is { } file)
            {
                try
                {
                    foreach (var line in File.ReadAllLines(file))
                    {
                        string id = line.Split('#')[0].Trim();
                        if (id.Length > 0)
                        {
                            excluded.Add(id);
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new ToolExitException(ExitCodes.Unreadable, DiagnosticCodes.Unreadable, $"{file}: cannot read: {ex.Message}");
                }
            }

            int n = parse.GetValue(count);
            if (quotas.Sum(q => q.Count) > n)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"the quotas ask for {quotas.Sum(q => q.Count)} questions, more than --count {n}");
            }

            var bank = BankLoader.Load(context, parse.GetValue(common.Paths));
            ulong s = parse.GetValue(seed) ?? (ulong)Random.Shared.NextInt64(0, 1_000_000_000);
            var result = bank.Sample(new SampleRequest
            {
                Count = n,
                Seed = s,
                Quotas = quotas,
                Exclude = excluded.ToImmutableHashSet(StringComparer.Ordinal),
                Pool = common.Query(bank, parse).Matching(null),
            });

            if (parse.GetValue(format) == "json")
            {
                context.Out.Write(QuestionJsonWriter.ToJson(result.Questions));
            }
            else
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mock interview: {result.Questions.Length} questions, seed {s}, content {result.ContentVersion}"));
                int i = 0;
                TextTable.Write(
                    context.Out,
                    ["#", "ID", "LEVEL", "TYPE", "PROMPT"],
                    result.Questions.Select(q => (IReadOnlyList<string>)[(++i).ToString(CultureInfo.InvariantCulture), q.Id, q.Level.ToSchemaName(), q.Type.ToSchemaName(), TextTable.Cut(q.Prompt, 90)]),
                    new HashSet<int> { 0 });
            }

            foreach (var shortfall in result.Shortfalls)
            {
                context.Error.WriteLine($"hrprep: warning SAMPLE: {shortfall}");
            }

            return result.IsComplete ? ExitCodes.Ok : ExitCodes.Findings;
        }));
        return command;
    }

    /// <summary>Parses <c>CATEGORY=N</c>, <c>/LEVEL=N</c> and <c>CATEGORY/LEVEL=N</c>.</summary>
    public static ImmutableArray<SampleQuota> ParseQuotas(IEnumerable<string> specs)
    {
        var quotas = ImmutableArray.CreateBuilder<SampleQuota>();
        foreach (var spec in specs)
        {
            int eq = spec.LastIndexOf('=');
            if (eq <= 0 || !int.TryParse(spec.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"--quota '{spec}' is not CATEGORY=N, /LEVEL=N or CATEGORY/LEVEL=N with N >= 1");
            }

            string left = spec[..eq];
            int slash = left.IndexOf('/', StringComparison.Ordinal);
            string category = slash < 0 ? left : left[..slash];
            string? levelName = slash < 0 ? null : left[(slash + 1)..];
            QuestionLevel? level = null;
            if (!string.IsNullOrEmpty(levelName))
            {
                if (!SchemaNames.TryParseLevel(levelName, out var l))
                {
                    throw new ToolExitException(ExitCodes.Usage, ToolCodes.Usage, $"--quota '{spec}': level '{levelName}' is not one of {string.Join(", ", SchemaNames.Levels)}");
                }

                level = l;
            }

            quotas.Add(new SampleQuota(n, category.Length == 0 ? null : category, level));
        }

        return quotas.ToImmutable();
    }
}
