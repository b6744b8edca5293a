using System.Collections.Immutable;

namespace HrPrep.Authoring.Lint;

/// <summary>
/// The catalogue of lint rules' metadata, one <see cref="RuleDescriptor"/> per rule in code order:
/// the single source of what <c>lint --list-rules</c>, <c>lint --explain</c>, the SARIF output and the
/// rules table of the documentation show. A rule takes its descriptor in its constructor.
/// </summary>
public static class RuleDescriptors
{
    /// <summary>The descriptor of <see cref="Rules.RelatedUnknownRule"/>.</summary>
    public static RuleDescriptor RelatedUnknown { get; } = new(
        Code: "HP101",
        Name: "related-unknown",
        Group: RuleGroup.Identity,
        DefaultSeverity: LintSeverity.Error,
        Summary: "An id in 'related' must name another question of the same pack.",
        Rationale: "Apps turn 'related' into links. A typo or a removed question leaves a dead link that no reader can follow, and a question related to itself is noise.",
        BadExample: "- id: hrpm-goals-001\n  related: [hrpm-goals-0002, hrpm-goals-001]",
        GoodExample: "- id: hrpm-goals-001\n  related: [hrpm-goals-002]");

    /// <summary>The descriptor of <see cref="Rules.CategoryUnusedRule"/>.</summary>
    public static RuleDescriptor CategoryUnused { get; } = new(
        Code: "HP102",
        Name: "category-unused",
        Group: RuleGroup.Identity,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "Every category a pack declares should hold at least one question.",
        Rationale: "An empty category shows up in menus and statistics as a topic with nothing in it; usually its questions were given a misspelt or different category.",
        BadExample: "categories:\n  - {id: goals, title: Goals}\n  - {id: rewards, title: Rewards}   # no question uses it",
        GoodExample: "categories:\n  - {id: goals, title: Goals}");

    /// <summary>The descriptor of <see cref="Rules.NearDuplicateRule"/>.</summary>
    public static RuleDescriptor NearDuplicate { get; } = new(
        Code: "HP110",
        Name: "near-duplicate",
        Group: RuleGroup.Duplicates,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "Two prompts across all linted packs are near-duplicates (Jaccard similarity of their word shingles at or above 'threshold').",
        Rationale: "Duplicates waste a candidate's practice time and skew sampling. Prompts are case- and accent-folded, split into words, cut into shingles of 'shingleSize' words and compared with MinHash/LSH, so the pass stays linear on large libraries. The finding is on the later copy and names the earlier one.",
        BadExample: "- prompt: How do you make sure performance goals align with company objectives?\n- prompt: How do you make sure that performance goals align with the company objectives?",
        GoodExample: "- prompt: How do you make sure performance goals align with company objectives?\n- prompt: How would you rebalance a leadership team's goals that are all financial?");

    /// <summary>The descriptor of <see cref="Rules.AnswerTooShortRule"/>.</summary>
    public static RuleDescriptor AnswerTooShort { get; } = new(
        Code: "HP201",
        Name: "answer-too-short",
        Group: RuleGroup.Completeness,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "The model answer ('answer.summary') has fewer than 'minWords' words (default 50; the shipped packs use 150).",
        Rationale: "A one-line model answer teaches nothing: a candidate needs the reasoning, an example and the trade-off an interviewer listens for.",
        BadExample: "answer:\n  summary: Use SMART goals.",
        GoodExample: "answer:\n  summary: |\n    I work from the strategy down and from teams up... (150-300 words with an example and a trade-off)");

    /// <summary>The descriptor of <see cref="Rules.KeyPointsTooFewRule"/>.</summary>
    public static RuleDescriptor KeyPointsTooFew { get; } = new(
        Code: "HP202",
        Name: "too-few-key-points",
        Group: RuleGroup.Completeness,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "'answer.keyPoints' is missing or has fewer than 'minKeyPoints' points (default 2; the shipped packs use 4).",
        Rationale: "Key points are the checklist an interviewer scores against and the flashcard back a candidate revises from; without them the answer cannot be checked.",
        BadExample: "answer:\n  summary: ...\n  keyPoints: [Mentions SMART]",
        GoodExample: "answer:\n  summary: ...\n  keyPoints:\n    - Links each goal to a named team outcome\n    - Uses learning goals for new or complex work");

