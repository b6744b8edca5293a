using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Content;

namespace HrPrep.Practice.Evaluation;

/// <summary>The grade an answer in the labelled set was written to.</summary>
internal enum Grade
{
    Weak = 0,
    Partial = 1,
    Strong = 2,
}

/// <summary>One hand-labelled answer.</summary>
internal sealed record LabelledAnswer(string QuestionId, Grade Grade, ImmutableHashSet<int> KeyPoints, ImmutableHashSet<int> RedFlags, string Text, int Line);

/// <summary>
/// Reads <c>Labelled/answers.txt</c>: <c>=== id | grade | covers: 0 1 | flags: -</c> headers, each
/// followed by the answer text; <c>#</c> lines before the first header are comments.
/// </summary>
internal static class LabelledSet
{
    /// <summary>
    /// A labelled set: one file, or a folder whose <c>*.txt</c> files (top level, in ordinal order of
    /// name) are read one after the other. Other files in the folder (a README.md) are ignored.
    /// </summary>
    public static IReadOnlyList<LabelledAnswer> ReadSet(string path)
    {
        if (!Directory.Exists(path))
        {
            return Read(path);
        }

        var files = Directory.GetFiles(path, "*.txt", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"{path}: no labelled answers (*.txt) in this folder");
        }

        return [.. files.SelectMany(Read)];
    }

    public static IReadOnlyList<LabelledAnswer> Read(string path)
    {
        var result = new List<LabelledAnswer>();
        string[] lines = File.ReadAllLines(path);
        string? header = null;
        int headerLine = 0;
        var text = new List<string>();
        for (int i = 0; i <= lines.Length; i++)
        {
            string? line = i < lines.Length ? lines[i] : null;
            if (line is null || line.StartsWith("=== ", StringComparison.Ordinal))
            {
                if (header is not null)
                {
                    result.Add(Parse(header, string.Join("\n", text).Trim(), path, headerLine));
                }

                header = line;
                headerLine = i + 1;
                text.Clear();
                continue;
            }

            if (header is not null)
            {
                text.Add(line);
            }
        }

        return result;
    }

    private static LabelledAnswer Parse(string header, string text, string path, int line)
    {
        string[] parts = header[4..].Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length != 4 || !parts[2].StartsWith("covers:", StringComparison.Ordinal) || !parts[3].StartsWith("flags:", StringComparison.Ordinal) || text.Length == 0)
        {
            throw new FormatException($"{path}:{line}: malformed labelled answer header or empty answer");
        }

        var grade = parts[1] switch
        {
            "strong" => Grade.Strong,
            "partial" => Grade.Partial,
            "weak" => Grade.Weak,
            _ => throw new FormatException($"{path}:{line}: unknown grade '{parts[1]}'"),
        };
        return new LabelledAnswer(parts[0], grade, Indexes(parts[2]["covers:".Length..]), Indexes(parts[3]["flags:".Length..]), text, line);
    }

    private static ImmutableHashSet<int> Indexes(string list)
    {
        list = list.Trim();
        return list == "-"
            ? []
            : [.. list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
    }
}

/// <summary>
/// The rubrics a labelled set was labelled against. Labels are indexes into a question's key points
/// and red flags, so when the shipped content later rewrites a rubric, the labels would silently
/// point at other text. A set can carry a snapshot (<c>answers.rubrics</c> beside <c>answers.txt</c>,
/// or one <c>*.rubrics</c> file in a set folder): <c>=== id</c>, then <c>K text</c> per key point and
/// <c>R text</c> per red flag, in order. Questions of the snapshot replace the shipped ones' key points
/// and red flags; everything else (prompt, model answer) stays as shipped.
/// </summary>
internal static class RubricSnapshot
{
    /// <summary>The snapshot file of a set (file or folder), or null when it has none.</summary>
    public static string? For(string setPath)
    {
        if (Directory.Exists(setPath))
        {
            return Directory.GetFiles(setPath, "*.rubrics", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).FirstOrDefault();
        }

        string candidate = Path.ChangeExtension(setPath, ".rubrics");
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary><paramref name="bank"/> with the rubrics of the set's snapshot, or unchanged when the set has none.</summary>
    public static QuestionBank Apply(QuestionBank bank, string setPath)
    {
        string? path = For(setPath);
        if (path is null)
        {
            return bank;
        }

        var rubrics = Read(path);
        foreach (string id in rubrics.Keys)
        {
            if (bank.Find(id) is null)
            {
                throw new FormatException($"{path}: question {id} is not in the bank");
            }
        }

        return new QuestionBank(bank.Packs.Select(p => p with
        {
            Questions = [.. p.Questions.Select(q => rubrics.TryGetValue(q.Id, out var r)
                ? q with { Answer = q.Answer with { KeyPoints = [.. r.KeyPoints] }, RedFlags = [.. r.RedFlags] }
                : q)],
        }));
    }

    public static Dictionary<string, (List<string> KeyPoints, List<string> RedFlags)> Read(string path)
    {
        var result = new Dictionary<string, (List<string> KeyPoints, List<string> RedFlags)>(StringComparer.Ordinal);
        (List<string> KeyPoints, List<string> RedFlags)? current = null;
        int n = 0;
        foreach (string line in File.ReadLines(path))
        {
            n++;
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                current = ([], []);
                result.Add(line[4..].Trim(), current.Value);
            }
            else if (line.StartsWith("K ", StringComparison.Ordinal) && current is { } k)
            {
                k.KeyPoints.Add(line[2..]);
            }
            else if (line.StartsWith("R ", StringComparison.Ordinal) && current is { } r)
            {
                r.RedFlags.Add(line[2..]);
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                throw new FormatException($"{path}:{n}: expected '=== id', 'K key point' or 'R red flag'");
            }
        }

        return result;
    }
}
