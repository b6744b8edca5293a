using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep stats</c>: questions per category and level, and per type.</summary>
internal static class StatsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var common = new CommonOptions();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("stats", """
            Count questions per category x level and per type (after any filters).

            Examples:
              dotnet hrprep stats
              dotnet hrprep stats questions/ --format json
            """);
        common.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            // Stats prints counts only: unless --search needs the texts, each question is kept without them.
            var bank = BankLoader.Load(context, parse.GetValue(common.Paths), parse.GetValue(common.Search) is null ? BankLoader.WithoutTexts : null);
            var questions = common.Query(bank, parse).ToImmutableArray();
            // Questions grouped once by pack and category (many small packs: no scan of every question per category).
            var byPackCategory = questions.GroupBy(q => (q.PackId, q.Category)).ToDictionary(g => g.Key, g => g.ToList());
            var categories = bank.Packs.SelectMany(p => p.Categories.Select(c => (Pack: p, Category: c)))
                .Where(x => byPackCategory.ContainsKey((x.Pack.Id, x.Category.Id)))
                .ToList();
            var levels = Enum.GetValues<QuestionLevel>();
            var types = Enum.GetValues<QuestionType>();
            if (parse.GetValue(format) == "json")
            {
                WriteJson(context.Out, bank, questions, categories.Select(c => c.Category.Id).ToList());
                return ExitCodes.Ok;
            }

            string Pct(int n) => questions.Length == 0 ? "0%" : (100.0 * n / questions.Length).ToString("0", CultureInfo.InvariantCulture) + "%";
            string S(int n) => n.ToString(CultureInfo.InvariantCulture);

            context.Out.WriteLine($"Content {bank.ContentVersion}: {questions.Length} questions in {categories.Count} categories");
            context.Out.WriteLine();
            var rows = new List<IReadOnlyList<string>>();
            foreach (var (pack, category) in categories)
            {
                var inCat = byPackCategory[(pack.Id, category.Id)];
                rows.Add([category.Id, .. levels.Select(l => S(inCat.Count(q => q.Level == l))), S(inCat.Count), S(inCat.Select(q => q.Type).Distinct().Count())]);
            }

            rows.Add(["total", .. levels.Select(l => S(questions.Count(q => q.Level == l))), S(questions.Length), S(questions.Select(q => q.Type).Distinct().Count())]);
            rows.Add(["share", .. levels.Select(l => Pct(questions.Count(q => q.Level == l))), "100%", string.Empty]);
            TextTable.Write(context.Out, ["CATEGORY", .. levels.Select(l => l.ToSchemaName()), "total", "types"], rows, new HashSet<int>(Enumerable.Range(1, levels.Length + 2)));
            context.Out.WriteLine();
            TextTable.Write(
                context.Out,
                ["TYPE", "count", "share"],
                types.Select(t => (IReadOnlyList<string>)[t.ToSchemaName(), S(questions.Count(q => q.Type == t)), Pct(questions.Count(q => q.Type == t))]),
                new HashSet<int> { 1, 2 });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteJson(TextWriter o, QuestionBank bank, ImmutableArray<Question> questions, IReadOnlyList<string> categories)
    {
        JsonText.WriteLine(o, w =>
        {
            w.WriteStartObject();
            w.WriteString("contentVersion", bank.ContentVersion);
            w.WriteNumber("total", questions.Length);
            w.WriteStartObject("byCategory");
            var byCategory = questions.GroupBy(q => q.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var c in categories)
            {
                w.WriteStartObject(c);
                var inCategory = byCategory.GetValueOrDefault(c) ?? [];
                foreach (var l in Enum.GetValues<QuestionLevel>())
                {
                    w.WriteNumber(l.ToSchemaName(), inCategory.Count(q => q.Level == l));
                }

                w.WriteNumber("total", inCategory.Count);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("byLevel");
            foreach (var l in Enum.GetValues<QuestionLevel>())
            {
                w.WriteNumber(l.ToSchemaName(), questions.Count(q => q.Level == l));
            }

            w.WriteEndObject();
            w.WriteStartObject("byType");
            foreach (var t in Enum.GetValues<QuestionType>())
            {
                w.WriteNumber(t.ToSchemaName(), questions.Count(q => q.Type == t));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
