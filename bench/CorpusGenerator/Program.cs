using System.Globalization;
using System.Text;
using HrPrep.Content;

// Deterministic corpus generator for the lint benchmarks.
// Usage: dotnet run -c Release --project bench/CorpusGenerator -- COUNT OUTDIR [SEED]
// Writes OUTDIR/pack.yaml (the manifest) and OUTDIR/questions-NNNN.yaml with 100 questions each:
// prompts from templates with four independent slots, answers of 150-300 words, key points,
// follow-ups, interviewer notes, sources and related ids, like the shipped pack.
//
// Many small packs: dotnet run -c Release --project bench/CorpusGenerator -- packs PACKS OUTDIR [SEED]
// Writes PACKS role packs of 5 questions, one folder per role (OUTDIR/ROLE-ID/ROLE-ID.yaml), each a
// single file holding the manifest and its questions the way `dotnet hrprep import markdown` writes
// them (one category 'imported', origin: imported), with model answers of 50-85 words filled in,
// key points and follow-ups: about 4 KB per pack, like a collection of imported role pages.
bool manyPacks = args.Length > 0 && args[0] == "packs";
if (manyPacks)
{
    args = args[1..];
}

if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
{
    Console.Error.WriteLine("usage: CorpusGenerator COUNT OUTDIR [SEED]\n       CorpusGenerator packs PACKS OUTDIR [SEED]");
    return 2;
}

string outDir = args[1];
ulong seed = args.Length > 2 ? ulong.Parse(args[2], CultureInfo.InvariantCulture) : 20261126UL;
var rng = new Xoshiro256StarStar(seed);
const int PerFile = 100;

