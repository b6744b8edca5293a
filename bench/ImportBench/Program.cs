using System.Globalization;
using System.Text;

// Synthetic interview-prep pages in the format of the seed page (tests/fixtures/seed), written from
// our own word lists (no page of any public collection is copied). Deterministic for a given N.
// Nasty cases on purpose:
//   - about 120 folders of fields; role names drawn from one pool, so the same role appears in
//     several folders (needs folder-qualified pack ids);
//   - questions that contain words of the promotional footer ("click here", "visit", "follow us",
//     "stay updated", "for more", a Markdown link inside the sentence);
//   - every page ends its list with a "[CLICK HERE FOR MORE QUESTIONS](...)" item and a footer;
//   - one very long page (LONG numbered questions, default 20,000: ids past -999 and -9999).
// Usage: ImportBench DIR [PAGES=5000] [LONG=20000]
// Prints: pages, expected questions, pages whose role occurs in another folder.
var inv = CultureInfo.InvariantCulture;
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: ImportBench DIR [PAGES] [LONG]");
    return 2;
}

string root = args[0];
int pages = args.Length > 1 ? int.Parse(args[1], inv) : 5000;
int longPage = args.Length > 2 ? int.Parse(args[2], inv) : 20_000;

string[] fieldA = ["Applied", "Coastal", "Digital", "Public", "Rural", "Urban", "Clinical", "Creative", "Industrial", "Civic", "Marine", "Retail"];
string[] fieldB = ["Logistics", "Health", "Finance", "Media", "Energy", "Education", "Transport", "Hospitality", "Research", "Law"];
string[] seniority = ["Junior", "Senior", "Lead", "Assistant", "Principal", "Associate", "Chief", "Trainee", "Regional", "Head", "Deputy", "Staff", "Field", "Remote", "Shift", "Night", "Contract", "Volunteer", "Visiting", "Interim", "District", "Branch", "Group", "Project", "Program", "Site", "Area", "Global", "Local", "Senior Field", "Entry", "Graduate", "Apprentice", "Part-time", "Seasonal", "Mobile", "Clinic", "Campus", "Store", "Plant"];
string[] area = ["Payroll", "Data", "Records", "Supply", "Quality", "Safety", "Training", "Benefits", "Facilities", "Claims", "Billing", "Events", "Compliance", "Content", "Support", "Research", "Inventory", "Fleet", "Grants", "Vendor", "Risk", "Audit", "Community", "Learning", "Talent", "Pricing", "Tax", "Treasury", "Legal", "Privacy", "Security", "Network", "Cloud", "Marketing", "Sales", "Export", "Import", "Customs", "Warehouse", "Catering", "Housing", "Library", "Archive", "Museum", "Studio", "Sports", "Nutrition", "Wellbeing", "Patient", "Donor", "Member"];
string[] noun = ["Analyst", "Coordinator", "Manager", "Specialist", "Officer", "Clerk", "Advisor", "Planner", "Administrator", "Technician", "Consultant", "Supervisor", "Assistant", "Editor", "Designer"];
string[] openers =
[
    "How would you handle",
    "What steps do you take when reviewing",
    "Describe how you would improve",
    "What would you do if you inherited",
    "Tell me about a time you fixed",
    "How do you measure the success of",
    "Which risks do you watch for in",
    "How do you explain to a new colleague",
];
string[] objects = ["a late monthly report", "a budget that does not add up", "a new records process", "an unclear handover", "a team with low morale", "a vendor contract renewal", "a spreadsheet nobody owns", "a backlog of requests"];
string[] promoTails =
[
    " when the form says click here to approve it",
    " if a manager asks you to visit every site in a week",
    " so that staff stay updated on the change",
    " and follow us-style checklists from head office",
    " for more than one region at once",
    " using [the written policy](https://example.org/policy) as a guide",
    " after you sign up for a new reporting tool",
];

var folders = new List<string>();
for (int i = 0; folders.Count < 120; i++)
{
    folders.Add(fieldA[i % fieldA.Length] + " " + fieldB[(i / fieldA.Length) % fieldB.Length] + (i >= fieldA.Length * fieldB.Length ? " " + (i / (fieldA.Length * fieldB.Length) + 1).ToString(inv) : string.Empty));
}

var random = new Random(12);
var roleFolders = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
long questions = 0;
var page = new StringBuilder();
for (int p = 0; p < pages; p++)
{
    int folder = p % folders.Count;
    string role;
    do
    {
        role = seniority[random.Next(seniority.Length)] + " " + area[random.Next(area.Length)] + " " + noun[random.Next(noun.Length)];
    }
    while (roleFolders.TryGetValue(role, out var used) && used.Contains(folder));

    if (!roleFolders.TryGetValue(role, out var set))
    {
        roleFolders[role] = set = [];
    }

    set.Add(folder);
    int count = p == pages / 2 ? longPage : 5;
    page.Clear();
    page.Append(inv, $"# {role} Interview Prep\n\n");
    page.Append(inv, $"Welcome to the {role} Interview Preparation! This resource is designed to help you get ready.\n\n");
    page.Append(inv, $"A {role} in {folders[folder]} looks after {area[random.Next(area.Length)].ToLowerInvariant()} work, agrees priorities with managers and keeps records that others can rely on.\n\n");
    page.Append("## 🚀 Overview\n\nWhether you are new to the field or experienced, this repository collects sample questions to practise with.\n\n");
    page.Append("## 📝 Sample Questions\n\n");
    for (int q = 1; q <= count; q++)
    {
        string tail = random.Next(4) == 0 ? promoTails[random.Next(promoTails.Length)] : string.Empty;
        page.Append(inv, $"{q}. {openers[random.Next(openers.Length)]} {objects[random.Next(objects.Length)]} as a {role}{tail}?\n");
    }

    questions += count;
    page.Append(inv, $"{count + 1}. [CLICK HERE FOR MORE QUESTIONS](https://example.org/jobs/{p})\n\n");
    page.Append("## 🌐 Explore Further\n\nFor an extensive question bank and more resources, visit [the example site](https://example.org).\n\n");
    page.Append("## 📱 Connect with Us\n\nStay updated on interview tips. Follow us on [a network](https://example.org/social).\n\n");
    page.Append(inv, $"## 🚀 Ready to Elevate Your Career?\n\nVisit [the example site](https://example.org) and take the first step towards a {role} career!\n");
    string dir = Path.Combine(root, folders[folder]);
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, role + ".md"), page.ToString());
}

int duplicated = roleFolders.Values.Where(f => f.Count > 1).Sum(f => f.Count);
Console.WriteLine(string.Create(inv, $"pages {pages}, questions {questions}, folders {folders.Count}, pages whose role is in another folder too {duplicated}"));
return 0;
