using System.Reflection;
using System.Text.RegularExpressions;
using HrPrep.Content;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Content.Tests;

/// <summary>The measurable parts of the content bar (CONTENT_GUIDE.md) enforced on the shipped pack.</summary>
public partial class ShippedContentTests
{
    private static readonly QuestionBank Bank = QuestionBank.Default;
    private static readonly QuestionPack Pack = Bank.FindPack("hr-performance-management-specialist")!;
    private static readonly string[] LegalCategories = ["legal-us", "legal-uk", "privacy-and-ai"];

    /// <summary>"Today" for date rules: <c>HRPREP_TODAY</c> (YYYY-MM-DD) when set, as for <c>lint --today</c>; otherwise the UTC date.</summary>
    private static readonly DateOnly Today = Environment.GetEnvironmentVariable("HRPREP_TODAY") is { Length: > 0 } injected
        ? DateOnly.ParseExact(injected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>At most this share of a category's answers may end on a paragraph opening with the same two words.</summary>
    private const double MaxSharedEndingShare = 0.2;

    public static TheoryData<string> CategoryIds => [.. Pack.Categories.Select(c => c.Id)];

    public static TheoryData<string> QuestionIds => [.. Bank.Questions.Select(q => q.Id)];

    [Fact]
    public void Embedded_content_equals_the_questions_folder()
    {
        var fromDisk = QuestionBank.FromDirectory(Repo.ShippedPack);
        Assert.Equal(fromDisk.Packs.Select(p => p.Id), Bank.Packs.Select(p => p.Id));
        Assert.Equal(fromDisk.Questions.Select(q => q.Id), Bank.Questions.Select(q => q.Id));
        for (int i = 0; i < fromDisk.Questions.Length; i++)
        {
            // Value equality: every field of the question (arrays element by element), not its location.
            Assert.True(fromDisk.Questions[i] == Bank.Questions[i], $"embedded question {Bank.Questions[i].Id} differs from the YAML");
        }

        Assert.True(fromDisk.Packs.SequenceEqual(Bank.Packs), "the embedded manifest differs from pack.yaml");

        // Locations are not content but are kept by the compiled form: same file, line and column.
        Assert.Equal(
            fromDisk.Questions.Select(q => (Path.GetFileName(q.Location.Path), q.Location.Line, q.Location.Column)),
            Bank.Questions.Select(q => (Path.GetFileName(q.Location.Path), q.Location.Line, q.Location.Column)));

        // The equality used above leaves out no public property (a property added later is covered too).
        ValueEqualityTests.AssertEveryPropertyCounts(Bank.Questions[0]);
        ValueEqualityTests.AssertEveryPropertyCounts(Bank.Questions.First(q => q.Scenario?.Table is not null));
        ValueEqualityTests.AssertEveryPropertyCounts(Bank.Packs[0] with { Questions = [Bank.Questions[0]] });
    }

    [Fact]
    public void Build_content_version_is_the_pack_version()
    {
        string? built = typeof(QuestionBank).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HrPrepContentVersion").Value;
        Assert.Equal(Pack.Version, built);
        Assert.Equal(Pack.Version, Bank.ContentVersion);
    }

    [Fact]
    public void Pack_declares_licence_version_and_not_legal_advice()
    {
        Assert.Equal("CC-BY-4.0", Pack.License);
        Assert.Matches(@"^\d+\.\d+\.\d+$", Pack.Version);
        Assert.Contains("not legal advice", Pack.Disclaimer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(15, Pack.Categories.Length);
    }

    [Fact]
    public void At_least_224_questions_with_every_category_covering_each_level_and_three_types()
    {
        Assert.True(Pack.Questions.Length >= 224, $"{Pack.Questions.Length} questions");
        foreach (var category in Pack.Categories)
        {
            var inCategory = Pack.Questions.Where(q => q.Category == category.Id).ToList();
            Assert.True(inCategory.Count >= 10, $"{category.Id}: {inCategory.Count} questions");
            foreach (var level in Enum.GetValues<QuestionLevel>())
            {
                Assert.True(inCategory.Any(q => q.Level == level), $"{category.Id} has no {level} question");
            }

            Assert.True(inCategory.Select(q => q.Type).Distinct().Count() >= 3, $"{category.Id} has fewer than 3 types");
        }
    }

    [Theory]
    [InlineData(QuestionType.RoleKnowledge, 15)]
    [InlineData(QuestionType.Technical, 25)]
    [InlineData(QuestionType.Behavioral, 25)]
    [InlineData(QuestionType.Situational, 25)]
    [InlineData(QuestionType.CaseStudy, 10)]
    public void Type_mix_is_within_three_points_of_the_guide(QuestionType type, double percent)
    {
        double share = 100.0 * Pack.Questions.Count(q => q.Type == type) / Pack.Questions.Length;
        Assert.InRange(share, percent - 3, percent + 3);
    }

    [Theory]
    [InlineData(QuestionLevel.Entry, 30)]
    [InlineData(QuestionLevel.Mid, 45)]
    [InlineData(QuestionLevel.Senior, 25)]
    public void Level_mix_is_within_three_points_of_the_guide(QuestionLevel level, double percent)
    {
        double share = 100.0 * Pack.Questions.Count(q => q.Level == level) / Pack.Questions.Length;
        Assert.InRange(share, percent - 3, percent + 3);
    }

    [Theory]
    [MemberData(nameof(QuestionIds))]
    public void Every_question_meets_the_rubric(string id)
    {
        var q = Bank[id];
        int words = WordPattern().Matches(q.Answer.Summary).Count;
        Assert.InRange(words, 150, 300);
        Assert.InRange(q.Answer.KeyPoints.Length, 4, 6);
        Assert.InRange(q.FollowUps.Length, 2, 3);
        Assert.InRange(q.RedFlags.Length, 3, 4);
        Assert.InRange(q.LookFor.Length, 2, 6);
        Assert.NotEmpty(q.Tags);
        Assert.NotEmpty(q.Sources);
        Assert.All(q.Sources, s => Assert.StartsWith("https://", s.Url));
        Assert.NotNull(q.Jurisdiction);
        if (q.LastVerified is { } verified)
        {
            Assert.True(verified <= Today, $"{id}: lastVerified {verified:yyyy-MM-dd} is after today ({Today:yyyy-MM-dd})");
        }

        if (q.ReviewBy is { } reviewBy)
        {
            Assert.True(q.LastVerified is { } checkedOn && reviewBy > checkedOn, $"{id}: reviewBy {reviewBy:yyyy-MM-dd} needs a lastVerified date before it");
        }

        Assert.All(q.Answer.KeyPoints.Concat(q.FollowUps).Concat(q.LookFor).Concat(q.RedFlags), s => Assert.InRange(s.Length, 8, 400));
        Assert.Equal(q.Type == QuestionType.CaseStudy, q.Scenario is not null);
        Assert.All(q.Related, r => Assert.NotNull(Bank.Find(r)));
        if (q.Type == QuestionType.Behavioral)
        {
            foreach (var part in new[] { "Situation", "Action", "Result" })
            {
                Assert.Contains($"**{part}", q.Answer.Summary, StringComparison.Ordinal);
            }
        }

        if (LegalCategories.Contains(q.Category))
        {
            Assert.Contains("not legal advice", q.Answer.Summary, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual("global", q.Jurisdiction);
            Assert.True(q.LastVerified is not null, $"{id}: legal questions say when their law was last checked (lastVerified)");
        }

        if (q.Origin != QuestionOrigin.Brief)
        {
            Assert.DoesNotMatch(@"^(?i:(can|could|do|does|did|is|are|would|will|have|has|should) you)\b", q.Prompt);
        }

        Assert.DoesNotMatch(@"(?i)\b(TODO|TBD|lorem ipsum|FIXME)\b", q.Answer.Summary + q.Prompt);
    }

    [Theory]
    [MemberData(nameof(CategoryIds))]
    public void Answers_in_each_category_do_not_share_a_stock_ending(string category)
    {
        var openings = Pack.Questions.Where(q => q.Category == category).Select(q => ClosingOpening(q.Answer.Summary)).ToList();
        var commonest = openings.GroupBy(o => string.Join(' ', o.Take(2)), StringComparer.Ordinal).OrderByDescending(g => g.Count()).First();
        Assert.True((double)commonest.Count() / openings.Count <= MaxSharedEndingShare, $"{category}: {commonest.Count()} of {openings.Count} answers end on a paragraph opening \"{commonest.Key}\"");
        int tradeOffClosings = openings.Count(o => o.Take(3).Contains("trade-off", StringComparer.Ordinal));
        Assert.True((double)tradeOffClosings / openings.Count <= MaxSharedEndingShare, $"{category}: {tradeOffClosings} of {openings.Count} answers close on a \"trade-off\" paragraph");
    }

    [Theory]
    [MemberData(nameof(QuestionIds))]
    public void Invented_before_and_after_figures_are_labelled_as_examples(string id)
    {
        var q = Bank[id];
        string scenario = q.Scenario is null ? string.Empty : q.Scenario.Text + " " + string.Join(" ", q.Scenario.Table?.Rows.SelectMany(r => r) ?? []);
        var invented = BeforeAfterFigure().Matches(q.Answer.Summary)
            .Where(m => !(scenario.Contains(m.Groups["from"].Value, StringComparison.Ordinal) && scenario.Contains(m.Groups["to"].Value, StringComparison.Ordinal)))
            .Select(m => m.Value).ToList();
        if (invented.Count > 0)
        {
            Assert.True(ExampleLabel().IsMatch(q.Answer.Summary), $"{id}: figures such as \"{invented[0]}\" are not from the scenario and the answer does not label them as an example (*Example ...*)");
        }
    }

    [Fact]
    public void No_source_is_a_list_of_interview_questions()
    {
        var lists = Pack.Questions.SelectMany(q => q.Sources.Select(s => (q.Id, Source: s))).Where(x => IsQuestionList(x.Source)).Select(x => $"{x.Id}: {x.Source.Url}").ToList();
        Assert.True(lists.Count == 0, "interview-question lists cited as evidence: " + string.Join("; ", lists));
    }

    [Theory]
    [InlineData("https://github.com/HireAbo/awesome-interview-questions-5000-jobs", "Sample questions", true)]
    [InlineData("https://www.screeninghive.com/interview-questions/hr/performance-management-specialist", "Screening Hive", true)]
    [InlineData("https://example.org/guide", "Performance management interview questions", true)]
    [InlineData("https://www.noota.io/en/blog/performance", "Noota", true)]
    [InlineData("https://doi.org/10.1037/0021-9010.85.6.956", "Scullen, Mount and Goff (2000)", false)]
    [InlineData("https://www.opm.gov/policy-data-oversight/performance-management/performance-management-cycle/", "OPM: Performance management cycle", false)]
    public void Question_list_detection_flags_lists_and_spares_evidence(string url, string title, bool expected) =>
        Assert.Equal(expected, IsQuestionList(new SourceReference(title, url)));

    [Theory]
    [InlineData("Do this.\n\nThe trade-off: speed against care.", "the trade-off speed")]
    [InlineData("Do this.\n\n*Trade-off:* speed against care.", "trade-off speed against")]
    [InlineData("Do this.\n\nThe trade-off is time.\n\nThis is not legal advice.", "the trade-off is")]
    [InlineData("**Result:** it worked.", "result it worked")]
    public void Closing_opening_skips_markup_and_a_closing_disclaimer(string summary, string expected) =>
        Assert.Equal(expected, string.Join(' ', ClosingOpening(summary)));

    [Fact]
    public void Case_studies_include_at_least_six_data_tables_with_consistent_rows()
    {
        var tables = Pack.Questions.Where(q => q.Scenario?.Table is not null).Select(q => q.Scenario!.Table!).ToList();
        Assert.True(tables.Count >= 6, $"{tables.Count} tables");
        Assert.All(tables, t => Assert.All(t.Rows, r => Assert.Equal(t.Columns.Length, r.Length)));
    }

    [Fact]
    public void The_five_brief_questions_are_present_verbatim_and_marked()
    {
        string seed = File.ReadAllText(Repo.PathOf("tests", "fixtures", "seed", "HR Performance Management Specialist.md"));
        var briefPrompts = Regex.Matches(seed, @"^\d+\. (?!\[)(.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.TrimEnd()).ToList();
        Assert.Equal(5, briefPrompts.Count);
        var marked = Pack.Questions.Where(q => q.Origin == QuestionOrigin.Brief).ToList();
        Assert.Equal(briefPrompts.Order(StringComparer.Ordinal), marked.Select(q => q.Prompt).Order(StringComparer.Ordinal));
        Assert.All(marked, q =>
        {
            Assert.True(q.Attribution is { Title.Length: > 0 }, $"{q.Id}: a prompt from the brief says where it comes from (attribution)");
            Assert.Contains("HireAbo", q.Attribution!.Title, StringComparison.Ordinal);
            Assert.DoesNotContain(q.Sources, IsQuestionList);
        });
    }

    [Fact]
    public void No_two_prompts_ask_the_same_thing()
    {
        var sets = Pack.Questions.Select(q => (q.Id, Words: Significant(q.Prompt))).ToList();
        for (int i = 0; i < sets.Count; i++)
        {
            for (int j = i + 1; j < sets.Count; j++)
            {
                double inter = sets[i].Words.Intersect(sets[j].Words).Count();
                double union = sets[i].Words.Union(sets[j].Words).Count();
                Assert.True(inter / union < 0.6, $"{sets[i].Id} and {sets[j].Id} prompts overlap {inter / union:P0}");
            }
        }
    }

    [Fact]
    public void Text_is_clean_of_control_characters_and_mojibake()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.ShippedPack, "*.yaml"))
        {
            string text = File.ReadAllText(file);
            Assert.StartsWith("# yaml-language-server: $schema=../../schema/question-pack.schema.json", text);
            Assert.DoesNotMatch(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]", text);
            Assert.DoesNotMatch("(Ã.|Â.|â€|ü[öÄ])", text);
            Assert.DoesNotMatch(@"[ \t]+\n", text);
        }
    }

    private static bool IsQuestionList(SourceReference source)
    {
        string text = (source.Title + " " + source.Url).ToLowerInvariant();
        return text.Contains("interview-questions", StringComparison.Ordinal) || text.Contains("interview questions", StringComparison.Ordinal)
            || text.Contains("screeninghive", StringComparison.Ordinal) || text.Contains("noota", StringComparison.Ordinal) || text.Contains("hireabo", StringComparison.Ordinal);
    }

    /// <summary>
    /// The first words of an answer's closing paragraph, lower-cased, without markup or punctuation. A closing
    /// "not legal advice" disclaimer is required content, not a stock ending, so the paragraph before it counts.
    /// </summary>
    private static string[] ClosingOpening(string summary)
    {
        string[] paragraphs = summary.TrimEnd().Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        string closing = paragraphs.LastOrDefault(p => !p.Contains("not legal advice", StringComparison.OrdinalIgnoreCase)) ?? paragraphs[^1];
        return [.. OpeningWord().Matches(closing).Take(3).Select(m => m.Value.ToLowerInvariant())];
    }

    private static HashSet<string> Significant(string prompt) =>
        WordPattern().Matches(prompt.ToLowerInvariant()).Select(m => m.Value)
            .Where(w => w.Length > 3 && w is not ("what" or "your" or "when" or "with" or "that" or "have" or "this" or "would" or "about" or "tell" or "time" or "how" or "does" or "from" or "they" or "their"))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'-]*")]
    private static partial Regex OpeningWord();

    /// <summary>A before/after metric such as "from 64% to 93%" or "from 32 to 39 days".</summary>
    [GeneratedRegex(@"\bfrom (?<from>\d+(?:[.,]\d+)*)%? to (?<to>\d+(?:[.,]\d+)*)%?")]
    private static partial Regex BeforeAfterFigure();

    [GeneratedRegex(@"\*(?:Worked example|Example|Illustrative)\b[^*\n]*\*", RegexOptions.IgnoreCase)]
    private static partial Regex ExampleLabel();
}