    /// <summary>The descriptor of <see cref="Rules.PlaceholderTextRule"/>.</summary>
    public static RuleDescriptor PlaceholderText { get; } = new(
        Code: "HP203",
        Name: "placeholder-text",
        Group: RuleGroup.Completeness,
        DefaultSeverity: LintSeverity.Error,
        Summary: "A text of the question contains a placeholder: TODO, TBD, FIXME, XXX, 'lorem ipsum' or '???'.",
        Rationale: "Placeholders are unfinished work; shipped to a candidate they read as broken content.",
        BadExample: "answer:\n  summary: TODO write the model answer",
        GoodExample: "answer:\n  summary: A calibration meeting compares ratings across managers...");

    /// <summary>The descriptor of <see cref="Rules.NotesMissingRule"/>.</summary>
    public static RuleDescriptor NotesMissing { get; } = new(
        Code: "HP204",
        Name: "interviewer-notes-missing",
        Group: RuleGroup.Completeness,
        DefaultSeverity: LintSeverity.Info,
        Summary: "The question has none of 'followUps', 'lookFor' and 'redFlags'.",
        Rationale: "Interviewer notes are what turns a question list into interview practice: what to probe, what good sounds like and what should worry the panel.",
        BadExample: "- id: q-1\n  prompt: ...\n  answer: {summary: ...}",
        GoodExample: "- id: q-1\n  prompt: ...\n  answer: {summary: ...}\n  followUps: [What if the manager refuses?]\n  redFlags: [Skips the evidence]");

    /// <summary>The descriptor of <see cref="Rules.CaseStudyScenarioRule"/>.</summary>
    public static RuleDescriptor CaseStudyScenario { get; } = new(
        Code: "HP205",
        Name: "case-study-scenario",
        Group: RuleGroup.Completeness,
        DefaultSeverity: LintSeverity.Error,
        Summary: "A 'case-study' question has a 'scenario', and every row of a scenario table has one cell per column.",
        Rationale: "A case study's prompt ('Advise the director on this case') means nothing without the case; a ragged table renders wrongly in every export.",
        BadExample: "type: case-study\nprompt: Advise the director on the ratings in this case.\n# no scenario",
        GoodExample: "type: case-study\nscenario:\n  text: A division of 120 people...\n  table: {columns: [Team, Share rated top], rows: [[A, 40%], [B, 12%]]}");

    /// <summary>The descriptor of <see cref="Rules.PromptNotQuestionRule"/>.</summary>
    public static RuleDescriptor PromptNotQuestion { get; } = new(
        Code: "HP301",
        Name: "prompt-not-a-question",
        Group: RuleGroup.Quality,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "The prompt neither ends with '?' nor has an instruction (its first or last sentence starting with a verb such as Describe, Walk me through, Design).",
        Rationale: "A prompt that is a bare topic ('Calibration meetings.') leaves the candidate guessing what is asked. Skipped for 'origin: brief' prompts, which are kept verbatim.",
        BadExample: "prompt: Calibration meetings and their purpose.",
        GoodExample: "prompt: What is the purpose of a calibration meeting?")
    {
        IsWordingRule = true,
    };

    /// <summary>The descriptor of <see cref="Rules.YesNoOpenerRule"/>.</summary>
    public static RuleDescriptor YesNoOpener { get; } = new(
        Code: "HP302",
        Name: "yes-no-opener",
        Group: RuleGroup.Quality,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "The prompt opens like a yes/no question: Can you, Could you, Do you, Did you, Have you, Are you, Is there, Would you...",
        Rationale: "'Can you describe...?' invites 'yes' and softens the question; an open 'How...' or 'Describe...' asks for the answer you want. Skipped for 'origin: brief' prompts, which are kept verbatim.",
        BadExample: "prompt: Can you describe the steps involved in designing a performance process?",
        GoodExample: "prompt: What steps are involved in designing a performance process?")
    {
        IsWordingRule = true,
    };

    /// <summary>The descriptor of <see cref="Rules.CompoundQuestionRule"/>.</summary>
    public static RuleDescriptor CompoundQuestion { get; } = new(
        Code: "HP303",
        Name: "compound-question",
        Group: RuleGroup.Quality,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "The prompt has more than one question mark, or joins a second question with 'and how/what/why... do you'.",
        Rationale: "Candidates answer one half of a double question and interviewers score inconsistently; move the second question to 'followUps'. Skipped for 'origin: brief' prompts.",
        BadExample: "prompt: What is a PIP? And how would you run one?",
        GoodExample: "prompt: How would you run a performance improvement plan?\nfollowUps: [What makes a PIP fair?]")
    {
        IsWordingRule = true,
    };

