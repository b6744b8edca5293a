using System.Text;
using System.Text.Json;
using HrPrep.Authoring.Lint;
using HrPrep.Authoring.Lint.Output;
using HrPrep.Authoring.Lint.Rules;
using HrPrep.Authoring.Lint.Text;
using HrPrep.Authoring.Schema;
using HrPrep.Content;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>Builds small packs in a temporary folder and lints them.</summary>
internal static class LintHarness
{
    public const string Manifest = """
        pack:
          id: p
          version: 1.0.0
          title: P
          description: A test pack.
          authors: [Tests]
          language: en
          license: MIT
          categories: [{id: c1, title: C}]
        """;

    public static string Answer(int words = 60) => string.Join(' ', Enumerable.Repeat("word", words));

    /// <summary>A complete question with the given prompt and extra YAML lines (indented by 4).</summary>
    public static string Question(string id, string prompt, string extra = "", string type = "technical") => $"""
          - id: {id}
            prompt: {Yaml(prompt)}
            category: c1
            type: {type}
            level: mid
            answer:
              summary: {Answer()}
              keyPoints: [One, Two]
            followUps: [What next?]
        {extra}
        """ + "\n";

    public static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static LintResult Lint(TempDir dir, string questions, string? config = null, LintOptions? options = null)
    {
        dir.File("pack/pack.yaml", Manifest + "\n");
        dir.File("pack/q.yaml", "questions:\n" + questions);
        var lintOptions = options ?? new LintOptions();
        if (config is not null)
        {
            lintOptions = lintOptions with { Config = LintConfigLoader.Parse("cfg.yaml", config, RuleCatalogue.Rules) };
        }

        return new LintEngine(lintOptions).LintPaths([Path.Combine(dir.Path, "pack")]);
    }

    public static List<LintFinding> Codes(this LintResult result, string code) => result.Findings.Where(f => f.Code == code).ToList();
}

public class LintEngineTests
{
    [Fact]
    public void Shipped_content_lints_clean_with_the_repository_configuration()
    {
        var config = LintConfigLoader.Load(Repo.PathOf(".hrprep.yaml"), RuleCatalogue.Rules);
        Assert.Equal(LintSeverity.Warning, config.FailOn);
        var result = new LintEngine(new LintOptions { Config = config }).LintPaths([Repo.PathOf("questions")]);
        Assert.True(result.Findings.IsEmpty, string.Join(Environment.NewLine, result.Findings));
        Assert.Equal(224, result.QuestionCount);
    }

    [Fact]
    public void Embedded_packs_lint_clean_with_default_rules()
    {
        var result = new LintEngine().LintEmbedded();
        Assert.True(result.Findings.IsEmpty, string.Join(Environment.NewLine, result.Findings));
        Assert.StartsWith("questions/", Assert.Single(result.Findings.Select(f => f.Path).Append("questions/x").Distinct()));
    }

    [Fact]
    public void Reader_schema_and_rule_findings_come_out_in_one_stable_order()
    {
        using var dir = new TempDir();
        var result = LintHarness.Lint(dir, LintHarness.Question("p-1", "Do you plan to have children?") + "    colour: red\n");
        Assert.Contains(result.Findings, f => f.Code == "PACK001");
        Assert.Contains(result.Findings, f => f.Code == "HP401");
        Assert.Contains(result.Findings, f => f.Code == "HP302");
        var sorted = result.Findings.ToList();
        sorted.Sort(LintFinding.Compare);
        Assert.Equal(sorted, result.Findings);
        Assert.Equal(result.Findings, LintHarness.Lint(dir, LintHarness.Question("p-1", "Do you plan to have children?") + "    colour: red\n").Findings);
    }

    [Fact]
    public void Validity_is_reported_once_by_the_binder_without_schema_findings()
    {
        // The binder is the one authority on validity: no second verdict from the schema to reconcile.
        using var dir = new TempDir();
        var result = LintHarness.Lint(dir, LintHarness.Question("p-1", "What is it?") + "    colour: red\n");
        var pack001 = Assert.Single(result.Codes("PACK001"));
        Assert.Contains("unknown key 'colour' in a question", pack001.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Code == "SCHEMA");
    }

