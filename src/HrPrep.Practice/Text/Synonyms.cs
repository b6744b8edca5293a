namespace HrPrep.Practice.Text;

/// <summary>
/// A small curated list of HR and general English synonyms, folded to one concept id each (after
/// stemming), plus British-to-American spelling folds. Written from general HR vocabulary, not
/// from the labelled answers; it is deliberately short and each group is a plain equivalence.
/// </summary>
internal static class Synonyms
{
    private static readonly string[][] Groups =
    [
        ["manager", "boss", "supervisor", "superior"],
        ["employee", "staff", "worker", "individual", "personnel", "ratee", "employees", "workforce", "people", "person"],
        ["peer", "colleague", "coworker"],
        ["goal", "objective", "target", "aim"],
        ["rating", "rate", "score", "grade", "mark", "scoring", "rated"],
        ["appraisal", "review", "evaluation", "assessment", "assess", "evaluate", "appraise", "judge", "judgement", "judgment"],
        ["pay", "salary", "compensation", "bonus", "reward", "raise", "remuneration", "money", "merit", "financial"],
        ["fair", "fairness", "equitable", "just", "unbiased", "justice", "equity"],
        ["law", "legal", "lawful", "legislation", "statute", "statutory", "compliance", "compliant", "legally"],
        ["train", "training", "coach", "coaching", "mentor", "mentoring"],
        ["support", "help", "assist", "assistance", "resource", "resources", "provide"],
        ["evidence", "proof", "example", "instance", "justification", "justify", "substantiate"],
        ["record", "document", "documentation", "note", "notes", "written", "write", "log", "minute"],
        ["regular", "frequent", "ongoing", "continuous", "continual", "periodic", "routine", "recurring", "throughout"],
        ["timely", "prompt", "soon", "immediate", "promptly", "quickly"],
        ["specific", "concrete", "precise", "explicit", "particular"],
        ["measurable", "quantifiable", "observable", "trackable", "quantified"],
        ["standard", "expectation", "criterion", "criteria", "benchmark", "yardstick", "bar"],
        ["consistent", "consistency", "uniform", "comparable", "consistently"],
        ["bias", "biased", "prejudice", "skew", "distortion", "distort"],
        ["outcome", "result", "deliverable", "output", "achievement", "accomplishment", "deliver", "delivered", "achieve", "achieved"],
        ["behaviour", "behavior", "conduct", "behavioural", "behavioral"],
        ["strategy", "strategic", "priority", "mission"],
        ["align", "alignment", "link", "connect", "tie", "cascade", "connection", "linkage"],
        ["company", "organisation", "organization", "business", "firm", "employer", "enterprise", "organisational", "organizational"],
        ["dismiss", "dismissal", "terminate", "termination", "fire", "sack", "discharge"],
        ["cause", "reason", "root", "source"],
        ["skill", "ability", "capability", "competence", "competency", "capable", "able"],
        ["motivation", "motivated", "willingness", "choice", "attitude", "effort", "choose", "unwilling", "willing"],
        ["consequence", "repercussion", "implication"],
        ["improve", "improvement", "better", "enhance", "progress"],
        ["deadline", "date", "timeline", "timeframe", "schedule", "dated"],
        ["monitor", "track", "follow", "tracking", "monitoring", "check"],
        ["purpose", "intended", "intention"],
        ["pilot", "trial", "test", "piloting"],
        ["anonymous", "confidential", "unidentifiable", "anonymity", "anonymised"],
        ["aggregate", "pooled", "combined", "averaged", "average", "pool"],
        ["distribution", "spread", "curve"],
        ["annual", "yearly", "year", "years"],
        ["deliberate", "intentional", "intent", "deliberately", "intentionally", "purposely"],
        ["lenient", "leniency", "generous", "generously", "inflate", "inflated", "inflation", "overrate", "soft"],
        ["gaming", "game", "manipulate", "manipulation", "cheat", "gamed"],
        ["risk", "danger", "threat", "hazard"],
        ["accountable", "accountability", "responsible", "responsibility", "owner", "ownership", "owns"],
        ["communicate", "communication", "announce", "tell", "explain", "brief", "briefing"],
        ["involve", "consult", "engage", "participate", "participation", "input", "consultation", "involvement"],
        ["appeal", "challenge", "contest", "dispute", "correct", "correction", "overturn"],
        ["recent", "latest", "recency"],
        ["potential", "promise", "promising"],
        ["leading", "predictive", "predictor", "predict", "early", "forward"],
        ["lagging", "backward", "retrospective", "hindsight"],
        ["development", "developmental", "growth", "grow", "develop", "developing"],
        ["learn", "learning", "discover", "acquire"],
        ["difficult", "hard", "challenging", "demanding", "stretch", "tough", "ambitious"],
        ["complex", "complicated", "unfamiliar", "novel"],
        ["vague", "unclear", "ambiguous", "fuzzy"],
        ["research", "study", "studies", "scientific", "science", "literature", "academic", "metaanalysis", "findings"],
        ["data", "metric", "figure", "figures", "numbers", "statistics", "analytics", "statistical", "measure"],
        ["survey", "questionnaire", "poll", "pulse"],
        ["decision", "decide", "determine"],
        ["worse", "lower", "decrease", "reduce", "harm", "hurt", "backfire", "damage", "worsen", "lowered"],
        ["software", "app", "tool", "platform", "technology", "application"],
        ["form", "template", "paperwork", "paper"],
        ["advance", "beforehand", "upfront", "prior", "outset"],
        ["automated", "automatic", "algorithm", "algorithmic", "machine", "computer", "ai", "automation"],
        ["human", "manual", "humans"],
        ["significant", "serious", "major", "substantial", "comparably", "similarly"],
        ["authority", "power", "override", "veto"],
        ["uplift", "adjust", "adjustment", "increase", "raise", "cut"],
        ["discrimination", "discriminate", "discriminatory"],
        ["retaliation", "retaliate", "retaliatory", "victimisation", "reprisal"],
        ["conversation", "discussion", "talk", "dialogue", "meeting", "checkin", "onetoone"],
        ["feedback", "comments", "comment"],
        ["team", "unit", "department", "group"],
        ["promotion", "promote", "advancement", "progression"],
        ["noise", "noisy", "unreliable", "error", "inaccurate"],
        ["trustworthy", "reliable", "credible", "reliability", "credibility", "trust", "quality"],
        ["warning", "warn", "warnings"],
        ["outlier", "unusual", "extreme", "exception"],
    ];

