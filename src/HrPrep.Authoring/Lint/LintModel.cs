using System.Collections.Immutable;
using HrPrep.Content;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint;

/// <summary>
/// One linted file. During the per-file phase it carries its raw UTF-8 bytes, its parsed tree, its
/// manifest mapping and its question mappings; afterwards only compact data is kept (the manifest's
/// <see cref="ManifestId"/> and <see cref="ManifestCategories"/>, and the question <see cref="Summaries"/>),
/// so that whole-workspace rules run on very large collections within bounded memory.
/// </summary>
public sealed class LintFile
{
    internal LintFile(string path, YamlNode? root, ReadOnlyMemory<byte> raw)
    {
        Path = path;
        Root = root;
        Raw = raw;
        var questions = ImmutableArray.CreateBuilder<QuestionNode>();
        if (root is YamlMapping map)
        {
            Manifest = map.Get("pack") as YamlMapping;
            if (Manifest is not null)
            {
                ManifestId = (Manifest.Get("id") as YamlScalar)?.Value;
                ManifestCategories = CategoriesOf(Manifest);
            }
            if (map.Get("questions") is YamlSequence seq)
            {
                var items = seq.Items;
                for (int i = 0; i < items.Count; i++)
                {
                    if (items[i] is YamlMapping q)
                    {
                        questions.Add(new QuestionNode(this, q));
                    }
                }
            }
        }

        Questions = questions.ToImmutable();
        Summaries = [.. Questions.Select(q => new QuestionSummary(q))];
    }

    /// <summary>The path as given (or the embedded resource name).</summary>
    public string Path { get; }

    /// <summary>The document's root node (null when it could not be parsed, and after the per-file phase).</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>The file's bytes as read (UTF-8, possibly with a byte-order mark); empty after the per-file phase.</summary>
    public ReadOnlyMemory<byte> Raw { get; private set; }

    /// <summary>The id of the pack the file belongs to, or null (known in the workspace phase).</summary>
    public string? PackId { get; internal set; }

    /// <summary>
    /// The <c>pack</c> manifest mapping, if the file has one. When every rule of the run is built in it is
    /// dropped after the per-file phase (built-in workspace rules use <see cref="ManifestId"/> and
    /// <see cref="ManifestCategories"/>); when a rule from another assembly takes part it is kept for the
    /// workspace phase, as in 2.0.
    /// </summary>
    public YamlMapping? Manifest { get; private set; }

    /// <summary>The text of the manifest's <c>id</c> scalar, or null when the file has no manifest or the manifest no scalar id.</summary>
    public string? ManifestId { get; }

    /// <summary>Each category mapping of the manifest that has a scalar <c>id</c>, in document order (duplicates kept).</summary>
    public ImmutableArray<LintCategoryRef> ManifestCategories { get; } = [];

    /// <summary>The question mappings of the file, in order (empty after the per-file phase).</summary>
    public ImmutableArray<QuestionNode> Questions { get; private set; }

    /// <summary>What workspace rules need of each question, in order.</summary>
    public ImmutableArray<QuestionSummary> Summaries { get; }

    /// <summary>The category mappings of a manifest that have a scalar id, as compact references.</summary>
    private static ImmutableArray<LintCategoryRef> CategoriesOf(YamlMapping manifest)
    {
        if (manifest.Get("categories") is not YamlSequence { Items.Count: > 0 } seq)
        {
            return [];
        }

        var items = seq.Items;
        var refs = ImmutableArray.CreateBuilder<LintCategoryRef>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlMapping c && c.Get("id") is YamlScalar id)
            {
                refs.Add(new LintCategoryRef(id.Value, id.Start, c.Start));
            }
        }

        return refs.DrainToImmutable();
    }

    /// <summary>Drops the tree, the bytes and (unless asked to keep it) the manifest mapping once per-file rules have run.</summary>
    internal void Release(bool keepManifest)
    {
        Root = null;
        if (!keepManifest)
        {
            Manifest = null;
        }

        Raw = ReadOnlyMemory<byte>.Empty;
        Questions = [];
    }
}

/// <summary>The parts of a question whole-workspace rules use: id, prompt, category and related ids, with positions.</summary>
public sealed class QuestionSummary
{
    internal QuestionSummary(QuestionNode q)
    {
        File = q.File;
        Id = q.Id;
        Location = q.Location;
        IsBrief = q.IsBrief;
        Prompt = q.Prompt;
        Category = q.Text("category");
        Related = [.. QuestionNode.TextItems(q.Node.Get("related"))];
    }

    /// <summary>The file the question is in.</summary>
    public LintFile File { get; }

    /// <summary>The id, or null.</summary>
    public string? Id { get; }

    /// <summary>Where the question starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>True for <c>origin: brief</c>.</summary>
    public bool IsBrief { get; }

    /// <summary>The prompt scalar, or null.</summary>
    public YamlScalar? Prompt { get; }

    /// <summary>The category scalar, or null.</summary>
    public YamlScalar? Category { get; }

