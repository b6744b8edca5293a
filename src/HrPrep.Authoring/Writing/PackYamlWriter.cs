using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HrPrep.Authoring.IO;
using HrPrep.Content;
using HrPrep.Packs;

namespace HrPrep.Authoring.Writing;

/// <summary>How a pack is laid out on disk.</summary>
public enum PackLayout
{
    /// <summary>One file holding <c>pack</c> and <c>questions</c>.</summary>
    SingleFile,

    /// <summary>A directory with <c>pack.yaml</c> (the manifest) and one question file per category.</summary>
    Directory,
}

/// <summary>Options of <see cref="PackYamlWriter"/>.</summary>
public sealed record PackYamlWriterOptions
{
    /// <summary>The default options (schema reference for a pack under <c>questions/&lt;pack&gt;/</c>).</summary>
    public static PackYamlWriterOptions Default { get; } = new();

    /// <summary>The schema path or URL written on the first line of every file.</summary>
    public string SchemaReference { get; init; } = "../../schema/question-pack.schema.json";

    /// <summary>
    /// The largest file <see cref="PackYamlWriter.Write"/> may produce (default: the reader's limit),
    /// so that every written file can be read back; larger output fails with <see cref="InvalidDataException"/>.
    /// </summary>
    public long MaxFileBytes { get; init; } = HrPrep.Packs.Yaml.YamlReaderOptions.Default.MaxFileBytes;

    /// <summary>The most questions one written file may hold (default: the reader's limit).</summary>
    public int MaxQuestionsPerFile { get; init; } = HrPrep.Packs.Yaml.YamlReaderOptions.Default.MaxQuestionsPerFile;
}

/// <summary>
/// Writes question packs as YAML, deterministically: the first line is the
/// <c># yaml-language-server: $schema=</c> line, keys follow the schema's order, empty optional
/// fields are left out, multi-line Markdown is a literal block scalar and every other string is
/// plain or double-quoted so that <see cref="PackReader"/> reads back exactly the same values.
/// Line ends are <c>\n</c>; files are UTF-8 without a byte-order mark.
/// </summary>
public static class PackYamlWriter
{
    /// <summary>The question file name used for a category (the manifest name is avoided).</summary>
    public static string FileNameOf(string categoryId)
    {
        ArgumentNullException.ThrowIfNull(categoryId);
        return string.Equals(categoryId, "pack", StringComparison.Ordinal) ? "pack.questions.yaml" : categoryId + ".yaml";
    }