    private static readonly Dictionary<string, string> SpellingFolds = new(StringComparer.Ordinal)
    {
        ["behaviour"] = "behavior", ["behaviours"] = "behaviors", ["behavioural"] = "behavioral", ["favour"] = "favor",
        ["favourable"] = "favorable", ["programme"] = "program", ["programmes"] = "programs", ["centre"] = "center",
        ["judgement"] = "judgment", ["colour"] = "color", ["labour"] = "labor", ["honour"] = "honor",
        ["defence"] = "defense", ["licence"] = "license", ["check-in"] = "checkin", ["analyse"] = "analyze",
        ["analysed"] = "analyzed", ["analysing"] = "analyzing",
    };

    private static readonly Dictionary<string, string> ConceptByStem = Build();

    /// <summary>British spellings folded to American ones (-ise/-isation to -ize/-ization and a short list), applied before stemming.</summary>
    public static string FoldSpelling(string word)
    {
        if (SpellingFolds.TryGetValue(word, out var folded))
        {
            return folded;
        }

        if (word.Length > 6)
        {
            if (word.EndsWith("isation", StringComparison.Ordinal))
            {
                return string.Concat(word.AsSpan(0, word.Length - 7), "ization");
            }

            if (word.EndsWith("isations", StringComparison.Ordinal))
            {
                return string.Concat(word.AsSpan(0, word.Length - 8), "izations");
            }

            foreach (var (british, american) in (ReadOnlySpan<(string, string)>)[("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing")])
            {
                if (word.EndsWith(british, StringComparison.Ordinal))
                {
                    return string.Concat(word.AsSpan(0, word.Length - british.Length), american);
                }
            }
        }

        return word;
    }

    /// <summary>Stems a (folded) word.</summary>
    public static string StemOf(string word) => PorterStemmer.Stem(FoldSpelling(word));

    /// <summary>The concept id of a stem: its synonym group's first member's stem, or the stem itself.</summary>
    public static string ConceptOf(string stem) => ConceptByStem.GetValueOrDefault(stem, stem);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            string id = "~" + StemOf(group[0]);
            foreach (string word in group)
            {
                // first group wins for a stem listed twice
                map.TryAdd(StemOf(word), id);
            }
        }

        return map;
    }
}