    [Fact]
    public void Custom_schema_findings_are_reported_with_positions()
    {
        using var dir = new TempDir();
        string schema = PackSchemaValidator.LoadShippedSchemaText().Replace("\"maxLength\": 64", "\"maxLength\": 3", StringComparison.Ordinal);
        var options = new LintOptions { Schema = new PackSchemaValidator(schema) };
        var result = LintHarness.Lint(dir, LintHarness.Question("pp-11", "What is it?"), options: options);
        Assert.Contains(result.Findings, f => f.Code == "SCHEMA" && f.Message.Contains("at most 3 characters", StringComparison.Ordinal) && f.Line == 2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("- a\n- b\n")]
    [InlineData("text\n")]
    [InlineData("42\n")]
    [InlineData("{}\n")]
    [InlineData("questions: [[[\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    public void Bad_files_give_located_findings_never_a_crash(string content)
    {
        using var dir = new TempDir();
        dir.File("bad.yaml", content);
        var result = new LintEngine().LintPaths([dir.Path]);
        Assert.Contains(result.Findings, f => f.Severity == LintSeverity.Error);
        Assert.All(result.Findings, f => Assert.Matches(@"^.+bad\.yaml:[1-9]\d*:[1-9]\d*: error [A-Z]+\d*: .+$", f.ToString()));
    }

    [Fact]
    public void A_directory_of_ten_thousand_files_is_linted_without_a_crash()
    {
        using var dir = new TempDir();
        for (int i = 0; i < 10_000; i++)
        {
            File.WriteAllText(Path.Combine(dir.Path, $"f{i:D5}.yaml"), string.Empty);
        }

        var result = new LintEngine().LintPaths([dir.Path]);
        Assert.Equal(10_000, result.FileCount);
        Assert.Equal(10_000, result.Codes("PACK008").Count);
    }

    [Fact]
    public void Missing_input_is_unreadable()
    {
        var result = new LintEngine().LintPaths(["/no/such/dir"]);
        Assert.True(result.HasUnreadableInput);
        Assert.Equal("IO001", Assert.Single(result.Findings).Code);
    }
}

public class LintRuleTests
{
    private static LintResult Lint(string questions, string? config = null)
    {
        using var dir = new TempDir();
        return LintHarness.Lint(dir, questions, config);
    }

    [Fact]
    public void Every_rule_has_a_unique_code_name_and_documentation()
    {
        var rules = RuleCatalogue.Rules;
        Assert.Equal(rules.Length, rules.Select(r => r.Code).Distinct().Count());
        Assert.Equal(rules.Length, rules.Select(r => r.Name).Distinct().Count());
        Assert.All(rules, r =>
        {
            Assert.Matches("^HP[0-9]{3}$", r.Code);
            Assert.Matches("^[a-z]+(-[a-z]+)*$", r.Name);
            Assert.False(string.IsNullOrWhiteSpace(r.Summary + r.Rationale + r.BadExample + r.GoodExample));
            Assert.Equal($"{r.GetType().Name}.cs", Directory.EnumerateFiles(Repo.PathOf("src", "HrPrep.Authoring", "Lint", "Rules"), r.GetType().Name + ".cs").Select(Path.GetFileName).Single());
        });
    }

    [Fact]
    public void Every_rule_takes_its_descriptor_from_the_one_catalogue_in_code_order()
    {
        Assert.Equal(RuleDescriptors.All.Length, RuleCatalogue.Rules.Length);
        for (int i = 0; i < RuleCatalogue.Rules.Length; i++)
        {
            Assert.Same(RuleDescriptors.All[i], RuleCatalogue.Rules[i].Descriptor);
        }

        Assert.Equal(RuleDescriptors.All.Select(d => d.Code).Order(StringComparer.Ordinal), RuleDescriptors.All.Select(d => d.Code));
        Assert.Equal(["HP301", "HP302", "HP303", "HP304"], RuleDescriptors.All.Where(d => d.IsWordingRule).Select(d => d.Code));
        var descriptor = RuleDescriptors.PromptTooLong;
        Assert.Equal("quality", descriptor.GroupName);
        Assert.Equal($"{descriptor.Summary}\n\nWhy: {descriptor.Rationale}\n\nBad:\n{descriptor.BadExample}\n\nGood:\n{descriptor.GoodExample}", descriptor.Help);
    }

    [Fact]
    public void Sarif_rule_metadata_comes_from_the_descriptors()
    {
        using var ms = new MemoryStream();
        SarifLintFormatter.Write(ms, Lint(LintHarness.Question("p-1", "What is it?")), "1.0.0");
        using var doc = JsonDocument.Parse(ms.ToArray());
        var rules = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        foreach (var d in RuleDescriptors.All)
        {
            var rule = rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == d.Code);
            Assert.Equal(d.Name, rule.GetProperty("name").GetString());
            Assert.Equal(d.Summary, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(d.Rationale, rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(d.Help, rule.GetProperty("help").GetProperty("text").GetString());
            Assert.Equal(d.GroupName, rule.GetProperty("properties").GetProperty("tags")[0].GetString());
        }
    }

    [Fact]
    public void Related_pointing_nowhere_or_to_itself()
    {
        var result = Lint(LintHarness.Question("p-1", "What is it?", "    related: [p-2, p-9, p-1]") + LintHarness.Question("p-2", "What else is it?"));
        var findings = result.Codes("HP101");
        Assert.True(findings.Count == 2, string.Join("\n", result.Findings));
        Assert.Contains("related question 'p-9' does not exist in pack 'p'", findings[0].Message + findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("lists itself", findings[0].Message + findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_identity_checks_duplicate_and_retired_ids_and_undeclared_categories()
    {
        var result = Lint(LintHarness.Question("p-1", "What is it?") + LintHarness.Question("p-1", "What else is it?") + LintHarness.Question("p-3", "Why is it?").Replace("category: c1", "category: c9", StringComparison.Ordinal));
        Assert.Single(result.Codes("PACK006"));
        Assert.Single(result.Codes("PACK007"));
    }

    [Fact]
    public void Near_duplicates_across_packs_name_the_other_copy()
    {
        using var dir = new TempDir();
        dir.File("a/pack.yaml", LintHarness.Manifest + "\n");
        dir.File("a/q.yaml", "questions:\n" + LintHarness.Question("p-1", "How do you make sure performance goals align with company objectives?"));
        dir.File("b/pack.yaml", LintHarness.Manifest.Replace("id: p\n", "id: other\n", StringComparison.Ordinal) + "\n");
        dir.File("b/q.yaml", "questions:\n" + LintHarness.Question("o-1", "How do you make sure that performance goals align with company objectives?"));
        var finding = Assert.Single(new LintEngine().LintPaths([dir.Path]).Codes("HP110"));
        Assert.EndsWith(Path.Combine("b", "q.yaml"), finding.Path, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("a", "q.yaml"), finding.Related!.Value.Path, StringComparison.Ordinal);
        Assert.Equal(3, finding.Related!.Value.Line);
        Assert.Contains("other copy at", finding.ToString(), StringComparison.Ordinal);

        var strict = LintConfigLoader.Parse("c.yaml", "rules:\n  HP110: {threshold: 0.95}\n", RuleCatalogue.Rules);
        Assert.Empty(new LintEngine(new LintOptions { Config = strict }).LintPaths([dir.Path]).Codes("HP110"));
    }

    [Fact]
    public void Many_identical_prompts_each_point_at_the_first()
    {
        var questions = string.Concat(Enumerable.Range(1, 300).Select(i => LintHarness.Question($"p-{i}", "What is the purpose of a calibration meeting?")));
        var findings = Lint(questions).Codes("HP110");
        Assert.Equal(299, findings.Count);
        Assert.All(findings, f => Assert.Equal(3, f.Related!.Value.Line));
    }

    [Fact]
    public void Completeness_rules()
    {
        var result = Lint(
            LintHarness.Question("p-1", "What is it?").Replace(LintHarness.Answer(), "Too short TODO.", StringComparison.Ordinal).Replace("keyPoints: [One, Two]", "keyPoints: [One]", StringComparison.Ordinal)
            + LintHarness.Question("p-2", "Advise the director on this case.", type: "case-study").Replace("    followUps: [What next?]\n", string.Empty, StringComparison.Ordinal));
        Assert.Single(result.Codes("HP201"));
        Assert.Single(result.Codes("HP202"));
        Assert.Equal("placeholder text 'TODO' left in the question", Assert.Single(result.Codes("HP203")).Message);
        Assert.Single(result.Codes("HP204"));
        Assert.Single(result.Codes("HP205"));
    }

    [Fact]
    public void Answer_length_is_configurable_per_rule_and_per_path()
    {
        string q = LintHarness.Question("p-1", "What is it?");
        Assert.Empty(Lint(q).Codes("HP201"));
        Assert.Equal("the model answer has 60 words; write at least 150", Assert.Single(Lint(q, "rules:\n  answer-too-short: {minWords: 150}\n").Codes("HP201")).Message);
        Assert.Empty(Lint(q, "rules:\n  HP201: {minWords: 150}\noverrides:\n  - files: ['**/q.yaml']\n    rules: {HP201: off}\n").Codes("HP201"));
        Assert.Equal(LintSeverity.Error, Assert.Single(Lint(q, "rules:\n  HP201: {severity: error, minWords: 150}\n").Codes("HP201")).Severity);
    }

    [Theory]
    [InlineData("Calibration meetings and their purpose.", "HP301")]
    [InlineData("Can you describe the steps involved in designing a process?", "HP302")]
    [InlineData("Do you think ratings are useful?", "HP302")]
    [InlineData("What is a PIP? And how would you run one?", "HP303")]
    [InlineData("What is a PIP, and how do you run one fairly?", "HP303")]
    public void Prompt_wording_rules(string prompt, string code)
    {
        Assert.Single(Lint(LintHarness.Question("p-1", prompt)).Codes(code));
    }

    [Theory]
    [InlineData("What is a PIP?")]
    [InlineData("Walk me through a calibration meeting.")]
    [InlineData("A company sets goals in January. Map this calendar against the five-stage cycle.")]
    [InlineData("After calibration, the manager plans to say \"HR marked you down\". What do you do?")]
    [InlineData("How do disparate treatment and disparate impact differ?")]
    public void Good_prompts_pass_the_wording_rules(string prompt)
    {
        var result = Lint(LintHarness.Question("p-1", prompt));
        Assert.DoesNotContain(result.Findings, f => f.Code is "HP301" or "HP302" or "HP303" or "HP304");
    }

    [Fact]
    public void Wording_rules_skip_brief_prompts_kept_verbatim()
    {
        const string Prompt = "Can you please explain your understanding of the role of an HR Performance Management Specialist?";
        Assert.Single(Lint(LintHarness.Question("p-1", Prompt)).Codes("HP302"));
        Assert.Empty(Lint(LintHarness.Question("p-1", Prompt, "    origin: brief")).Codes("HP302"));
    }

    [Theory]
    [InlineData("How old are you?", "age")]
    [InlineData("What is your date of birth?", "age")]
    [InlineData("When did you graduate from high school?", "age")]
    [InlineData("Are you married?", "marital status")]
    [InlineData("Do you plan to have children in the next few years?", "family plans")]
    [InlineData("Who looks after your kids while you work?", "family plans")]
    [InlineData("Are you pregnant or planning to become pregnant?", "pregnancy")]
    [InlineData("What is your religion?", "religion")]
    [InlineData("Which religious holidays do you observe?", "religion")]
    [InlineData("Where were you born?", "nationality or national origin")]
    [InlineData("Is English your first language?", "nationality or national origin")]
    [InlineData("Do you have any disabilities we should know about?", "disability or health")]
    [InlineData("How many sick days did you take last year, and what is your medical history?", "disability or health")]
    [InlineData("What is your sexual orientation?", "sexual orientation or gender identity")]
    [InlineData("What is your ethnicity?", "race or ethnicity")]
    public void Questions_about_a_candidates_protected_characteristics_are_errors(string prompt, string characteristic)
    {
        var finding = Assert.Single(Lint(LintHarness.Question("p-1", prompt)).Codes("HP401"));
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Contains($"about {characteristic} (", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tell me about a time you made reasonable adjustments to a performance process for a disabled employee.")]
    [InlineData("Tell me about a time you advised a manager whose underperforming employee had just requested a disability accommodation.")]
    [InlineData("How would you support a manager whose employee has told them she is pregnant?")]
    [InlineData("A manager wants to rate a 58-year-old employee lower because the employee is \"slow to adapt\". What do you do?")]
    [InlineData("During a formal capability meeting, the employee says their manager is marking them down because of their race. What do you do?")]
    [InlineData("How would you put right a capability process for an employee who disclosed a health condition?")]
    [InlineData("How would you test whether written review comments describe women's and men's performance differently?")]
    [InlineData("How would you handle an employee's request for religious holiday leave during the review cycle?")]
    public void Questions_about_handling_an_employees_case_are_not_flagged(string prompt)
    {
        Assert.Empty(Lint(LintHarness.Question("p-1", prompt)).Codes("HP401"));
    }

    [Fact]
    public void Follow_ups_asked_of_the_candidate_are_checked_too()
    {
        var finding = Assert.Single(Lint(LintHarness.Question("p-1", "What is a PIP?").Replace("followUps: [What next?]", "followUps: [Are you married?]", StringComparison.Ordinal)).Codes("HP401"));
        Assert.StartsWith("the follow-up asks", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## üöÄ Overview", "üöÄ")]
    [InlineData("The employeeâ€™s review", "â€™")]
    [InlineData("A rÃ©sumÃ© check", "Ã©")]
    [InlineData("Costs Â£40", "Â£")]
    public void Mojibake_is_found_at_its_column(string text, string garbled)
    {
        using var dir = new TempDir();
        var result = LintHarness.Lint(dir, LintHarness.Question("p-1", "What is it?").Replace("[What next?]", $"[\"{text}\"]", StringComparison.Ordinal));
        var finding = Assert.Single(result.Codes("HP501"));
        Assert.Equal(10, finding.Line);
        Assert.Equal(18 + text.IndexOf(garbled, StringComparison.Ordinal), finding.Column);
        Assert.Contains($"'{garbled}'", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("café, naïve, Straße, Ærø — “quoted” ‘single’ €5 résumé")]
    [InlineData("Zürich and Malmö, 10 µs, ±3 °C")]
    [InlineData("日本語のテキスト and emoji 🚀")]
    public void Real_non_ascii_text_is_not_mojibake(string text)
    {
        Assert.Null(HrPrep.Authoring.Lint.Text.Mojibake.Find(text));
    }

    [Fact]
    public void Control_characters_trailing_whitespace_and_quotes()
    {
        string q = LintHarness.Question("p-1", "What is a\u200B PIP?", "    redFlags: [\"Says \\\"fine” and moves on\"]   ");
        var result = Lint(q);
        var control = Assert.Single(result.Codes("HP502"));
        Assert.Equal((3, 23), (control.Line, control.Column));
        Assert.Single(result.Codes("HP503"));
        Assert.Single(result.Codes("HP504"));
    }

    [Fact]
    public void Pack_rules_category_balance_unused_categories_and_metadata()
    {
        using var dir = new TempDir();
        dir.File("pack/pack.yaml", LintHarness.Manifest.Replace("categories: [{id: c1, title: C}]", "categories: [{id: c1, title: C}, {id: c2, title: D}, {id: c3, title: E}, {id: c4, title: F}]", StringComparison.Ordinal).Replace("  authors: [Tests]\n", string.Empty, StringComparison.Ordinal) + "\n");
        dir.File("pack/q.yaml", "questions:\n" + string.Concat(Enumerable.Range(1, 12).Select(i => LintHarness.Question($"p-{i}", $"What is thing number {i} about {new string((char)('a' + i), 3)}?"))) + LintHarness.Question("p-99", "Why does anything happen?").Replace("category: c1", "category: c2", StringComparison.Ordinal));
        var result = new LintEngine().LintPaths([Path.Combine(dir.Path, "pack")]);
        Assert.Equal(2, result.Codes("HP102").Count);
        Assert.Equal(2, result.Codes("HP601").Count);
        Assert.All(result.Codes("HP601"), f => Assert.Equal(LintSeverity.Info, f.Severity));
        Assert.Equal("the pack manifest has no 'authors'", Assert.Single(result.Codes("HP602")).Message);
    }
}

public class LintSuppressionTests
{
    private static LintResult Lint(string questions)
    {
        using var dir = new TempDir();
        return LintHarness.Lint(dir, questions);
    }

    [Fact]
    public void A_suppression_with_a_reason_silences_the_next_line()
    {
        string q = LintHarness.Question("p-1", "Can you describe a PIP?").Replace("    prompt:", "    # hrprep-disable-next-line HP302 -- the user's verbatim wording\n    prompt:", StringComparison.Ordinal);
        var result = Lint(q);
        Assert.Empty(result.Codes("HP302"));
        Assert.Empty(result.Codes("HP902"));
        Assert.Equal(1, result.SuppressedInline);
    }

    [Fact]
    public void Rule_names_work_in_suppressions()
    {
        string q = LintHarness.Question("p-1", "Can you describe a PIP?").Replace("    prompt:", "    # hrprep-disable-next-line yes-no-opener -- verbatim\n    prompt:", StringComparison.Ordinal);
        Assert.Empty(Lint(q).Codes("HP302"));
    }

    [Fact]
    public void A_suppression_without_a_reason_is_an_error_and_does_not_suppress()
    {
        string q = LintHarness.Question("p-1", "Can you describe a PIP?").Replace("    prompt:", "    # hrprep-disable-next-line HP302\n    prompt:", StringComparison.Ordinal);
        var result = Lint(q);
        Assert.Single(result.Codes("HP302"));
        var invalid = Assert.Single(result.Codes("HP901"));
        Assert.Equal((3, 5), (invalid.Line, invalid.Column));
        Assert.Contains("gives no reason", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unused_unknown_and_reader_code_suppressions_are_reported()
    {
        string q = LintHarness.Question("p-1", "What is a PIP?")
            .Replace("    prompt:", "    # hrprep-disable-next-line HP302 -- stale\n    # hrprep-disable-next-line HP999 -- typo\n    # hrprep-disable-next-line PACK001 -- no\n    prompt:", StringComparison.Ordinal);
        var result = Lint(q);
        Assert.Single(result.Codes("HP902"));
        Assert.Equal(2, result.Codes("HP901").Count);
    }
}

public class LintConfigTests
{
    [Theory]
    [InlineData("rulez: {}\n", "cfg.yaml:1:1: error CONFIG: unknown key 'rulez' (did you mean 'rules'?); allowed: failOn, rules, overrides")]
    [InlineData("rules:\n  HP30: off\n", "cfg.yaml:2:3: error CONFIG: unknown rule 'HP30' (did you mean 'HP301'?); run 'dotnet hrprep lint --list-rules'")]
    [InlineData("rules:\n  PACK001: off\n", "cfg.yaml:2:3: error CONFIG: unknown rule 'PACK001'; reader and schema errors cannot be configured")]
    [InlineData("rules:\n  HP201: {minWord: 3}\n", "cfg.yaml:2:11: error CONFIG: unknown option 'minWord' for HP201 (answer-too-short) (did you mean 'minWords'?); allowed: severity, minWords")]
    [InlineData("rules:\n  HP201: loud\n", "cfg.yaml:2:10: error CONFIG: severity of HP201 must be error, warning, info or off (found 'loud')")]
    [InlineData("overrides:\n  - files: x\n    rule: {}\n", "cfg.yaml:3:5: error CONFIG: unknown key 'rule' in an override (did you mean 'rules'?); allowed: files, rules")]
    [InlineData("- a\n", "cfg.yaml:1:1: error CONFIG: the configuration must be a mapping, found a list")]
    public void Invalid_configuration_is_located(string text, string expected)
    {
        var ex = Assert.Throws<LintConfigException>(() => LintConfigLoader.Parse("cfg.yaml", text, RuleCatalogue.Rules));
        Assert.Contains(expected, ex.Problems.Select(p => p.ToString()));
        Assert.False(ex.Unreadable);
    }

    [Fact]
    public void Missing_configuration_file_is_unreadable()
    {
        var ex = Assert.Throws<LintConfigException>(() => LintConfigLoader.Load("/no/such/.hrprep.yaml", RuleCatalogue.Rules));
        Assert.True(ex.Unreadable);
    }

    [Fact]
    public void The_config_schema_accepts_the_repository_config_and_rejects_unknown_keys()
    {
        var schema = new PackSchemaValidator(File.ReadAllText(Repo.PathOf("schema", "hrprep-config.schema.json")));
        Assert.Empty(schema.Validate(SafeYamlReader.ReadFile(Repo.PathOf(".hrprep.yaml")).Root!));
        string full = "failOn: error\nrules:\n  HP201: {severity: warning, minWords: 100}\n  near-duplicate: off\noverrides:\n  - files: ['legacy/**']\n    rules: {HP301: info}\n";
        Assert.Empty(schema.Validate(SafeYamlReader.ReadText("c.yaml", full).Root!));
        LintConfigLoader.Parse("c.yaml", full, RuleCatalogue.Rules);
        Assert.NotEmpty(schema.Validate(SafeYamlReader.ReadText("c.yaml", "rulez: {}\n").Root!));
    }

    [Theory]
    [InlineData("**/legacy/*.yaml", "a/b/legacy/x.yaml", true)]
    [InlineData("**/legacy/*.yaml", "legacy/x.yaml", true)]
    [InlineData("legacy/*.yaml", "legacy/sub/x.yaml", false)]
    [InlineData("legacy/", "legacy/sub/x.yaml", true)]
    [InlineData("q?.yaml", "q1.yaml", true)]
    public void Globs(string glob, string path, bool matches)
    {
        Assert.Equal(matches, System.Text.RegularExpressions.Regex.IsMatch(path, LintConfig.GlobToRegex(glob)));
    }
}

public class LintBaselineAndOutputTests
{
    [Fact]
    public void Baseline_accepts_known_findings_so_only_new_ones_are_reported()
    {
        using var dir = new TempDir();
        var first = LintHarness.Lint(dir, LintHarness.Question("p-1", "Can you describe a PIP?"));
        Assert.NotEmpty(first.Findings);
        string baselinePath = Path.Combine(dir.Path, "baseline.json");
        Baseline.Write(baselinePath, first.Findings);
        Assert.Equal([baselinePath], Directory.GetFiles(dir.Path));

        var again = LintHarness.Lint(dir, "\n" + LintHarness.Question("p-1", "Can you describe a PIP?") + LintHarness.Question("p-2", "Do you plan to have children?"), options: new LintOptions { Baseline = Baseline.Read(baselinePath) });
        Assert.Equal(first.Findings.Length, again.SuppressedByBaseline);
        Assert.All(again.Findings, f => Assert.Contains(f.Code, new[] { "HP302", "HP401" }));
        Assert.Equal(2, again.Findings.Length);
    }

    [Fact]
    public void Unreadable_baseline_is_reported()
    {
        using var dir = new TempDir();
        Assert.Throws<InvalidDataException>(() => Baseline.Read(dir.File("b.json", "{}")));
    }

    private static LintResult NearDuplicates(TempDir dir) =>
        LintHarness.Lint(dir, LintHarness.Question("p-1", "What is the purpose of a calibration meeting?") + LintHarness.Question("p-2", "What is the purpose of a calibration meeting?") + LintHarness.Question("p-3", "Can you, 100%, describe a PIP?"));

    [Fact]
    public void Sarif_is_2_1_0_with_rule_metadata_and_related_locations()
    {
        using var dir = new TempDir();
        var result = NearDuplicates(dir);
        using var ms = new MemoryStream();
        SarifLintFormatter.Write(ms, result, "1.0.0", dir.Path);
        using var doc = JsonDocument.Parse(ms.ToArray());
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "HP401" && r.GetProperty("help").GetProperty("text").GetString()!.Contains("Bad:", StringComparison.Ordinal));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(result.Findings.Length, results.Count);
        var dup = results.Single(r => r.GetProperty("ruleId").GetString() == "HP110");
        Assert.Equal("warning", dup.GetProperty("level").GetString());
        Assert.Equal("pack/q.yaml", dup.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, dup.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Contains("(1)", dup.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        foreach (var r in results)
        {
            Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Github_annotations_are_escaped()
    {
        Assert.Equal("100%25 done%0Anext", GitHubLintFormatter.Data("100% done\nnext"));
        Assert.Equal("a%3Ab%2Cc%25", GitHubLintFormatter.Property("a:b,c%"));
        using var dir = new TempDir();
        var w = new StringWriter { NewLine = "\n" };
        GitHubLintFormatter.Write(w, NearDuplicates(dir));
        Assert.Matches(@"^::warning file=[^,]+q\.yaml,line=\d+,col=\d+,title=HP\d{3}::", w.ToString().Split('\n')[0]);
        Assert.Contains("::warning file=", w.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Msbuild_json_and_text_formats()
    {
        using var dir = new TempDir();
        var result = NearDuplicates(dir);
        var w = new StringWriter { NewLine = "\n" };
        MsBuildLintFormatter.Write(w, result);
        Assert.All(w.ToString().TrimEnd().Split('\n'), line => Assert.Matches(@"^/.+q\.yaml\(\d+,\d+\): (error|warning|info) HP\d{3}: .+$", line));

        using var ms = new MemoryStream();
        JsonLintFormatter.Write(ms, result);
        using var doc = JsonDocument.Parse(ms.ToArray());
        Assert.Equal(result.Findings.Length, doc.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(3, doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "HP110").GetProperty("related").GetProperty("line").GetInt32());

        var text = new StringWriter { NewLine = "\n" };
        TextLintFormatter.Write(text, result, color: false);
        Assert.DoesNotContain("\u001b", text.ToString(), StringComparison.Ordinal);
        var colored = new StringWriter { NewLine = "\n" };
        TextLintFormatter.Write(colored, result, color: true);
        Assert.Contains("\u001b[33;1mwarning", colored.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("in 2 files (3 questions)\n", text.ToString(), StringComparison.Ordinal);
    }
}

public class NearDuplicateShingleTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Why?")]
    [InlineData("How would you redesign the annual review form when budgets have been cut by a third in a bank?")]
    [InlineData("Élodie's café — naïve Straße: 360-degree feedback, OKRs (Q3) & 2x raters!")]
    [InlineData("  leading, trailing;  and   repeated   spaces  ")]
    [InlineData("one two one two one two")]
    public void Shingles_of_a_text_equal_the_shingles_of_its_words(string text)
    {
        // The rule hashes words straight from the folded text; it must equal hashing TextTools.Words.
        foreach (int size in new[] { 1, 2, 3 })
        {
            var index = new NearDuplicateIndex(0.7, size);
            Assert.Equal(index.Shingles(TextTools.Words(text)), index.Shingles(text));
        }
    }

    [Theory]
    [InlineData(1_000, false)]
    [InlineData(300_000, false)]
    [InlineData(300_000, true)]
    public void Band_keys_sorted_in_parallel_equal_a_plain_sort(int count, bool clustered)
    {
        // Above 65,536 values the index sorts by top byte in parallel; the order must be Array.Sort's.
        var random = new Random(count + (clustered ? 1 : 0));
        var values = new ulong[count + 7];
        for (int i = 0; i < values.Length; i++)
        {
            // Clustered: few distinct top bytes and many repeated values (uneven ranges, duplicates).
            values[i] = clustered ? ((ulong)(uint)random.Next(3) << 56) | (uint)random.Next(1000) : (ulong)random.NextInt64() * 3UL;
        }

        var expected = (ulong[])values.Clone();
        Array.Sort(expected, 0, count);
        NearDuplicateIndex.SortParallel(values, count);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void Earlier_duplicates_are_found_among_empty_and_unrelated_sets()
    {
        // The sets are laid out one after another internally; empty sets (no words) sit between
        // others and must neither match nor shift where the next set starts.
        var index = new NearDuplicateIndex(0.7, 2);
        string[] texts =
        [
            "How would you redesign the annual review form when budgets have been cut?",
            "",
            "Which evidence would you need to escalate stretch assignments at a cloud provider?",
            "?",
            "How would you redesign the annual review form when budgets have been cut?",
            "Which evidence would you need to escalate stretch assignments at a cloud provider quickly?",
            "Describe a time you changed a payroll process.",
        ];
        var found = index.FindEarlierDuplicates([.. texts.Select(t => index.Shingles(t))]);
        Assert.Equal([-1, -1, -1, -1, 0, 2, -1], found.Select(f => f.Other));
        Assert.Equal(1.0, found[4].Similarity);
        Assert.InRange(found[5].Similarity, 0.7, 0.99);
        Assert.Equal(NearDuplicateIndex.Jaccard(index.Shingles(texts[2]), index.Shingles(texts[5])), found[5].Similarity);
    }
    [Theory]
    [InlineData(0.7)]
    [InlineData(0.45)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(0.3333333333333333)]
    public void Threshold_check_with_early_exit_agrees_with_exact_Jaccard(double threshold)
    {
        // Verification stops as soon as the intersection cannot reach the threshold; it must accept
        // exactly the pairs whose exact Jaccard meets it, with the same similarity value.
        var random = new Random(17);
        int accepted = 0, rejected = 0;
        for (int round = 0; round < 4_000; round++)
        {
            // Small universes make large overlaps (and exact ties with the threshold) common.
            int universe = 2 + random.Next(40);
            ulong[] a = RandomSet(random, universe);
            ulong[] b = round % 5 == 0 ? (ulong[])a.Clone() : RandomSet(random, universe);
            double exact = NearDuplicateIndex.Jaccard(a, b);
            bool reaches = NearDuplicateIndex.Reaches(a, b, threshold, out double sim);
            Assert.Equal(exact >= threshold, reaches);
            Assert.Equal(reaches ? exact : 0, sim);
            if (reaches)
            {
                accepted++;
            }
            else
            {
                rejected++;
            }
        }

        if (threshold is > 0 and < 1)
        {
            Assert.True(accepted > 50 && rejected > 50, $"{accepted} accepted, {rejected} rejected");
        }

        static ulong[] RandomSet(Random random, int universe) =>
            [.. Enumerable.Range(0, universe).Where(_ => random.Next(3) == 0).Select(v => (ulong)v * 0x9E3779B97F4A7C15UL).Order()];
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(0.45)]
    [InlineData(0.6)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    public void Minimum_intersection_is_the_smallest_that_meets_the_threshold(double threshold)
    {
        for (int total = 1; total <= 600; total++)
        {
            int k = NearDuplicateIndex.MinIntersection(total, threshold);
            Assert.InRange(k, 0, total);
            Assert.True((double)k / (total - k) >= threshold, $"total {total}: {k} does not meet {threshold}");
            Assert.True(k == 0 || (double)(k - 1) / (total - k + 1) < threshold, $"total {total}: {k - 1} already meets {threshold}");
        }
    }

    [Theory]
    [InlineData(0, 126)]
    [InlineData(1, 128)]
    [InlineData(2, 64)]
    [InlineData(3, 7)]
    public void MinHash_signatures_are_the_same_with_and_without_vectors_and_equal_the_definition(int seed, int hashes)
    {
        var random = new Random(seed);
        var a = new ulong[hashes];
        var c = new ulong[hashes];
        for (int h = 0; h < hashes; h++)
        {
            a[h] = (ulong)random.NextInt64() | 1UL | ((ulong)random.Next() << 40);
            c[h] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33);
        }

        for (int round = 0; round < 300; round++)
        {
            // Empty sets, single values, values near the top of the range (wrapping arithmetic).
            var set = new ulong[round % 11 == 0 ? 0 : random.Next(1, 40)];
            for (int i = 0; i < set.Length; i++)
            {
                set[i] = round % 7 == 0 ? ulong.MaxValue - (ulong)random.Next(0, 5) : (ulong)random.NextInt64() * 0x9E3779B97F4A7C15UL;
            }

            var expected = new ulong[hashes];
            for (int h = 0; h < hashes; h++)
            {
                expected[h] = ulong.MaxValue;
                foreach (ulong s in set)
                {
                    expected[h] = Math.Min(expected[h], unchecked((s * a[h]) + c[h]));
                }
            }

            var scalar = new ulong[hashes];
            var vector = new ulong[hashes];
            NearDuplicateIndex.MinHash(set, a, c, scalar, vector: false);
            NearDuplicateIndex.MinHash(set, a, c, vector, vector: true);
            Assert.Equal(expected, scalar);
            Assert.Equal(expected, vector);
        }
    }
}