string[] categories = ["goals", "measuring", "appraisal", "bias", "calibration", "feedback", "multi-rater", "underperformance", "legal-us", "legal-uk", "privacy", "analytics", "change", "design", "role"];
string[] types = ["role-knowledge", "technical", "behavioral", "situational", "case-study"];
string[] levels = ["entry", "mid", "senior"];
string[] templates =
[
    "How would you {0} {1} when {2} in {3}?",
    "Tell me about a time you had to {0} {1} while {2} at {3}.",
    "Walk me through how you would {0} {1} if {2} in {3}.",
    "What would you do to {0} {1} after {2} at {3}?",
    "Describe how you would {0} {1} given that {2} in {3}.",
    "A director asks you to {0} {1} because {2} at {3}. What do you advise?",
    "Why is it hard to {0} {1} when {2} in {3}?",
    "Which evidence would you need to {0} {1} once {2} at {3}?",
];
string[] verbs = ["redesign", "audit", "explain", "defend", "simplify", "measure", "pilot", "communicate", "calibrate", "review", "roll out", "retire", "fund", "document", "benchmark", "automate", "localise", "prioritise", "escalate", "negotiate", "evaluate", "rebuild", "standardise", "challenge", "coach managers on", "train raters for", "set targets for", "collect data on", "report on", "get buy-in for", "reduce bias in", "speed up", "budget for", "test the fairness of", "align leaders on", "phase out", "translate", "monitor", "govern", "stress-test"];
string[] objects = ["the annual review form", "a nine-box talent grid", "quarterly check-ins", "a merit matrix", "the rating scale", "a forced distribution policy", "360-degree feedback", "an improvement plan template", "goal cascades", "OKRs for support teams", "a competency framework", "the calibration agenda", "promotion criteria", "a peer recognition tool", "the appraisal calendar", "frame-of-reference training", "a bonus formula", "the performance dashboard", "manager scorecards", "an exit interview process", "the probation review", "a skills inventory", "engagement pulse surveys", "a mentoring scheme", "the talent review pack", "a capability policy", "the appeals process", "self-assessment questions", "a rating audit", "team-level objectives", "an analytics data model", "the feedback etiquette guide", "behavioural anchors", "a succession plan", "pay transparency reports", "a coaching curriculum", "a retention risk model", "stretch assignments", "career ladders", "the onboarding goals"];
string[] situations = ["budgets have been cut by a third", "two business units have just merged", "the CEO doubts the value of ratings", "managers report survey fatigue", "a union has raised a formal concern", "attrition among top performers has doubled", "the HR system is being replaced", "half the workforce works remotely", "a regulator has asked questions", "the previous rollout failed", "leaders disagree on priorities", "employees distrust the process", "data quality is poor", "the company is growing fast", "a new CHRO has arrived", "ratings have inflated for years", "a lawsuit alleges bias", "pay rises are frozen", "teams are reorganised every quarter", "a works council must be consulted", "the sales force is unhappy", "engineers ignore the process", "front-line staff lack computers", "several countries are involved", "the board wants quick results", "a pilot showed mixed results", "managers lack time", "an acquisition is pending", "a key sponsor has left", "legal has flagged risks", "new privacy rules apply", "a strike is threatened", "the rating distribution is skewed", "feedback is rarely given", "goals are set late every year", "calibration takes weeks", "promotion decisions look arbitrary", "the executive team wants exemptions", "customer complaints are rising", "automation is changing roles"];
string[] places = ["a hospital trust", "a software start-up", "a retail chain", "a logistics firm", "a university", "a bank", "a call centre", "a charity", "a car maker", "a law firm", "a hotel group", "a utility company", "a public agency", "an airline", "a games studio", "a pharmaceutical company", "an insurer", "a consultancy", "a food manufacturer", "a telecoms operator", "a school network", "a construction group", "a media company", "a fashion brand", "a mining company", "a shipping line", "a research institute", "a payments company", "a care home operator", "a city council", "a supermarket", "a biotech lab", "an engineering firm", "a fintech scale-up", "a publisher", "a cinema chain", "a port authority", "a sports club", "a museum", "a cloud provider"];
string[] sentences =
[
    "I start by agreeing what the process is for, because a review that tries to serve pay, development and legal defence at once usually serves none of them well.",
    "Before changing anything I look at the data: completion rates, rating distributions by team and group, and what employees say about fairness in the survey.",
    "Managers need a short, practical guide and a real example, not a policy document, so I test every template with two or three of them first.",
    "The trade-off is speed against buy-in: a quick rollout shows momentum, but a pilot with a clear success measure earns the trust that makes it stick.",
    "I document each decision with its reason, which protects the organisation if the outcome is later challenged and helps the next team understand the design.",
    "Calibration works when it compares evidence rather than opinions, so I ask each manager to bring two concrete examples for every rating above or below the middle.",
    "Illustrative: in one business unit the share of employees who said the process was fair rose from 48% to 71% after we changed how ratings were explained.",
    "Where the law is involved I name the jurisdiction and check current guidance, because rules on dismissal, discrimination and privacy differ between countries.",
    "I would involve employee representatives early, since their questions usually reveal the practical problems the design team has not noticed.",
    "Goals describe outcomes rather than activities, and I review them during the year so that year-end ratings rest on goals that still make sense.",
    "Frame-of-reference training helps raters share one definition of each level, which reduces the idiosyncratic rater effect more than generic bias awareness.",
    "I track a small set of measures: completion on time, distribution by group, appeal rates, and whether high performers stay and low performers improve.",
    "Feedback is most useful when it is specific, timely and about the work rather than the person, so I coach managers to describe behaviour and its effect.",
    "If a manager pushes back I ask what outcome they want and show how the process can get them there, rather than arguing about the rules.",
    "A clear escalation route matters: employees should know who to speak to when they think a rating is unfair, and how quickly they will hear back.",
    "For senior leaders I tie the discussion to strategy and risk, because that is the language in which they make decisions about time and money.",
    "I keep the paperwork light, since every extra field on a form costs thousands of manager hours across a large organisation each year.",
    "The data is checked for small groups before anything is published, so that no individual can be identified from a breakdown.",
    "I would run the change as a sequence of small releases, each with a named owner, a date and a measure that tells us whether it worked.",
    "Finally, I review what happened after one full cycle and adjust, because no design survives contact with real managers unchanged.",
    "Employees should understand how their rating was reached, which means managers must be able to explain the evidence in plain words.",
    "Where results and behaviours conflict I discuss both openly, because rewarding results achieved at any cost sends the wrong signal to everyone else.",
    "I agree the timetable with finance early, so that ratings are final before pay decisions are made and nobody is tempted to rate to a budget.",
    "Technology helps only when the process is already clear; automating a confused process just produces confusion faster and at greater scale.",
];
string[] keyPoints = ["States the purpose of the process first", "Uses data before proposing changes", "Pilots with a measurable success criterion", "Documents decisions and reasons", "Names the jurisdiction for legal points", "Involves managers and employees early", "Explains the trade-off between speed and buy-in", "Checks fairness across groups", "Keeps the process light for managers", "Reviews results after one cycle"];
string[] followUps = ["What would you do if the pilot failed?", "How would you measure success after a year?", "Which stakeholder would you involve first?", "How would you handle a manager who refuses?", "What would change in a unionised workforce?", "How would you explain this to the board?"];
string[] lookFor = ["Evidence before opinions", "A clear purpose for the process", "(senior) Links the design to strategy and risk", "(mid) Practical steps a manager can follow", "Awareness of fairness and legal risk", "Measures of success"];
string[] redFlags = ["Changes the process without data", "Ignores legal requirements", "Blames managers without support", "No way to measure success", "Treats fairness as an afterthought"];

int Next(int n) => rng.NextInt(n);
T Pick<T>(T[] items) => items[Next(items.Length)];

