using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CsCheck;
using HrPrep.Authoring.Import;
using HrPrep.Content;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>Issue 12: no question is lost, no limit drops content, ids are unique by construction.</summary>
public class MarkdownImportTests
{
    private static readonly string[] Words = ["how", "do", "you", "plan", "a", "review", "cycle", "what", "is", "your", "approach", "to", "calibration", "payroll", "audit", "budget", "team", "when", "would", "handle", "feedback", "goals", "data", "report"];

    private static readonly Gen<string> Token = Gen.Frequency(
        (4, Gen.OneOf(Words)),
        (1, Gen.OneOf(MarkdownImporter.PromotionalVocabulary.ToArray())));

    /// <summary>A question: plain words and promotional phrases, at least one plain word, maybe opening with a phrase.</summary>
    private static readonly Gen<string> QuestionText = Gen.Select(
        Gen.OneOf(Words).Array[1, 3],
        Token.Array[0, 10],
        Gen.Frequency((1, Gen.OneOf(MarkdownImporter.PromotionalVocabulary.ToArray()).Select(s => (string?)s)), (2, Gen.Const((string?)null))),
        Gen.OneOf("?", "", ".", "!"),
        (plain, mixed, opener, end) =>
        {
            var tokens = plain.Concat(mixed).ToList();
            if (opener is not null)
            {
                tokens.Insert(0, opener);
            }

            string text = string.Join(' ', tokens) + end;
            return char.ToUpperInvariant(text[0]) + text[1..];
        });

    private static string Page(string role, IReadOnlyList<string> questions, string newline)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# {role} Interview Prep{newline}{newline}");
        sb.Append(CultureInfo.InvariantCulture, $"Welcome to the {role} Interview Preparation! This resource is designed to help you.{newline}{newline}");
        sb.Append(CultureInfo.InvariantCulture, $"A {role} keeps the work of a team on track.{newline}{newline}");
        sb.Append(CultureInfo.InvariantCulture, $"## Sample Questions{newline}{newline}");
        for (int i = 0; i < questions.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {questions[i]}{newline}");
        }