    /// <summary>The ids listed in <c>related</c>.</summary>
    public ImmutableArray<YamlScalar> Related { get; }
}

/// <summary>A question as a YAML mapping, with typed accessors that keep positions.</summary>
public sealed class QuestionNode
{
    internal QuestionNode(LintFile file, YamlMapping node)
    {
        File = file;
        Node = node;
        Id = (node.Get("id") as YamlScalar)?.Value;
        IsBrief = node.Get("origin") is YamlScalar { Value: "brief" };
    }

    /// <summary>The file the question is in.</summary>
    public LintFile File { get; }

    /// <summary>The question's mapping.</summary>
    public YamlMapping Node { get; }

    private List<YamlScalar>? allText;

    /// <summary>The id, or null when missing.</summary>
    public string? Id { get; }

    /// <summary>True for <c>origin: brief</c> (the user's verbatim question).</summary>
    public bool IsBrief { get; }

    /// <summary>Where the question starts.</summary>
    public SourceLocation Location => Node.Start;

    /// <summary>The string scalar at a key, or null when absent or not a string.</summary>
    public YamlScalar? Text(string key) => Node.Get(key) is YamlScalar { Kind: ScalarKind.String } s ? s : null;

    /// <summary>The prompt scalar, or null.</summary>
    public YamlScalar? Prompt => Text("prompt");

    /// <summary>The answer mapping, or null.</summary>
    public YamlMapping? Answer => Node.Get("answer") as YamlMapping;

    /// <summary>The string items of a list at a key (of this mapping or another).</summary>
    public static IEnumerable<YamlScalar> TextItems(YamlNode? list)
    {
        if (list is YamlSequence seq)
        {
            var items = seq.Items;
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] is YamlScalar { Kind: ScalarKind.String } s)
                {
                    yield return s;
                }
            }
        }
    }

    /// <summary>Every string scalar inside the question (depth first, document order); collected once and shared by the rules.</summary>
    public IReadOnlyList<YamlScalar> AllText()
    {
        if (allText is null)
        {
            var list = new List<YamlScalar>(24);
            Strings(Node, list);
            allText = list;
        }

        return allText;
    }

    private static void Strings(YamlNode node, List<YamlScalar> into)
    {
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.String } s:
                into.Add(s);
                break;
            case YamlSequence seq:
                var items = seq.Items;
                for (int i = 0; i < items.Count; i++)
                {
                    Strings(items[i], into);
                }

                break;
            case YamlMapping map:
                var entries = map.Entries;
                for (int i = 0; i < entries.Count; i++)
                {
                    Strings(entries[i].Value, into);
                }

                break;
        }
    }
}

/// <summary>A pack as the workspace rules see it: its manifest and the identities of the questions the reader accepted into it.</summary>
/// <param name="Manifest">
/// The manifest as bound, without its free texts: id, version, title, language, licence, categories
/// (ids and titles), retired ids and location; when every rule of the run is built in, role,
/// description, authors, disclaimer, homepage and the categories' descriptions are not kept (so that
/// large collections fit in memory; a run with a rule from another assembly keeps them), and its
/// <see cref="QuestionPack.Questions"/> is empty.
/// </param>
/// <param name="Questions">Each question the reader accepted into the pack, in pack order (their texts are in <see cref="LintWorkspace.Files"/>).</param>
public sealed record LintPack(QuestionPack Manifest, ImmutableArray<LintQuestionRef> Questions);

/// <summary>A category of a file's pack manifest, as workspace rules see it once the tree is released.</summary>
/// <param name="Id">The text of the category's <c>id</c> scalar.</param>
/// <param name="IdLocation">Where the <c>id</c> scalar starts.</param>
/// <param name="Location">Where the category's mapping starts.</param>
public readonly record struct LintCategoryRef(string Id, SourceLocation IdLocation, SourceLocation Location);

/// <summary>The identity of a question in a <see cref="LintPack"/>.</summary>
/// <param name="Id">The question id.</param>
/// <param name="Category">The question's category id.</param>
/// <param name="Location">Where the question starts.</param>
public readonly record struct LintQuestionRef(string Id, string Category, SourceLocation Location);

/// <summary>
/// Everything linted in one run: files and the packs the reader assembled from them. The same
/// for <see cref="LintEngine.LintPaths"/> and <see cref="LintEngine.LintBytes"/> of the same files.
/// </summary>
public sealed class LintWorkspace
{
    internal LintWorkspace(ImmutableArray<LintFile> files, ImmutableArray<LintPack> packs)
    {
        Files = files;
        Packs = packs;
    }

    /// <summary>The files in the order read (ordinal path order within a directory).</summary>
    public ImmutableArray<LintFile> Files { get; }

    /// <summary>The packs the reader could assemble, in id order.</summary>
    public ImmutableArray<LintPack> Packs { get; }

    /// <summary>Every question, in file and document order.</summary>
    public IEnumerable<QuestionSummary> Questions => Files.SelectMany(f => f.Summaries);
}
