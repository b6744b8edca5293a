using System.Collections.Immutable;
using System.Globalization;
using HrPrep.Authoring.Export;
using HrPrep.Content;
using HrPrep.Packs;

namespace HrPrep.Authoring.Import;

/// <summary>The packs read back from a CSV export, and every problem found.</summary>
/// <param name="Packs">One pack per distinct <c>pack</c> value, in first-appearance order.</param>
/// <param name="Diagnostics">Located problems (<c>file:line:col</c>); when any is an error, no pack should be written.</param>
public sealed record CsvImportResult(ImmutableArray<QuestionPack> Packs, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Reads our own CSV export (<see cref="CsvColumns"/>) back into packs. The CSV holds no manifest
/// and no scenarios: give the original pack's manifest to restore it; without one a skeleton
/// manifest is made (version 0.1.0, licence <c>NOASSERTION</c>, one category per category id).
/// </summary>
public static class CsvImporter
{
    /// <summary>Reads CSV text.</summary>
    /// <param name="reader">The CSV (header row first).</param>
    /// <param name="path">The file name used in diagnostics.</param>
    /// <param name="manifests">Manifests to use for packs of the same id (their questions are ignored).</param>
    /// <param name="language">The language of skeleton manifests.</param>
    public static CsvImportResult Import(TextReader reader, string path, IReadOnlyList<QuestionPack>? manifests = null, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        var csv = new CsvRecordReader(reader);
        List<string>? header;
        try
        {
            header = csv.Read();
        }
        catch (FormatException ex)
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 1, 1), AuthoringDiagnosticCodes.CsvUnreadable, ex.Message));
            return new CsvImportResult([], [.. diagnostics]);
        }

        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 1, 1), AuthoringDiagnosticCodes.CsvUnreadable, "the file is empty; expected a header row with: " + string.Join(", ", CsvColumns.All)));
            return new CsvImportResult([], [.. diagnostics]);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i].Trim().TrimStart('\uFEFF');
            if (!CsvColumns.All.Contains(name))
            {
                diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 1, i + 1), AuthoringDiagnosticCodes.CsvHeader, $"unknown column '{name}'; the export's columns are: {string.Join(", ", CsvColumns.All)}"));
            }
            else if (!index.TryAdd(name, i))
            {
                diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 1, i + 1), AuthoringDiagnosticCodes.CsvHeader, $"column '{name}' appears twice"));
            }
        }

        foreach (var required in CsvColumns.Required.Where(r => !index.ContainsKey(r)))
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 1, 1), AuthoringDiagnosticCodes.CsvHeader, $"required column '{required}' is missing"));
        }

        if (diagnostics.Count > 0)
        {
            return new CsvImportResult([], [.. diagnostics]);
        }

        var questionsByPack = new Dictionary<string, List<Question>>(StringComparer.Ordinal);
        var packOrder = new List<string>();
        var seenIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var categoryTitles = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            List<string>? row;
            try
            {
                row = csv.Read();
            }
            catch (FormatException ex)
            {
                diagnostics.Add(Diagnostic.Error(new SourceLocation(path, csv.RecordLine, 1), AuthoringDiagnosticCodes.CsvUnreadable, ex.Message));
                break;
            }

            if (row is null)
            {
                break;
            }

            int rowLine = csv.RecordLine;
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            var at = new SourceLocation(path, rowLine, 1);
            string? Cell(string column) => index.TryGetValue(column, out int i) && i < row.Count ? CsvColumns.Unguard(row[i]) : null;
            SourceLocation Col(string column) => new(path, rowLine, index.TryGetValue(column, out int i) ? i + 1 : 1);
            int before = diagnostics.Count;
            void Error(string column, string message) => diagnostics.Add(Diagnostic.Error(Col(column), AuthoringDiagnosticCodes.CsvValue, message));

            string? Text(string column, bool required, System.Text.RegularExpressions.Regex? pattern = null, string? hint = null)
            {
                string? v = Cell(column);
                if (string.IsNullOrWhiteSpace(v))
                {
                    if (required)
                    {
                        Error(column, $"'{column}' must not be empty");
                    }

                    return null;
                }

                if (pattern is not null && !pattern.IsMatch(v))
                {
                    Error(column, $"'{column}' value '{DiagnosticText.Shorten(v)}' is not valid: {hint}");
                    return null;
                }

                return v;
            }

            ImmutableArray<string> List(string column, System.Text.RegularExpressions.Regex? pattern = null, string? hint = null)
            {
                string? v = Cell(column);
                if (string.IsNullOrEmpty(v))
                {
                    return [];
                }

                var items = v.Replace("\r\n", "\n", StringComparison.Ordinal).Split(CsvColumns.ListSeparator).Where(s => s.Trim().Length > 0).ToImmutableArray();
                foreach (var item in items.Where(item => pattern is not null && !pattern.IsMatch(item)))
                {
                    Error(column, $"'{column}' item '{DiagnosticText.Shorten(item)}' is not valid: {hint}");
                }

                return items;
            }

            string? id = Text(CsvColumns.Id, true, Patterns.Id(), Patterns.IdHint);
            string? pack = Text(CsvColumns.Pack, true, Patterns.Id(), Patterns.IdHint);
            string? category = Text(CsvColumns.Category, true, Patterns.Id(), Patterns.IdHint);
            string? prompt = Text(CsvColumns.Prompt, true);
            string? answer = Text(CsvColumns.Answer, true);
            QuestionType type = default;
            QuestionLevel level = default;
            QuestionOrigin origin = QuestionOrigin.Original;
            if (Text(CsvColumns.Type, true) is { } t && !SchemaNames.TryParseType(t, out type))
            {
                Error(CsvColumns.Type, $"'type' value '{t}' is not one of: {string.Join(", ", SchemaNames.QuestionTypes)}");
            }

            if (Text(CsvColumns.Level, true) is { } l && !SchemaNames.TryParseLevel(l, out level))
            {
                Error(CsvColumns.Level, $"'level' value '{l}' is not one of: {string.Join(", ", SchemaNames.Levels)}");
            }

            if (Text(CsvColumns.Origin, false) is { } o && !SchemaNames.TryParseOrigin(o, out origin))
            {
                Error(CsvColumns.Origin, $"'origin' value '{o}' is not one of: {string.Join(", ", SchemaNames.Origins)}");
            }

            string? jurisdiction = Text(CsvColumns.Jurisdiction, false, Patterns.Jurisdiction(), Patterns.JurisdictionHint);
            DateOnly? Date(string column, string field)
            {
                if (Text(column, false, Patterns.Date(), Patterns.DateHint) is not { } date)
                {
                    return null;
                }

                if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return d;
                }

                Error(column, $"'{field}' value '{date}' is not a real date");
                return null;
            }

            DateOnly? lastVerified = Date(CsvColumns.LastVerified, "lastVerified");
            DateOnly? reviewBy = Date(CsvColumns.ReviewBy, "reviewBy");
            PromptAttribution? attribution = null;
            if (Text(CsvColumns.Attribution, false) is { } attributionCell)
            {
                var (attributionTitle, attributionUrl) = CsvColumns.ParseSource(attributionCell);
                if (attributionUrl is not null && !Patterns.HttpsUrl().IsMatch(attributionUrl))
                {
                    Error(CsvColumns.Attribution, $"attribution URL '{DiagnosticText.Shorten(attributionUrl)}' is not valid: {Patterns.HttpsUrlHint}");
                }

                attribution = new PromptAttribution(attributionTitle, attributionUrl);
            }

            var sources = ImmutableArray.CreateBuilder<SourceReference>();
            foreach (var s in List(CsvColumns.Sources))
            {
                var (title, url) = CsvColumns.ParseSource(s);
                if (url is not null && !Patterns.Url().IsMatch(url))
                {
                    Error(CsvColumns.Sources, $"source URL '{DiagnosticText.Shorten(url)}' is not valid: {Patterns.UrlHint}");
                }

                sources.Add(new SourceReference(title, url));
            }

            Scenario? scenario = null;
            if (Text(CsvColumns.Scenario, false) is { } scenarioText)
            {
                scenario = new Scenario(scenarioText, ParseTable(Cell(CsvColumns.ScenarioTable)));
            }

            if (category is not null && Text(CsvColumns.CategoryTitle, false) is { } categoryTitle)
            {
                categoryTitles.TryAdd(category, categoryTitle);
            }

            var question = new Question
            {
                Scenario = scenario,
                Id = id ?? string.Empty,
                PackId = pack ?? string.Empty,
                Prompt = prompt ?? string.Empty,
                Category = category ?? string.Empty,
                Type = type,
                Level = level,
                Origin = origin,
                Tags = List(CsvColumns.Tags, Patterns.Tag(), Patterns.TagHint),
                Answer = new ModelAnswer(answer ?? string.Empty, List(CsvColumns.KeyPoints)),
                FollowUps = List(CsvColumns.FollowUps),
                LookFor = List(CsvColumns.LookFor),
                RedFlags = List(CsvColumns.RedFlags),
                Jurisdiction = jurisdiction,
                Sources = sources.ToImmutable(),
                Related = List(CsvColumns.Related, Patterns.Id(), Patterns.IdHint),
                LastVerified = lastVerified,
                ReviewBy = reviewBy,
                Attribution = attribution,
                Location = at,
            };

            if (id is not null && !seenIds.TryAdd(id, at))
            {
                diagnostics.Add(Diagnostic.Error(Col(CsvColumns.Id), AuthoringDiagnosticCodes.CsvDuplicateId, $"duplicate question id '{id}' (first at {seenIds[id]})"));
            }

            if (diagnostics.Count > before || pack is null)
            {
                continue;
            }

            if (!questionsByPack.TryGetValue(pack, out var list))
            {
                questionsByPack[pack] = list = [];
                packOrder.Add(pack);
            }

            list.Add(question);
        }

        var packs = ImmutableArray.CreateBuilder<QuestionPack>();
        foreach (var packId in packOrder)
        {
            var questions = questionsByPack[packId];
            var manifest = manifests?.FirstOrDefault(m => m.Id == packId);
            var categories = manifest?.Categories ?? [];
            var known = categories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var extra = questions.Select(q => q.Category).Where(c => known.Add(c)).Select(c => new Category(c, categoryTitles.GetValueOrDefault(c, c), null));
            packs.Add(new QuestionPack
            {
                Id = packId,
                Version = manifest?.Version ?? "0.1.0",
                Title = manifest?.Title ?? packId,
                Role = manifest?.Role,
                Description = manifest?.Description,
                Language = manifest?.Language ?? language,
                License = manifest?.License ?? MarkdownImporter.UnknownLicense,
                Authors = manifest?.Authors ?? [],
                Disclaimer = manifest?.Disclaimer,
                Homepage = manifest?.Homepage,
                Categories = [.. categories, .. extra],
                Retired = manifest?.Retired ?? [],
                Questions = [.. questions],
            });
        }

        return new CsvImportResult(packs.ToImmutable(), [.. diagnostics]);
    }

    /// <summary>Parses the <c>scenario_table</c> cell written by the exporter, or null when empty.</summary>
    internal static ScenarioTable? ParseTable(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        var lines = cell.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0).ToList();
        string? caption = null;
        if (lines.Count > 0 && lines[0].StartsWith(CsvColumns.TableCaptionPrefix, StringComparison.Ordinal))
        {
            caption = lines[0][CsvColumns.TableCaptionPrefix.Length..];
            lines.RemoveAt(0);
        }

        if (lines.Count == 0)
        {
            return null;
        }

        ImmutableArray<string> Cells(string line) => [.. line.Split(CsvColumns.TableCellSeparator)];
        return new ScenarioTable(caption, Cells(lines[0]), [.. lines.Skip(1).Select(Cells)]);
    }
}