    /// <summary>Writes a single-file pack (manifest and questions) to a writer.</summary>
    public static void WriteSingleFile(TextWriter writer, QuestionPack pack, PackYamlWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pack);
        options ??= PackYamlWriterOptions.Default;
        SchemaLine(writer, options);
        WriteManifest(writer, pack);
        WriteQuestions(writer, pack.Questions);
    }

    /// <summary>Returns a single-file pack as text.</summary>
    public static string ToSingleFileText(QuestionPack pack, PackYamlWriterOptions? options = null)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteSingleFile(sw, pack, options);
        return sw.ToString();
    }

    /// <summary>
    /// The files of a directory pack: <c>pack.yaml</c> first, then one file per category that has
    /// questions, in category order (questions keep their order within a category).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, Action<TextWriter>>> DirectoryFiles(QuestionPack pack, PackYamlWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        options ??= PackYamlWriterOptions.Default;
        var files = new List<KeyValuePair<string, Action<TextWriter>>>
        {
            new(PackReader.ManifestFileName, w =>
            {
                SchemaLine(w, options);
                WriteManifest(w, pack);
            }),
        };
        var byCategory = pack.Questions.GroupBy(q => q.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var category in pack.Categories)
        {
            if (byCategory.TryGetValue(category.Id, out var questions))
            {
                files.Add(new(FileNameOf(category.Id), w =>
                {
                    SchemaLine(w, options);
                    WriteQuestions(w, questions);
                }));
            }
        }

        return files;
    }

    /// <summary>Returns the files of a directory pack as name → text.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToDirectoryTexts(QuestionPack pack, PackYamlWriterOptions? options = null) =>
        DirectoryFiles(pack, options).Select(f =>
        {
            var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            f.Value(sw);
            return new KeyValuePair<string, string>(f.Key, sw.ToString());
        }).ToList();

    /// <summary>
    /// Writes a pack to disk atomically: a single file (through a temporary sibling) or a whole
    /// directory (built beside the target, then swapped in, so no stale question file remains).
    /// </summary>
    public static void Write(QuestionPack pack, string path, PackLayout layout, PackYamlWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(path);
        options ??= PackYamlWriterOptions.Default;
        var limits = options;
        void Check(Stream stream, string name)
        {
            if (stream.Length > limits.MaxFileBytes)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{name} would be {stream.Length:N0} bytes, over the reader's limit of {limits.MaxFileBytes:N0} bytes; write a directory pack instead (one file per category)"));
            }
        }

        if (layout == PackLayout.SingleFile)
        {
            if (pack.Questions.Length > options.MaxQuestionsPerFile)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path} would hold {pack.Questions.Length:N0} questions, over the reader's limit of {options.MaxQuestionsPerFile:N0} per file; write a directory pack instead"));
            }

            AtomicFile.Write(path, stream =>
            {
                using (var w = NewWriter(stream))
                {
                    WriteSingleFile(w, pack, options);
                }

                Check(stream, path);
            });
            return;
        }

        var largest = pack.Questions.GroupBy(q => q.Category, StringComparer.Ordinal).MaxBy(g => g.Count());
        if (largest is not null && largest.Count() > options.MaxQuestionsPerFile)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"category '{largest.Key}' has {largest.Count():N0} questions, over the reader's limit of {options.MaxQuestionsPerFile:N0} per file"));
        }

        var files = DirectoryFiles(pack, options);
        AtomicFile.ReplaceDirectory(path, dir =>
        {
            // Files are independent: write them in parallel; the first failure is rethrown as is.
            Exception? failure = null;
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, state) =>
            {
                try
                {
                    var file = files[i];
                    using var stream = new FileStream(Path.Combine(dir, file.Key), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                    using (var w = NewWriter(stream))
                    {
                        file.Value(w);
                    }

                    Check(stream, Path.Combine(path, file.Key));
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                    state.Stop();
                }
            });
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        });
    }

    /// <summary>
    /// The schema reference for a file written at <paramref name="outputPath"/>: the relative path to
    /// the nearest <c>schema/question-pack.schema.json</c> above it, or <paramref name="fallback"/>.
    /// </summary>
    public static string SchemaReferenceFor(string outputPath, bool isDirectory, string? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(outputPath);
        string full = Path.GetFullPath(outputPath);
        string fileDir = isDirectory ? full : Path.GetDirectoryName(full) ?? full;
        for (var dir = new DirectoryInfo(fileDir); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "schema", "question-pack.schema.json");
            if (File.Exists(candidate))
            {
                return Path.GetRelativePath(fileDir, candidate).Replace('\\', '/');
            }
        }

        return fallback ?? PackYamlWriterOptions.Default.SchemaReference;
    }

    /// <summary>The YAML text of one question (as a list item at the top level), used to compare content.</summary>
    public static string QuestionText(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteQuestion(sw, question);
        return sw.ToString();
    }

    /// <summary>The YAML text of a pack's manifest, used to order and compare packs.</summary>
    internal static string ManifestText(QuestionPack pack)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteManifest(sw, pack);
        return sw.ToString();
    }

    private static StreamWriter NewWriter(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };

    private static void SchemaLine(TextWriter w, PackYamlWriterOptions options)
    {
        w.Write("# yaml-language-server: $schema=");
        w.Write(options.SchemaReference);
        w.Write('\n');
    }

    private static void WriteManifest(TextWriter w, QuestionPack p)
    {
        w.Write("pack:\n");
        Field(w, 2, "id", p.Id);
        Field(w, 2, "version", p.Version);
        Field(w, 2, "title", p.Title);
        Field(w, 2, "role", p.Role);
        Field(w, 2, "description", p.Description);
        Field(w, 2, "language", p.Language);
        Field(w, 2, "license", p.License);
        BlockList(w, 2, "authors", p.Authors);
        Field(w, 2, "disclaimer", p.Disclaimer);
        Field(w, 2, "homepage", p.Homepage);
        w.Write("  categories:\n");
        foreach (var c in p.Categories)
        {
            w.Write("    - id:");
            YamlScalarWriter.WriteValue(w, c.Id, 8);
            Field(w, 6, "title", c.Title);
            Field(w, 6, "description", c.Description);
        }

        w.Write("  retired:");
        FlowList(w, p.Retired);
    }

    private static void WriteQuestions(TextWriter w, IReadOnlyCollection<Question> questions)
    {
        w.Write(questions.Count == 0 ? "questions: []\n" : "questions:\n");
        foreach (var q in questions)
        {
            WriteQuestion(w, q);
        }
    }

    private static void WriteQuestion(TextWriter w, Question q)
    {
        w.Write("  - id:");
        YamlScalarWriter.WriteValue(w, q.Id, 6);
        Field(w, 4, "prompt", q.Prompt);
        Field(w, 4, "category", q.Category);
        Field(w, 4, "type", q.Type.ToSchemaName());
        Field(w, 4, "level", q.Level.ToSchemaName());
        if (q.Origin != QuestionOrigin.Original)
        {
            Field(w, 4, "origin", q.Origin.ToSchemaName());
        }

        if (!q.Tags.IsDefaultOrEmpty)
        {
            w.Write("    tags:");
            FlowList(w, q.Tags);
        }

        if (q.Scenario is { } s)
        {
            w.Write("    scenario:\n");
            Field(w, 6, "text", s.Text);
            if (s.Table is { } t)
            {
                w.Write("      table:\n");
                Field(w, 8, "caption", t.Caption);
                w.Write("        columns:");
                FlowList(w, t.Columns);
                w.Write("        rows:\n");
                foreach (var row in t.Rows)
                {
                    w.Write("          -");
                    FlowList(w, row);
                }
            }
        }

        w.Write("    answer:\n");
        Field(w, 6, "summary", q.Answer.Summary);
        BlockList(w, 6, "keyPoints", q.Answer.KeyPoints);
        BlockList(w, 4, "followUps", q.FollowUps);
        BlockList(w, 4, "lookFor", q.LookFor);
        BlockList(w, 4, "redFlags", q.RedFlags);
        Field(w, 4, "jurisdiction", q.Jurisdiction);
        if (!q.Sources.IsDefaultOrEmpty)
        {
            Indent(w, 4);
            w.Write("sources:\n");
            foreach (var source in q.Sources)
            {
                Indent(w, 6);
                w.Write("- title:");
                YamlScalarWriter.WriteValue(w, source.Title, 10);
                Field(w, 8, "url", source.Url);
            }
        }

        if (!q.Related.IsDefaultOrEmpty)
        {
            w.Write("    related:");
            FlowList(w, q.Related);
        }

        if (q.LastVerified is { } date)
        {
            Field(w, 4, "lastVerified", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (q.ReviewBy is { } reviewBy)
        {
            Field(w, 4, "reviewBy", reviewBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (q.Attribution is { } attribution)
        {
            w.Write("    attribution:\n");
            Field(w, 6, "title", attribution.Title);
            Field(w, 6, "url", attribution.Url);
        }
    }

    private static void Field(TextWriter w, int indent, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        Indent(w, indent);
        w.Write(key);
        w.Write(':');
        YamlScalarWriter.WriteValue(w, value, indent + 2);
    }

    private static void BlockList(TextWriter w, int indent, string key, ImmutableArray<string> items)
    {
        if (items.IsDefaultOrEmpty)
        {
            return;
        }

        Indent(w, indent);
        w.Write(key);
        w.Write(":\n");
        foreach (var item in items)
        {
            Indent(w, indent + 2);
            w.Write('-');
            YamlScalarWriter.WriteValue(w, item, indent + 4);
        }
    }

    private static void FlowList(TextWriter w, ImmutableArray<string> items)
    {
        w.Write(" [");
        if (!items.IsDefault)
        {
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0)
                {
                    w.Write(", ");
                }

                YamlScalarWriter.WriteInline(w, items[i], flow: true);
            }
        }

        w.Write("]\n");
    }

    private static readonly string[] Spaces = [.. Enumerable.Range(0, 16).Select(n => new string(' ', n))];

    private static void Indent(TextWriter w, int count) => w.Write(count < Spaces.Length ? Spaces[count] : new string(' ', count));
}