Directory.CreateDirectory(outDir);
if (manyPacks)
{
    return WritePacks();
}

foreach (var old in Directory.EnumerateFiles(outDir, "*.yaml"))
{
    File.Delete(old);
}

var manifest = new StringBuilder();
manifest.Append("# yaml-language-server: $schema=../../../schema/question-pack.schema.json\npack:\n  id: bench-corpus\n  version: 1.0.0\n  title: Benchmark corpus\n  role: HR Performance Management Specialist\n  description: A generated corpus for lint benchmarks.\n  language: en\n  license: CC0-1.0\n  authors: [HrPrep.Content benchmark generator]\n  categories:\n");
foreach (var c in categories)
{
    manifest.Append("    - id: ").Append(c).Append("\n      title: ").Append(char.ToUpperInvariant(c[0])).Append(c[1..].Replace('-', ' ')).Append('\n');
}

File.WriteAllText(Path.Combine(outDir, "pack.yaml"), manifest.ToString());
int files = (count + PerFile - 1) / PerFile;
for (int f = 0; f < files; f++)
{
    var sb = new StringBuilder(140_000);
    sb.Append("# yaml-language-server: $schema=../../../schema/question-pack.schema.json\nquestions:\n");
    for (int k = 0; k < PerFile && (f * PerFile) + k < count; k++)
    {
        int n = (f * PerFile) + k + 1;
        string id = string.Create(CultureInfo.InvariantCulture, $"bench-q-{n:D6}");
        string type = Pick(types);
        string prompt = string.Format(CultureInfo.InvariantCulture, Pick(templates), Pick(verbs), Pick(objects), Pick(situations), Pick(places));
        prompt = char.ToUpperInvariant(prompt[0]) + prompt[1..];
        sb.Append("  - id: ").Append(id).Append('\n');
        sb.Append("    prompt: \"").Append(prompt).Append("\"\n");
        sb.Append("    category: ").Append(Pick(categories)).Append('\n');
        sb.Append("    type: ").Append(type).Append('\n');
        sb.Append("    level: ").Append(Pick(levels)).Append('\n');
        sb.Append("    tags: [").Append(Pick(categories)).Append(", bench-").Append(Next(50).ToString(CultureInfo.InvariantCulture)).Append("]\n");
        if (type == "case-study")
        {
            sb.Append("    scenario:\n      text: |\n        ").Append(Pick(sentences)).Append("\n        ").Append(Pick(sentences)).Append('\n');
            sb.Append("      table:\n        caption: Ratings by team\n        columns: [Team, Headcount, Share rated top]\n        rows:\n");
            for (int r = 0; r < 3; r++)
            {
                sb.Append("          - [").Append((char)('A' + r)).Append(", ").Append((10 + Next(90)).ToString(CultureInfo.InvariantCulture)).Append(", \"").Append(Next(60).ToString(CultureInfo.InvariantCulture)).Append("%\"]\n");
            }
        }

        sb.Append("    answer:\n      summary: |\n");
        int target = 150 + Next(151);
        int words = 0;
        var line = new StringBuilder();
        while (words < target)
        {
            string s = Pick(sentences);
            words += s.Split(' ').Length;
            foreach (var word in s.Split(' '))
            {
                if (line.Length + word.Length + 1 > 96)
                {
                    sb.Append("        ").Append(line).Append('\n');
                    line.Clear();
                }

                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }
        }

        sb.Append("        ").Append(line).Append('\n');
        sb.Append("      keyPoints:\n");
        int kp = 4 + Next(3);
        int start = Next(keyPoints.Length);
        for (int i = 0; i < kp; i++)
        {
            sb.Append("        - ").Append(keyPoints[(start + i) % keyPoints.Length]).Append('\n');
        }

        sb.Append("    followUps:\n");
        for (int i = 0; i < 2 + Next(2); i++)
        {
            sb.Append("      - ").Append(followUps[(start + i) % followUps.Length]).Append('\n');
        }

        sb.Append("    lookFor:\n");
        for (int i = 0; i < 3; i++)
        {
            sb.Append("      - \"").Append(lookFor[(start + i) % lookFor.Length]).Append("\"\n");
        }

        sb.Append("    redFlags:\n");
        for (int i = 0; i < 3; i++)
        {
            sb.Append("      - ").Append(redFlags[(start + i) % redFlags.Length]).Append('\n');
        }

        sb.Append("    jurisdiction: global\n");
        sb.Append("    sources:\n      - title: \"Benchmark source ").Append(Next(1000).ToString(CultureInfo.InvariantCulture)).Append("\"\n        url: https://example.org/source/").Append(Next(1000).ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (n > 1)
        {
            sb.Append("    related: [").Append(string.Create(CultureInfo.InvariantCulture, $"bench-q-{n - 1:D6}")).Append("]\n");
        }

        sb.Append("    lastVerified: \"2026-11-26\"\n\n");
    }

    File.WriteAllText(Path.Combine(outDir, string.Create(CultureInfo.InvariantCulture, $"questions-{f + 1:D4}.yaml")), sb.ToString());
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} questions in {files} files and pack.yaml to {outDir}"));
return 0;

// One role pack per folder, 5 questions each, in the shape `import markdown` writes (see usage above).
int WritePacks()
{
    string[] seniority = ["", "Junior ", "Senior ", "Lead ", "Principal ", "Assistant ", "Associate ", "Head of "];
    string[] fields = ["Payroll", "Recruitment", "Talent", "Learning", "Reward", "Benefits", "Employee Relations", "People Analytics", "HR Systems", "Workforce Planning", "Compensation", "Onboarding", "Diversity and Inclusion", "Wellbeing", "Performance", "Engagement", "HR Operations", "Organisational Development", "Mobility", "Health and Safety"];
    string[] titles = ["Specialist", "Manager", "Advisor", "Coordinator", "Analyst", "Partner", "Consultant", "Officer", "Administrator", "Director"];
    string[] sectors = ["Retail", "Healthcare", "Banking", "Logistics", "Education", "Public Sector", "Technology", "Manufacturing", "Hospitality", "Energy", "Media", "Charity", "Construction", "Insurance", "Telecoms", "Pharma", "Aviation", "Legal", "Gaming", "Agriculture"];
    foreach (var old in Directory.EnumerateDirectories(outDir))
    {
        Directory.Delete(old, recursive: true);
    }

    long bytes = 0;
    var sb = new StringBuilder(8_192);
    for (int p = 0; p < count; p++)
    {
        // Distinct roles: the pack number makes the id unique; the words vary the text.
        string role = string.Concat(seniority[p % seniority.Length], fields[(p / seniority.Length) % fields.Length], " ", titles[(p / 7) % titles.Length], " (", sectors[(p / 3) % sectors.Length], ")");
        string id = string.Create(CultureInfo.InvariantCulture, $"role-{p + 1:D6}");
        string prefix = string.Create(CultureInfo.InvariantCulture, $"r{p + 1:D6}");
        sb.Clear();
        sb.Append("# yaml-language-server: $schema=schema/question-pack.schema.json\npack:\n  id: ").Append(id).Append('\n');
        sb.Append("  version: 0.1.0\n  title: ").Append(role).Append("\n  role: ").Append(role).Append('\n');
        sb.Append("  description: \"The ").Append(role).Append(" role. ").Append(Pick(sentences)).Append("\"\n");
        sb.Append("  language: en\n  license: NOASSERTION\n  authors: [HrPrep.Content benchmark generator]\n");
        sb.Append("  categories:\n    - id: imported\n      title: Imported questions\n      description: Questions imported from a Markdown page; review each one, write its model answer and move it to a real category.\n  retired: []\nquestions:\n");
        for (int k = 0; k < 5; k++)
        {
            string type = Pick(types);
            string prompt = string.Format(CultureInfo.InvariantCulture, Pick(templates), Pick(verbs), Pick(objects), Pick(situations), Pick(places));
            prompt = char.ToUpperInvariant(prompt[0]) + prompt[1..];
            sb.Append("  - id: ").Append(prefix).Append("-imported-00").Append((char)('1' + k)).Append('\n');
            sb.Append("    prompt: \"").Append(prompt).Append("\"\n");
            sb.Append("    category: imported\n");
            sb.Append("    type: ").Append(type == "case-study" ? "situational" : type).Append('\n');
            sb.Append("    level: ").Append(Pick(levels)).Append("\n    origin: imported\n");
            sb.Append("    answer:\n      summary: >-\n");
            int target = 50 + Next(36);
            int words = 0;
            while (words < target)
            {
                string s = Pick(sentences);
                words += s.Split(' ').Length;
                sb.Append("        ").Append(s).Append('\n');
            }

            sb.Append("      keyPoints:\n");
            int start = Next(keyPoints.Length);
            for (int i = 0; i < 3; i++)
            {
                sb.Append("        - ").Append(keyPoints[(start + i) % keyPoints.Length]).Append('\n');
            }

            sb.Append("    followUps:\n      - ").Append(followUps[start % followUps.Length]).Append('\n');
        }

        string folder = Path.Combine(outDir, id);
        Directory.CreateDirectory(folder);
        string text = sb.ToString();
        bytes += Encoding.UTF8.GetByteCount(text);
        File.WriteAllText(Path.Combine(folder, id + ".yaml"), text);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} packs of 5 questions ({bytes / 1e6:0.0} MB) to {outDir}"));
    return 0;
}
