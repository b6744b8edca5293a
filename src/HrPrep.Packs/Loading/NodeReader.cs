using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HrPrep.Packs.Yaml;

namespace HrPrep.Packs;

/// <summary>Reads typed values out of YAML nodes, reporting every mismatch as a located diagnostic.</summary>
internal sealed partial class NodeReader(List<Diagnostic> diagnostics)
{
    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    public void Error(SourceLocation at, string code, string message) => Diagnostics.Add(Diagnostic.Error(at, code, message));

    public YamlMapping? Mapping(YamlNode node, string what)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        Error(node.Start, DiagnosticCodes.WrongKind, $"{what} must be a mapping, found {node.KindName}");
        return null;
    }

    /// <summary>Checks a mapping's keys against the known ones and the required ones.</summary>
    public void Keys(YamlMapping mapping, string what, string[] known, string[] required)
    {
        foreach (var entry in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(mapping.EntryList))
        {
            if (Array.IndexOf(known, entry.Key.Value) < 0)
            {
                string hint = Suggest(entry.Key.Value, known) is { } s ? $" (did you mean '{s}'?)" : $"; allowed: {string.Join(", ", known)}";
                Error(entry.Key.Start, DiagnosticCodes.UnknownKey, $"unknown key '{entry.Key.Value}' in {what}{hint}");
            }
        }

        foreach (var key in required)
        {
            if (mapping.Get(key) is null)
            {
                Error(mapping.Start, DiagnosticCodes.MissingKey, $"{what} is missing the required key '{key}'");
            }
        }
    }

    public string? Text(YamlNode? node, string name, bool nonEmpty = true, Regex? pattern = null, string? patternHint = null)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalar { Kind: ScalarKind.String } scalar)
        {
            string quoteHint = node is YamlScalar ? "; quote it to make it text" : string.Empty;
            Error(node.Start, DiagnosticCodes.WrongKind, $"'{name}' must be text, found {node.KindName}{quoteHint}");
            return null;
        }

        if (nonEmpty && string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(node.Start, DiagnosticCodes.EmptyValue, $"'{name}' must not be empty");
            return null;
        }

        if (pattern is not null && !pattern.IsMatch(scalar.Value))
        {
            Error(node.Start, DiagnosticCodes.BadFormat, $"'{name}' value '{Shorten(scalar.Value)}' is not valid: {patternHint}");
            return null;
        }

        return scalar.Value;
    }

    public ImmutableArray<string> TextList(YamlNode? node, string name, Regex? itemPattern = null, string? patternHint = null, bool unique = false)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequence seq)
        {
            Error(node.Start, DiagnosticCodes.WrongKind, $"'{name}' must be a list, found {node.KindName}");
            return [];
        }

        var items = seq.ItemList;
        var builder = ImmutableArray.CreateBuilder<string>(items.Count);
        string? itemName = null;

        // Short lists (tags, related ids) are checked for repeats by scanning; long ones with a set.
        HashSet<string>? seen = unique && items.Count > 16 ? new(StringComparer.Ordinal) : null;
        foreach (var item in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items))
        {
            // A valid item is taken as it is; the item's name (for messages) is made only when one is needed.
            string? value = item is YamlScalar { Kind: ScalarKind.String } text && !string.IsNullOrWhiteSpace(text.Value) && (itemPattern is null || itemPattern.IsMatch(text.Value))
                ? text.Value
                : Text(item, itemName ??= name + " item", true, itemPattern, patternHint);
            if (value is not null)
            {
                if (unique && (seen is not null ? !seen.Add(value) : builder.Contains(value)))
                {
                    Error(item.Start, DiagnosticCodes.DuplicateValue, $"'{name}' lists '{value}' more than once");
                    continue;
                }

                builder.Add(value);
            }
        }

        return builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
    }

    public IReadOnlyList<YamlNode> Items(YamlNode? node, string name)
    {
        if (node is null)
        {
            return [];
        }

        if (node is YamlSequence seq)
        {
            return seq.Items;
        }

        Error(node.Start, DiagnosticCodes.WrongKind, $"'{name}' must be a list, found {node.KindName}");
        return [];
    }

    public T? Enum<T>(YamlNode? node, string name, IReadOnlyList<string> names, TryParse<T> parse)
        where T : struct
    {
        if (Text(node, name) is not { } text)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        string hint = Suggest(text, names) is { } s ? $" (did you mean '{s}'?)" : string.Empty;
        Error(node!.Start, DiagnosticCodes.NotAllowed, $"'{name}' value '{Shorten(text)}' is not one of: {string.Join(", ", names)}{hint}");
        return null;
    }

    public delegate bool TryParse<T>(string text, out T value);

    internal static string Shorten(string value) => DiagnosticText.Shorten(value);

    internal static string? Suggest(string name, IEnumerable<string> known) => DiagnosticText.Suggest(name, known);
}