        sb.Append(CultureInfo.InvariantCulture, $"{questions.Count + 1}. [CLICK HERE FOR MORE QUESTIONS](https://example.org/job/{questions.Count}){newline}{newline}");
        sb.Append(CultureInfo.InvariantCulture, $"## Explore Further{newline}{newline}For an extensive question bank, visit [our site](https://example.org).{newline}{newline}");
        sb.Append(CultureInfo.InvariantCulture, $"## Connect with Us{newline}{newline}Stay updated. Follow us on [a network](https://example.org/social).{newline}");
        return sb.ToString();
    }

    [Fact]
    public void Questions_that_use_promotional_words_are_all_kept()
    {
        int cases = 0;
        int withPhrases = 0;
        Gen.Select(QuestionText.Array[1, 12], Gen.OneOf("\n", "\r\n")).Sample((questions, newline) =>
        {
            Interlocked.Increment(ref cases);
            if (questions.Any(q => MarkdownImporter.PromotionalVocabulary.Any(v => q.Contains(v, StringComparison.Ordinal))))
            {
                Interlocked.Increment(ref withPhrases);
            }

            var result = MarkdownImporter.Import(Page("Payroll Lead", questions, newline));
            Assert.Equal(questions, result.Pack.Questions.Select(q => q.Prompt));
            var link = Assert.Single(result.Skipped, s => s.Reason == MarkdownImporter.ReasonLinkItem);
            Assert.Equal(questions.Length + 9, link.Line);
        }, iter: 500);

        // The property is only meaningful if most generated pages really put promotional phrases into questions.
        Assert.True(withPhrases >= cases * 0.8, $"only {withPhrases} of {cases} generated pages had promotional phrases in a question");
    }

    [Theory]
    [InlineData("[CLICK HERE FOR MORE QUESTIONS](https://example.org/job/1)", true)]
    [InlineData("👉 **[More questions](https://example.org/more)**", true)]
    [InlineData("<https://example.org/more>", true)]
    [InlineData("https://example.org/more.", true)]
    [InlineData("[One](https://a.example) | [Two](https://b.example)", true)]
    [InlineData("Click here to open the payroll file: what do you check first?", false)]
    [InlineData("Visit a client site: how do you prepare?", false)]
    [InlineData("How would you use [the handbook](https://example.org/h) in a dispute?", false)]
    [InlineData("[CLICK HERE](https://example.org) for more questions", false)]
    public void Only_an_item_that_is_wholly_a_link_is_a_call_to_action(string item, bool linkOnly) =>
        Assert.Equal(linkOnly, MarkdownImporter.IsLinkOnly(item));

    [Fact]
    public void Every_line_that_is_not_a_question_or_description_is_reported()
    {
        string page = """
            # Clerk Interview Questions

            Clerks keep records.

            1. A numbered tip before the questions heading.

            ## Sample Questions

            Here are some questions:
            1. How do you file a record
               that spans two lines?
            2. **What** would you do if a record went missing?
            3.
            4. [Read more](https://example.org)

            ## Tips

            Practise aloud.
            """;
        var result = MarkdownImporter.Parse(page);
        Assert.Equal(["How do you file a record that spans two lines?", "What would you do if a record went missing?"], result.Questions.Select(q => q.Text));
        Assert.Equal([10, 12], result.Questions.Select(q => q.Line));
        Assert.Equal("Clerks keep records.", result.Description);
        Assert.Equal(
            ["5: numbered item outside the questions section: 1. A numbered tip before the questions heading.",
             "9: text in the questions section: Here are some questions:",
             "13: empty item: 3.",
             "14: link item: 4. [Read more](https://example.org)",
             "18: text after the questions: Practise aloud."],
            result.Skipped.Select(s => $"{s.Line}: {s.Reason}: {s.Text}"));
    }

    [Fact]
    public void Numbering_widens_past_999_and_keeps_earlier_ids()
    {
        var lines = Enumerable.Range(1, 1001).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}. Question number {i}?"));
        var pack = MarkdownImporter.Import("# Big Role\n\n## Questions\n\n" + string.Join('\n', lines)).Pack;
        Assert.Equal(1001, pack.Questions.Length);
        Assert.Equal("big-role-001", pack.Questions[0].Id);
        Assert.Equal("big-role-999", pack.Questions[998].Id);
        Assert.Equal("big-role-1000", pack.Questions[999].Id);
        Assert.Equal("Question number 1001?", pack.Questions[1000].Prompt);
        var small = MarkdownImporter.Import("# Big Role\n\n## Questions\n\n" + string.Join('\n', lines.Take(5))).Pack;
        Assert.Equal(pack.Questions.Take(5).Select(q => q.Id), small.Questions.Select(q => q.Id));
    }

    [Fact]
    public void A_page_of_100000_questions_imports_every_one()
    {
        const int n = 100_000;
        var sb = new StringBuilder("# Very Long Role Interview Prep\n\n## Sample Questions\n\n");
        for (int i = 1; i <= n; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i}. What is step {i} of the process?\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"{n + 1}. [CLICK HERE FOR MORE QUESTIONS](https://example.org)\n");
        var result = MarkdownImporter.Import(sb.ToString());
        Assert.Equal(n, result.Pack.Questions.Length);
        Assert.Equal(n, result.Pack.Questions.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("very-long-role-100000", result.Pack.Questions[^1].Id);
        Assert.Equal("What is step 100000 of the process?", result.Pack.Questions[^1].Prompt);
        Assert.Equal(MarkdownImporter.ReasonLinkItem, Assert.Single(result.Skipped).Reason);
    }

    [Fact]
    public void Reimporting_a_page_gives_the_same_ids_and_pack()
    {
        string page = File.ReadAllText(HrPrep.Tests.Shared.Repo.PathOf("tests", "fixtures", "seed", "HR Performance Management Specialist.md"));
        var a = MarkdownImporter.Import(page).Pack;
        var b = MarkdownImporter.Import(page).Pack;
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"hr-performance-management-specialist-00{i}"), a.Questions.Select(q => q.Id));
        Assert.True(a == b);
    }

    [Fact]
    public void Long_roles_get_distinct_ids_that_leave_room_for_numbers()
    {
        string common = string.Concat(Enumerable.Repeat("Senior Regional Compensation ", 3));
        string a = MarkdownImporter.PackIdFor(common + "Analyst");
        string b = MarkdownImporter.PackIdFor(common + "Manager");
        Assert.NotEqual(a, b);
        Assert.All(new[] { a, b }, id => Assert.True(id.Length <= MarkdownImporter.MaxPackIdLength && HrPrep.Authoring.Writing.PackScaffold.IsValidId(id + "-1000000000000"), id));
        Assert.Equal(a, MarkdownImporter.PackIdFor(common + "Analyst"));
    }

    [Fact]
    public void Too_long_an_id_prefix_is_an_error_not_a_cut()
    {
        var ex = Assert.Throws<FormatException>(() => MarkdownImporter.Import("# R\n\n1. Q?\n", new MarkdownImportOptions { IdPrefix = new string('a', 62) }));
        Assert.Contains("longer than 64 characters", ex.Message);
    }

    // ---- pack identity across a run ----

    private static PageIdentity P(string path, string role, params string[] foldersNearestFirst) => new(path, role, [.. foldersNearestFirst]);

    [Fact]
    public void Same_role_in_several_folders_is_qualified_by_folder_in_any_order()
    {
        var pages = new[]
        {
            P("it/Data Analyst.md", "Data Analyst", "it", "corpus"),
            P("finance/Data Analyst.md", "Data Analyst", "finance", "corpus"),
            P("finance/Payroll Clerk.md", "Payroll Clerk", "finance", "corpus"),
        };
        var plan = ImportIdentity.SettlePackIds(pages, DuplicatePolicy.Folder, new HashSet<string>());
        Assert.Empty(plan.Errors);
        Assert.Equal(["it-data-analyst", "finance-data-analyst", "payroll-clerk"], plan.PackIds);
        Assert.Equal(["it/Data Analyst.md: data-analyst -> it-data-analyst (it)", "finance/Data Analyst.md: data-analyst -> finance-data-analyst (finance)"], plan.Renames.Select(r => $"{r.Path}: {r.From} -> {r.To} ({r.Folder})"));
        var reversed = ImportIdentity.SettlePackIds([.. pages.Reverse()], DuplicatePolicy.Folder, new HashSet<string>());
        Assert.Equal(plan.PackIds.Reverse(), reversed.PackIds);
    }

    [Fact]
    public void Qualified_ids_that_still_clash_take_more_folders_or_fail()
    {
        var pages = new[]
        {
            P("a/x/Data Analyst.md", "Data Analyst", "x", "a"),
            P("b/x/Data Analyst.md", "Data Analyst", "x", "b"),
            P("X Data Analyst.md", "X Data Analyst", "corpus"),
        };
        var plan = ImportIdentity.SettlePackIds(pages, DuplicatePolicy.Folder, new HashSet<string>());
        Assert.Empty(plan.Errors);
        Assert.Equal(["a-x-data-analyst", "b-x-data-analyst", "x-data-analyst"], plan.PackIds);

        var stuck = ImportIdentity.SettlePackIds([P("x/Data Analyst.md", "Data Analyst", "x"), P("x/data analyst.md", "data analyst", "x")], DuplicatePolicy.Folder, new HashSet<string>());
        Assert.Contains("even when qualified by every folder", Assert.Single(stuck.Errors));
    }

    [Fact]
    public void Duplicate_policies_and_existing_packs()
    {
        var pages = new[] { P("it/Data Analyst.md", "Data Analyst", "it"), P("finance/Data Analyst.md", "Data Analyst", "finance") };
        Assert.Contains("is given by it/Data Analyst.md, finance/Data Analyst.md", Assert.Single(ImportIdentity.SettlePackIds(pages, DuplicatePolicy.Fail, new HashSet<string>()).Errors));
        var merged = ImportIdentity.SettlePackIds(pages, DuplicatePolicy.Merge, new HashSet<string>());
        Assert.Equal(["data-analyst", "data-analyst"], merged.PackIds);
        Assert.Empty(merged.Errors);

        var existing = new HashSet<string> { "payroll-clerk" };
        var one = ImportIdentity.SettlePackIds([P("f/Payroll Clerk.md", "Payroll Clerk", "finance")], DuplicatePolicy.Folder, existing);
        Assert.Equal(["finance-payroll-clerk"], one.PackIds);
        Assert.Single(ImportIdentity.SettlePackIds([P("f/Payroll Clerk.md", "Payroll Clerk", "finance")], DuplicatePolicy.Merge, existing).Errors);
    }

    [Fact]
    public void Existing_questions_with_generated_ids_are_found()
    {
        Question Q(string id, string pack) => new() { Id = id, PackId = pack, Prompt = "p", Category = "c", Type = QuestionType.Technical, Level = QuestionLevel.Mid, Answer = new ModelAnswer("a", []) };
        var existing = new[] { Q("data-analyst-002", "hand-made"), Q("data-analyst-006", "hand-made"), Q("data-analyst-02", "hand-made"), Q("data-analyst-001", "data-analyst"), Q("clerk-1000", "other") };
        var found = ImportIdentity.QuestionIdCollisions([("data-analyst", "data-analyst", 5), ("clerk", "clerk", 1000)], existing);
        Assert.Equal(["data-analyst-002", "clerk-1000"], found.Select(f => f.Existing.Id));
    }
}
