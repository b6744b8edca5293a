using HrPrep.Authoring.Lint;
using HrPrep.Authoring.Lint.Rules;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>The evidence and currency rules: review-due (HP701), primary-source (HP702), stale-future (HP703), source-is-question-list (HP704).</summary>
public class SourceRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static LintResult Lint(string questions, string? config = null, DateOnly? today = null)
    {
        using var dir = new TempDir();
        return LintHarness.Lint(dir, questions, config, new LintOptions { Today = today ?? Today });
    }

    /// <summary>Line of the first extra line of the first question in <see cref="LintHarness.Question"/> (after the manifest-free q.yaml's "questions:" line).</summary>
    private const int ExtraLine = 11;

    // ---- HP701 review-due ----

    [Theory]
    [InlineData("2026-12-05", LintSeverity.Error, "reviewBy 2026-12-05 has passed (1 day before 2026-12-06); re-check the facts against the primary sources, update the answer and set a new reviewBy (or remove it if the law has settled)")]
    [InlineData("2026-01-01", LintSeverity.Error, "reviewBy 2026-01-01 has passed (339 days before 2026-12-06); re-check the facts against the primary sources, update the answer and set a new reviewBy (or remove it if the law has settled)")]
    [InlineData("2026-12-06", LintSeverity.Warning, "reviewBy 2026-12-06 is today (linted on 2026-12-06); re-check the facts against the primary sources before then")]
    [InlineData("2026-12-07", LintSeverity.Warning, "reviewBy 2026-12-07 is in 1 day (linted on 2026-12-06); re-check the facts against the primary sources before then")]
    [InlineData("2027-01-05", LintSeverity.Warning, "reviewBy 2027-01-05 is in 30 days (linted on 2026-12-06); re-check the facts against the primary sources before then")]
    public void Review_date_passed_is_an_error_and_near_is_a_warning_at_the_date(string date, LintSeverity severity, string message)
    {
        var finding = Assert.Single(Lint(LintHarness.Question("p-1", "What is it?", $"    reviewBy: {date}")).Codes("HP701"));
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(message, finding.Message);
        Assert.Equal((ExtraLine, 15), (finding.Line, finding.Column));
        Assert.EndsWith("q.yaml", finding.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    reviewBy: 2027-01-06")]
    [InlineData("    reviewBy: 2030-01-01")]
    [InlineData("")]
    public void Review_date_more_than_warn_days_away_or_absent_is_fine(string extra)
    {
        Assert.Empty(Lint(LintHarness.Question("p-1", "What is it?", extra)).Codes("HP701"));
    }

    [Fact]
    public void Today_comes_from_the_options_and_warn_days_and_severity_are_configurable()
    {
        string q = LintHarness.Question("p-1", "What is it?", "    reviewBy: 2027-02-01");
        Assert.Empty(Lint(q).Codes("HP701"));
        Assert.Equal(LintSeverity.Warning, Assert.Single(Lint(q, today: new DateOnly(2027, 1, 20)).Codes("HP701")).Severity);
        Assert.Equal(LintSeverity.Error, Assert.Single(Lint(q, today: new DateOnly(2027, 2, 2)).Codes("HP701")).Severity);
        Assert.Equal(LintSeverity.Warning, Assert.Single(Lint(q, "rules:\n  review-due: {warnDays: 60}\n").Codes("HP701")).Severity);
        Assert.Equal(LintSeverity.Warning, Assert.Single(Lint(q, "rules:\n  HP701: warning\n", new DateOnly(2027, 3, 1)).Codes("HP701")).Severity);
        Assert.Equal(LintSeverity.Info, Assert.Single(Lint(q, "rules:\n  HP701: info\n", new DateOnly(2027, 1, 20)).Codes("HP701")).Severity);
        Assert.Empty(Lint(q, "rules:\n  review-due: off\n", new DateOnly(2027, 3, 1)).Codes("HP701"));
    }

    [Fact]
    public void A_review_date_that_is_not_a_date_is_left_to_the_reader()
    {
        var result = Lint(LintHarness.Question("p-1", "What is it?", "    reviewBy: 2026-02-30"));
        Assert.Empty(result.Codes("HP701"));
        Assert.Contains(result.Findings, f => f.Code == "PACK005" && f.Message.Contains("not a real date", StringComparison.Ordinal));
    }

    // ---- HP702 primary-source ----

    private static string Legal(string jurisdiction, params string[] urls) =>
        LintHarness.Question("p-1", "What is it?", $"    jurisdiction: {jurisdiction}" + (urls.Length == 0 ? "" : "\n    sources:\n" + string.Concat(urls.Select(u => $"      - title: A source\n        url: {u}\n"))).TrimEnd('\n'));

    [Theory]
    [InlineData("https://www.legislation.gov.uk/ukpga/1996/18/section/108")]
    [InlineData("https://legislation.gov.uk/ukpga/1996/18")]
    [InlineData("https://WWW.LEGISLATION.GOV.UK/ukpga/1996/18")]
    [InlineData("https://www.legislation.gov.uk./ukpga/1996/18")]
    [InlineData("https://www.legislation.gov.uk:443/ukpga")]
    [InlineData("https://www.ecfr.gov/current/title-29/part-1607")]
    [InlineData("https://eur-lex.europa.eu/eli/reg/2024/1689/oj")]
    [InlineData("https://www.gov.uk/employment-tribunals")]
    [InlineData("http://www.eeoc.gov/laws")]
    public void A_source_on_a_primary_domain_or_subdomain_satisfies_the_rule(string url)
    {
        Assert.Empty(Lint(Legal("UK", "https://hr-blog.example.com/post", url)).Codes("HP702"));
    }

    [Theory]
    [InlineData("https://evil-legislation.gov.uk.example.com/ukpga")]
    [InlineData("https://legislation.gov.uk.example.com/ukpga")]
    [InlineData("https://notgov.uk/page")]
    [InlineData("https://legislation.gov.uk@evil.example.com/ukpga")]
    [InlineData("https://example.com/legislation.gov.uk/ukpga")]
    [InlineData("https://example.com/?u=https://www.legislation.gov.uk")]
    [InlineData("ftp://www.legislation.gov.uk/ukpga")]
    [InlineData("https://eeoc.gov.example.org/laws")]
    public void Look_alike_hosts_are_not_primary(string url)
    {
        var finding = Assert.Single(Lint(Legal("US", url)).Codes("HP702"));
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.StartsWith("jurisdiction 'US' but no primary source", finding.Message, StringComparison.Ordinal);
        Assert.Equal((ExtraLine + 2, 7), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_legal_question_with_only_secondary_sources_or_none_is_reported_and_global_ones_are_not()
    {
        var blogOnly = Assert.Single(Lint(Legal("GB", "https://www.cipd.org/x", "https://gannons.co.uk/y")).Codes("HP702"));
        Assert.Equal("jurisdiction 'GB' but no primary source (cited hosts: www.cipd.org, gannons.co.uk); cite the statute, regulation or the regulator's own guidance (see 'dotnet hrprep lint --explain HP702' for the domains)", blogOnly.Message);
        var none = Assert.Single(Lint(Legal("EU")).Codes("HP702"));
        Assert.Equal((ExtraLine, 19), (none.Line, none.Column));
        Assert.Contains("(no source URL)", none.Message, StringComparison.Ordinal);
        Assert.Empty(Lint(Legal("global", "https://www.cipd.org/x")).Codes("HP702"));
        Assert.Empty(Lint(LintHarness.Question("p-1", "What is it?", "    sources: [{title: A, url: 'https://www.cipd.org/x'}]")).Codes("HP702"));
    }

    [Fact]
    public void The_domain_list_is_replaced_by_domains_and_extended_by_extra_domains()
    {
        string local = Legal("US-NY", "https://law.example.org/a");
        string statute = Legal("US", "https://www.ecfr.gov/a");
        Assert.Single(Lint(local).Codes("HP702"));
        Assert.Empty(Lint(local, "rules:\n  primary-source: {extraDomains: [law.example.org]}\n").Codes("HP702"));
        Assert.Empty(Lint(statute, "rules:\n  primary-source: {extraDomains: [law.example.org]}\n").Codes("HP702"));
        Assert.Empty(Lint(local, "rules:\n  primary-source: {domains: [example.org]}\n").Codes("HP702"));
        Assert.Single(Lint(statute, "rules:\n  primary-source: {domains: [example.org]}\n").Codes("HP702"));
    }

    [Theory]
    [InlineData("rules:\n  primary-source: {domains: ['https://www.ecfr.gov']}\n", "cfg.yaml:2:30: error CONFIG: 'https://www.ecfr.gov' in option 'domains' of HP702: use a bare domain name such as legislation.gov.uk (no scheme, path, port or wildcard)")]
    [InlineData("rules:\n  primary-source: {domains: ['*.gov']}\n", "cfg.yaml:2:30: error CONFIG: '*.gov' in option 'domains' of HP702: use a bare domain name such as legislation.gov.uk (no scheme, path, port or wildcard)")]
    [InlineData("rules:\n  primary-source: {domains: ecfr.gov}\n", "cfg.yaml:2:29: error CONFIG: option 'domains' of HP702 must be a list, found a string")]
    [InlineData("rules:\n  primary-source: {domain: [ecfr.gov]}\n", "cfg.yaml:2:20: error CONFIG: unknown option 'domain' for HP702 (primary-source) (did you mean 'domains'?); allowed: severity, domains, extraDomains")]
    [InlineData("rules:\n  primary-source: {extraDomains: ['']}\n", "cfg.yaml:2:35: error CONFIG: an item of option 'extraDomains' of HP702 must not be empty")]
    [InlineData("rules:\n  primary-source: {extraDomains: [3]}\n", "cfg.yaml:2:35: error CONFIG: an item of option 'extraDomains' of HP702 must be non-empty text, found a number")]
    public void Bad_domain_configuration_is_located(string text, string expected)
    {
        var ex = Assert.Throws<LintConfigException>(() => LintConfigLoader.Parse("cfg.yaml", text, RuleCatalogue.Rules));
        Assert.Contains(expected, ex.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void The_config_schema_and_loader_accept_list_options_and_the_schema_rejects_non_text_items()
    {
        var schema = new HrPrep.Authoring.Schema.PackSchemaValidator(File.ReadAllText(Repo.PathOf("schema", "hrprep-config.schema.json")));
        string good = "rules:\n  primary-source: {severity: warning, domains: [ecfr.gov], extraDomains: [law.example.org]}\n  review-due: {warnDays: 45}\noverrides:\n  - files: ['legacy/**']\n    rules: {HP702: {extraDomains: [old.example.org]}}\n";
        Assert.Empty(schema.Validate(HrPrep.Packs.Yaml.SafeYamlReader.ReadText("c.yaml", good).Root!));
        var config = LintConfigLoader.Parse("c.yaml", good, RuleCatalogue.Rules);
        var rule = RuleCatalogue.Find("HP702")!;
        Assert.Equal(["ecfr.gov"], config.ListOptionsFor(rule, null)["domains"]);
        Assert.Equal(["law.example.org"], config.ListOptionsFor(rule, null)["extraDomains"]);
        Assert.Equal(45, config.OptionsFor(RuleCatalogue.Find("HP701")!, null)["warnDays"]);
        Assert.NotEmpty(schema.Validate(HrPrep.Packs.Yaml.SafeYamlReader.ReadText("c.yaml", "rules:\n  primary-source: {domains: [1]}\n").Root!));
        Assert.NotEmpty(schema.Validate(HrPrep.Packs.Yaml.SafeYamlReader.ReadText("c.yaml", "rules:\n  primary-source: {domains: gov.uk}\n").Root!));
    }

    [Theory]
    [InlineData("www.legislation.gov.uk", true)]
    [InlineData("legislation.gov.uk", true)]
    [InlineData("a.b.legislation.gov.uk", true)]
    [InlineData("LEGISLATION.GOV.UK.", true)]
    [InlineData("xlegislation.gov.uk.example.com", false)]
    [InlineData("evil-legislation.gov.uk.example.com", false)]
    [InlineData("legislation.gov.uk.evil", false)]
    [InlineData("gov.uk.evil.com", false)]
    [InlineData("egislation.gov.uk", true)] // a subdomain of gov.uk, which is itself primary
    [InlineData("europa.eu.int", false)]
    public void Host_matching_is_whole_labels_from_the_right(string host, bool primary)
    {
        Assert.Equal(primary && !host.StartsWith("egislation", StringComparison.Ordinal), PrimarySourceRule.IsPrimary(host, ["legislation.gov.uk"]));
        Assert.Equal(primary, PrimarySourceRule.IsPrimary(host, PrimarySourceRule.DefaultDomains));
    }

    // ---- HP703 stale-future ----

    [Theory]
    [InlineData("The cut is expected from 2027.", "expected from 2027")]
    [InlineData("The duty is expected in early 2027.", "expected in early 2027")]
    [InlineData("It was expected by 2024 but slipped.", "expected by 2024")]
    [InlineData("Annex III duties are expected to apply later.", "expected to apply")]
    [InlineData("The rules are expected to come into force soon.", "expected to come into force")]
    [InlineData("The section will come into force by regulations.", "will come into force")]
    [InlineData("The Act WILL ENTER INTO FORCE next year.", "WILL ENTER INTO FORCE")]
    [InlineData("Part 2 will commence on a date to be appointed.", "will commence")]
    [InlineData("The duty is due to commence in the spring.", "is due to commence")]
    [InlineData("Section 3 is not yet in force.", "not yet in force")]
    [InlineData("The provision is yet to commence.", "yet to commence")]
    [InlineData("Obligations apply from 2 December 2027.", "from 2 December 2027")]
    [InlineData("Obligations apply from December 2, 2027.", "from December 2, 2027")]
    [InlineData("The six-month period applies from 1 January 2027.", "from 1 January 2027")]
    [InlineData("Penalties start in 2028.", "in 2028")]
    [InlineData("Transitional rules run until the end of 2027.", "until the end of 2027")]
    [InlineData("Reporting applies from mid-2027.", "from mid-2027")]
    [InlineData("Penalties start in 2028", "in 2028")]
    [InlineData("Codes 12345 and 1999 aside, it applies from 2027", "from 2027")]
    [InlineData("It is EXPECTED TO APPLY soon.", "EXPECTED TO APPLY")]
    public void Forward_looking_wording_is_found(string text, string phrase)
    {
        Assert.Equal(phrase, StaleFutureRule.Find(text, Today));
    }

    [Theory]
    [InlineData("The Act came into force in 2010.")]
    [InlineData("The rule has applied from 1 January 2026.")]
    [InlineData("Ratings were compared in 2025.")]
    [InlineData("An unexpected result surprised the panel.")]
    [InlineData("Managers are expected to hold monthly check-ins.")]
    [InlineData("What is expected in the role is written down.")]
    [InlineData("The review committee will meet weekly; the committee commenced work.")]
    [InlineData("The willingness to come into force is a pun.")]
    [InlineData("Budget 2027 is set by the board.")]
    [InlineData("Employees rated from 1 to 5.")]
    [InlineData("Set targets by 2030 with the board.")]
    [InlineData("Ticket from 20271 was closed.")]
    [InlineData("Ticket 2027 from the queue.")]
    public void Ordinary_wording_and_past_dates_are_not_found(string text)
    {
        Assert.Null(StaleFutureRule.Find(text, Today));
    }

    [Fact]
    public void A_year_counts_as_future_relative_to_today()
    {
        Assert.Equal("from 2027", StaleFutureRule.Find("It applies from 2027.", new DateOnly(2026, 12, 31)));
        Assert.Null(StaleFutureRule.Find("It applies from 2027.", new DateOnly(2027, 1, 1)));
        Assert.Equal("expected from 2027", StaleFutureRule.Find("It is expected from 2027.", new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Every_checked_field_is_reported_at_its_text_and_review_by_silences_the_rule()
    {
        string extra = "    lookFor: [Knows it is expected to apply later]\n    redFlags: [Says it will come into force tomorrow]";
        string q = LintHarness.Question("p-1", "What changes from 2028?", extra).Replace("keyPoints: [One, Two]", "keyPoints: [One, Not yet in force]", StringComparison.Ordinal)
            .Replace("followUps: [What next?]", "followUps: [What if it is due to commence later?]", StringComparison.Ordinal);
        var findings = Lint(q).Codes("HP703");
        Assert.Equal(
            ["prompt 'from 2028'", "key point 'Not yet in force'", "follow-up 'is due to commence'", "lookFor item 'expected to apply'", "red flag 'will come into force'"],
            findings.Select(f => f.Message[4..f.Message.IndexOf("' but", StringComparison.Ordinal)].Replace(" says ", " ", StringComparison.Ordinal) + "'"));
        Assert.All(findings, f => Assert.Equal(LintSeverity.Warning, f.Severity));
        Assert.Equal((3, 13), (findings[0].Line, findings[0].Column));
        Assert.Equal("the prompt says 'from 2028' but the question has no reviewBy; state what is in force today, or add 'reviewBy: YYYY-MM-DD' (when to re-check)", findings[0].Message);
        Assert.Empty(Lint(q.Replace("    lookFor:", "    reviewBy: 2027-06-01\n    lookFor:", StringComparison.Ordinal)).Codes("HP703"));
    }

    [Fact]
    public void The_answer_summary_is_checked()
    {
        string q = LintHarness.Question("p-1", "What is it?").Replace("summary: ", "summary: The period is expected from 2027. ", StringComparison.Ordinal);
        var finding = Assert.Single(Lint(q).Codes("HP703"));
        Assert.StartsWith("the answer says 'expected from 2027'", finding.Message, StringComparison.Ordinal);
        Assert.Equal((8, 16), (finding.Line, finding.Column));
    }

    // ---- HP704 source-is-question-list ----

    [Theory]
    [InlineData("https://www.screeninghive.example/hr-interview-questions", "A page", "url", "interview-questions")]
    [InlineData("https://github.com/Example/awesome-interview-questions-5000-jobs", "A list", "url", "interview-questions")]
    [InlineData("https://example.com/InterviewQuestions/hr", "A page", "url", "InterviewQuestions")]
    [InlineData("https://example.com/blog/interview_questions", "A page", "url", "interview_questions")]
    [InlineData("https://example.com/q?topic=interview%20questions", "A page", "url", "interview questions")]
    [InlineData("https://interview-questions.example.com/hr", "A page", "url", "interview-questions")]
    [InlineData("https://example.com/hr", "Top 50 HR Interview Questions and Answers", "title", "Interview Questions")]
    [InlineData("https://example.com/hr", "HR interview question bank", "title", "interview question")]
    public void A_list_of_interview_questions_as_a_source_is_reported_at_the_signal(string url, string title, string where, string signal)
    {
        string q = LintHarness.Question("p-1", "What is it?", $"    sources:\n      - title: {LintHarness.Yaml(title)}\n        url: {url}");
        var finding = Assert.Single(Lint(q).Codes("HP704"));
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains($"('{signal}')", finding.Message, StringComparison.Ordinal);
        Assert.Equal(where == "url" ? (ExtraLine + 2, 14) : (ExtraLine + 1, 16), (finding.Line, finding.Column));
    }

    [Theory]
    [InlineData("https://www.acas.org.uk/managing-performance", "Acas: managing performance")]
    [InlineData("https://example.com/structured-interviews", "Structured interviews: a meta-analysis")]
    [InlineData("https://example.com/interviewing-guide", "Questions to ask about interviewing")]
    [InlineData("https://example.com/interview#questions", "Interview guide")]
    public void Evidence_about_interviews_is_not_a_question_list(string url, string title)
    {
        string q = LintHarness.Question("p-1", "What is it?", $"    sources:\n      - title: {LintHarness.Yaml(title)}\n        url: {url}");
        Assert.Empty(Lint(q).Codes("HP704"));
    }

    [Fact]
    public void Attribution_is_where_a_question_list_belongs()
    {
        string q = LintHarness.Question("p-1", "What is it?", "    attribution:\n      title: Prompt from a list of HR interview questions\n      url: https://github.com/Example/awesome-interview-questions-5000-jobs");
        var result = Lint(q);
        Assert.Empty(result.Codes("HP704"));
        Assert.DoesNotContain(result.Findings, f => f.Severity == LintSeverity.Error);
    }

    [Fact]
    public void The_new_rules_are_in_the_sources_group_with_documented_defaults()
    {
        var expected = new (string Code, string Name, LintSeverity Severity)[]
        {
            ("HP701", "review-due", LintSeverity.Error),
            ("HP702", "primary-source", LintSeverity.Error),
            ("HP703", "stale-future", LintSeverity.Warning),
            ("HP704", "source-is-question-list", LintSeverity.Warning),
        };
        foreach (var (code, name, severity) in expected)
        {
            var rule = RuleCatalogue.Find(name)!;
            Assert.Equal((code, RuleGroup.Sources, severity), (rule.Code, rule.Group, rule.DefaultSeverity));
        }

        Assert.Equal(30, RuleCatalogue.Find("HP701")!.DefaultOptions["warnDays"]);
        Assert.Equal(26, PrimarySourceRule.DefaultDomains.Length);
        Assert.Contains("legislation.gov.uk", RuleCatalogue.Find("HP702")!.DefaultListOptions["domains"]);
    }
}