    /// <summary>The descriptor of <see cref="Rules.PromptTooLongRule"/>.</summary>
    public static RuleDescriptor PromptTooLong { get; } = new(
        Code: "HP304",
        Name: "prompt-too-long",
        Group: RuleGroup.Quality,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "The prompt has more than 'maxWords' words (default 60).",
        Rationale: "A prompt is spoken aloud; a long one belongs in 'scenario', which exports show as the case to read. Skipped for 'origin: brief' prompts.",
        BadExample: "prompt: A company of 3,000 people in four countries with an annual cycle ... (80 words) ... What do you do?",
        GoodExample: "prompt: What would you advise the HR director in this case?\nscenario:\n  text: A company of 3,000 people in four countries...")
    {
        IsWordingRule = true,
    };

    /// <summary>The descriptor of <see cref="Rules.ProtectedCharacteristicRule"/>.</summary>
    public static RuleDescriptor ProtectedCharacteristic { get; } = new(
        Code: "HP401",
        Name: "protected-characteristic",
        Group: RuleGroup.Fairness,
        DefaultSeverity: LintSeverity.Error,
        Summary: "A prompt or follow-up asks the candidate (second person: 'your age', 'are you married', 'do you plan to have children') about a protected characteristic.",
        Rationale: "Asking a candidate about age, family plans, pregnancy, marital status, religion, nationality, race, disability, health or sexual orientation is unlawful or evidence of discrimination in many jurisdictions (US Title VII, ADA, ADEA; UK Equality Act 2010) and unwise everywhere. Questions about how HR handles an employee's disability or pregnancy are legitimate and not reported.",
        BadExample: "prompt: Do you plan to have children in the next few years?",
        GoodExample: "prompt: How would you support a manager whose employee has told them she is pregnant?");

    /// <summary>The descriptor of <see cref="Rules.MojibakeRule"/>.</summary>
    public static RuleDescriptor Mojibake { get; } = new(
        Code: "HP501",
        Name: "mojibake",
        Group: RuleGroup.Hygiene,
        DefaultSeverity: LintSeverity.Error,
        Summary: "The file contains mojibake: UTF-8 read as Windows-1252 or Mac Roman ('Ã©' for 'é', 'â€™' for '’', 'üöÄ' for a rocket emoji).",
        Rationale: "Copying text through a tool with the wrong encoding garbles every accent, dash and emoji; readers see nonsense. Retype the characters or re-import the source as UTF-8.",
        BadExample: "summary: The employeeâ€™s rÃ©sumÃ© ... ## üöÄ Overview",
        GoodExample: "summary: The employee’s résumé ...");

    /// <summary>The descriptor of <see cref="Rules.ControlCharacterRule"/>.</summary>
    public static RuleDescriptor ControlCharacter { get; } = new(
        Code: "HP502",
        Name: "control-character",
        Group: RuleGroup.Hygiene,
        DefaultSeverity: LintSeverity.Error,
        Summary: "The file contains a control character (other than tab and line ends), a zero-width character, a bidirectional override or a byte-order mark after the start.",
        Rationale: "Invisible characters survive copy and paste from PDFs and chat tools; they break search, exports and diffs, and bidirectional overrides can make text display differently from what it contains.",
        BadExample: "prompt: What is a\u200B calibration meeting?   # zero-width space after 'a'",
        GoodExample: "prompt: What is a calibration meeting?");

    /// <summary>The descriptor of <see cref="Rules.TrailingWhitespaceRule"/>.</summary>
    public static RuleDescriptor TrailingWhitespace { get; } = new(
        Code: "HP503",
        Name: "trailing-whitespace",
        Group: RuleGroup.Hygiene,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "A line ends with spaces or tabs.",
        Rationale: "Trailing whitespace is invisible noise in diffs, and inside block scalars (| and >) it becomes part of the text; in Markdown two trailing spaces even make a line break.",
        BadExample: "prompt: What is a PIP?␠␠",
        GoodExample: "prompt: What is a PIP?");

    /// <summary>The descriptor of <see cref="Rules.InconsistentQuotesRule"/>.</summary>
    public static RuleDescriptor InconsistentQuotes { get; } = new(
        Code: "HP504",
        Name: "inconsistent-quotes",
        Group: RuleGroup.Hygiene,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "One text mixes straight (\" ') and typographic (“ ” ‘ ’) quotes, or opens a typographic quote it does not close.",
        Rationale: "Mixed quotes are a sign of text pasted from several sources; they render inconsistently and break exact-match search.",
        BadExample: "summary: The manager said \"HR marked you down” and the employee's reply ...",
        GoodExample: "summary: The manager said \"HR marked you down\" and the employee's reply ...");

    /// <summary>The descriptor of <see cref="Rules.CategoryBalanceRule"/>.</summary>
    public static RuleDescriptor CategoryBalance { get; } = new(
        Code: "HP601",
        Name: "category-balance",
        Group: RuleGroup.Pack,
        DefaultSeverity: LintSeverity.Info,
        Summary: "A category holds fewer than average/'ratio' or more than average*'ratio' of the pack's questions (default ratio 3).",
        Rationale: "Random mock interviews draw in proportion to category size; a lopsided pack over-trains one topic and barely touches another.",
        BadExample: "# goals: 60 questions, legal-uk: 2 questions, 10 other categories: about 12 each",
        GoodExample: "# every category between 8 and 16 questions");

    /// <summary>The descriptor of <see cref="Rules.PackMetadataRule"/>.</summary>
    public static RuleDescriptor PackMetadata { get; } = new(
        Code: "HP602",
        Name: "pack-metadata",
        Group: RuleGroup.Pack,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "The pack manifest has no 'authors' or no 'description'. A missing 'license' or 'version' is always an error, reported by the reader as PACK002.",
        Rationale: "Packs are shared and re-published: without a licence nobody may reuse them, without a version nobody can tell releases apart, and without authors and a description nobody knows who to ask or what the pack is for.",
        BadExample: "pack:\n  id: my-pack\n  version: 1.0.0\n  title: My pack\n  language: en\n  license: CC-BY-4.0\n  categories: [...]",
        GoodExample: "pack:\n  id: my-pack\n  ...\n  description: Interview preparation for ...\n  authors: [Jane Doe]");

    /// <summary>The descriptor of <see cref="Rules.ReviewDueRule"/>.</summary>
    public static RuleDescriptor ReviewDue { get; } = new(
        Code: "HP701",
        Name: "review-due",
        Group: RuleGroup.Sources,
        DefaultSeverity: LintSeverity.Error,
        Summary: "The question's 'reviewBy' date has passed (error) or is at most 'warnDays' days away (warning, default 30).",
        Rationale: "'reviewBy' marks an answer that depends on law still changing (a pending commencement, a reported delay, a recent ruling). Once the date passes, the answer may be wrong and nobody has checked it. The warning gives time to re-check the facts against the primary sources, then update the answer and set a new 'reviewBy' (or remove it once the law has settled). Today is the --today option, else the HRPREP_TODAY environment variable, else the current UTC date. A severity configured for the rule applies to both cases.",
        BadExample: "reviewBy: 2026-11-30   # linted on 2026-12-06: passed\nreviewBy: 2026-12-20   # linted on 2026-12-06: due in 14 days",
        GoodExample: "lastVerified: 2026-12-06\nreviewBy: 2027-03-01   # re-checked today; next check once the regulations are made");

    /// <summary>The descriptor of <see cref="Rules.PrimarySourceRule"/>.</summary>
    public static RuleDescriptor PrimarySource { get; } = new(
        Code: "HP702",
        Name: "primary-source",
        Group: RuleGroup.Sources,
        DefaultSeverity: LintSeverity.Error,
        Summary: "A question with a 'jurisdiction' other than 'global' cites no primary source (a 'sources' URL on a primary domain such as legislation.gov.uk, ecfr.gov, eeoc.gov, eur-lex.europa.eu).",
        Rationale: "Legal facts must be checkable against the law itself or the regulator's own guidance; a blog, law-firm note or HR site may be cited beside a primary source, never alone. A URL counts when its host equals a primary domain or ends with '.' + the domain (case-insensitive; user names, ports and a trailing dot are ignored), so 'www.legislation.gov.uk' counts and 'legislation.gov.uk.example.com' or 'notgov.uk' do not. Configure the list in .hrprep.yaml: 'domains' replaces the default list, 'extraDomains' adds to it.",
        BadExample: "jurisdiction: UK\nsources:\n  - title: An HR blog on the new qualifying period\n    url: https://hr-blog.example.com/unfair-dismissal",
        GoodExample: "jurisdiction: UK\nsources:\n  - title: Employment Rights Act 1996, section 108\n    url: https://www.legislation.gov.uk/ukpga/1996/18/section/108\n  - title: An HR blog on the new qualifying period\n    url: https://hr-blog.example.com/unfair-dismissal");

    /// <summary>The descriptor of <see cref="Rules.StaleFutureRule"/>.</summary>
    public static RuleDescriptor StaleFuture { get; } = new(
        Code: "HP703",
        Name: "stale-future",
        Group: RuleGroup.Sources,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "Forward-looking legal wording ('expected from 2027', 'will come into force', 'is expected to apply', 'from <future year>') in a question without 'reviewBy'.",
        Rationale: "A sentence about a change that has not happened yet goes stale on a known date: the change commences, is delayed or is dropped, and the answer silently becomes wrong. Either state what is in force today, or keep the forward-looking wording and add 'reviewBy' so review-due (HP701) asks for a re-check. Checked: prompt, answer summary, key points, follow-ups, lookFor, red flags; whole words, case-insensitive. Phrases: " + string.Join("; ", Rules.StaleFutureRule.Phrases) + ".",
        BadExample: "answer:\n  summary: The qualifying period is expected to fall to six months from 2027 ...\n# no reviewBy",
        GoodExample: "answer:\n  summary: The qualifying period is expected to fall to six months from 2027 ...\nreviewBy: 2027-02-01");

    /// <summary>The descriptor of <see cref="Rules.SourceIsQuestionListRule"/>.</summary>
    public static RuleDescriptor SourceIsQuestionList { get; } = new(
        Code: "HP704",
        Name: "source-is-question-list",
        Group: RuleGroup.Sources,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "A 'sources' entry is a list of interview questions: its URL or title contains 'interview question(s)' (also 'interview-questions', 'InterviewQuestions', 'interview_questions').",
        Rationale: "'sources' hold evidence for the question's facts. A page listing interview questions is where a prompt may come from, not evidence for anything the answer states. Credit a prompt's origin in the question's 'attribution' field (never checked by this rule) and cite the law, the regulator or research as sources. Heuristic: the URL's host, path and query (percent-decoded) or the title contain 'interview' and 'question' or 'questions' joined by nothing, spaces, hyphens, underscores, plus signs or dots, in any case.",
        BadExample: "sources:\n  - title: 50 HR interview questions and answers\n    url: https://jobs.example.com/hr-interview-questions",
        GoodExample: "attribution:\n  title: Prompt from a published list of HR interview questions\n  url: https://jobs.example.com/hr-interview-questions\nsources:\n  - title: Acas guide to performance management\n    url: https://www.acas.org.uk/...");

    /// <summary>The descriptor of <see cref="Rules.SuppressionInvalidRule"/>.</summary>
    public static RuleDescriptor SuppressionInvalid { get; } = new(
        Code: "HP901",
        Name: "suppression-invalid",
        Group: RuleGroup.Suppression,
        DefaultSeverity: LintSeverity.Error,
        Summary: "A '# hrprep-disable-next-line CODE -- reason' comment has no reason, no code, or a code that is unknown or cannot be suppressed (reader errors).",
        Rationale: "A suppression is a reviewed exception: the reason tells the next editor why the finding is acceptable. Reader errors mean the pack cannot load and must be fixed, not silenced.",
        BadExample: "# hrprep-disable-next-line HP302\nprompt: Can you describe ...?",
        GoodExample: "# hrprep-disable-next-line HP302 -- the user's verbatim question\nprompt: Can you describe ...?");

    /// <summary>The descriptor of <see cref="Rules.SuppressionUnusedRule"/>.</summary>
    public static RuleDescriptor SuppressionUnused { get; } = new(
        Code: "HP902",
        Name: "suppression-unused",
        Group: RuleGroup.Suppression,
        DefaultSeverity: LintSeverity.Warning,
        Summary: "A '# hrprep-disable-next-line' comment names a code that nothing on the next line reports.",
        Rationale: "Stale suppressions hide future problems on that line and mislead readers; remove them once the text is fixed.",
        BadExample: "# hrprep-disable-next-line HP302 -- verbatim\nprompt: How do you define performance?",
        GoodExample: "prompt: How do you define performance?");

    /// <summary>Every descriptor in code order (declared last: the properties above are initialised first).</summary>
    public static ImmutableArray<RuleDescriptor> All { get; } =
    [
        RelatedUnknown,
        CategoryUnused,
        NearDuplicate,
        AnswerTooShort,
        KeyPointsTooFew,
        PlaceholderText,
        NotesMissing,
        CaseStudyScenario,
        PromptNotQuestion,
        YesNoOpener,
        CompoundQuestion,
        PromptTooLong,
        ProtectedCharacteristic,
        Mojibake,
        ControlCharacter,
        TrailingWhitespace,
        InconsistentQuotes,
        CategoryBalance,
        PackMetadata,
        ReviewDue,
        PrimarySource,
        StaleFuture,
        SourceIsQuestionList,
        SuppressionInvalid,
        SuppressionUnused,
    ];
}
