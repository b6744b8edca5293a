using System.Globalization;
using System.Text.RegularExpressions;
using HrPrep.Authoring.Schema;
using HrPrep.Content;
using HrPrep.Content.Yaml;
using NJsonSchema;

namespace HrPrep.Authoring.Lint.Schema;

/// <summary>
/// A JSON Schema loaded and resolved by NJsonSchema, compiled into a validator that walks the
/// YAML node tree directly: no JSON documents are materialised, every error carries the YAML
/// position of the node it concerns, and one instance is safe to use from many threads.
/// Supports type, enum, const-like single enums, pattern, minLength, maxLength, format uri/date,
/// minimum/maximum, properties, required, additionalProperties (boolean or schema),
/// patternProperties, minProperties, maxProperties, items, minItems, maxItems, uniqueItems,
/// allOf, anyOf, oneOf, not and $ref (through NJsonSchema's resolution).
/// <see cref="PackSchemaValidator"/> is the reference implementation; a test checks both agree.
/// </summary>
public sealed class CompiledSchemaValidator
{
    /// <summary>The code of schema findings.</summary>
    public const string Code = "SCHEMA";

    private static readonly Lazy<CompiledSchemaValidator> Shipped = new(() => FromJson(PackSchemaValidator.LoadShippedSchemaText()));
    private readonly Node root;

    private CompiledSchemaValidator(JsonSchema schema) => root = new Compiler().Compile(schema);

    /// <summary>The validator of the schema shipped with this library.</summary>
    public static CompiledSchemaValidator Default => Shipped.Value;

    /// <summary>Loads schema JSON text with NJsonSchema and compiles it.</summary>
    /// <param name="schemaJson">The schema text.</param>
    /// <param name="documentPath">The schema file's path, used to resolve relative <c>$ref</c>s; null for none.</param>
    /// <exception cref="ArgumentException">The text is not a readable JSON Schema.</exception>
    public static CompiledSchemaValidator FromJson(string schemaJson, string? documentPath = null)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        JsonSchema schema;
        try
        {
            schema = documentPath is null
                ? JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult()
                : JsonSchema.FromJsonAsync(schemaJson, documentPath).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ArgumentException($"the schema cannot be read: {OneLine(ex.Message)}", nameof(schemaJson), ex);
        }

        try
        {
            return new CompiledSchemaValidator(schema);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ArgumentException($"the schema cannot be compiled: {OneLine(ex.Message)}", nameof(schemaJson), ex);
        }
    }

    /// <summary>Validates one document; returns located errors (code <see cref="Code"/>) in position order.</summary>
    public IReadOnlyList<Diagnostic> Validate(YamlNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<Diagnostic>();
        Check(root, document, document.Start, default, errors);
        if (errors.Count > 1)
        {
            errors.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column != b.Column ? a.Column.CompareTo(b.Column) : string.CompareOrdinal(a.Message, b.Message));
            for (int i = errors.Count - 1; i > 0; i--)
            {
                if (errors[i] == errors[i - 1])
                {
                    errors.RemoveAt(i);
                }
            }
        }

        return errors;
    }

    private static string OneLine(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static void Error(List<Diagnostic> errors, SourceLocation at, string message) =>
        errors.Add(Diagnostic.Error(at, Code, message));

    private static string Name(Prop property) => property.Text is { } text ? $"'{text}'" : "the value";

    /// <summary>The property a value is at, for messages; an item's name ("tags[2]") is only built when a message needs it.</summary>
    private readonly record struct Prop(string? Name, int Index = -1)
    {
        public string? Text => Index < 0 ? Name : string.Create(CultureInfo.InvariantCulture, $"{Name ?? string.Empty}[{Index}]");
    }

    private static string Show(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 37), "...");

    private static void Check(Node s, YamlNode node, SourceLocation at, Prop property, List<Diagnostic> errors)
    {
        if (s.Never)
        {
            Error(errors, at, $"{Name(property)} is not allowed here");
            return;
        }

        if (s.Types != JsonObjectType.None && !TypeMatches(s.Types, node))
        {
            Error(errors, at, $"{Name(property)} must be {Describe(s.Types)}, found {node.KindName}");
            return;
        }

        if (s.Enum is { } allowed && !(node is YamlScalar es && allowed.Contains(EnumKey(es))))
        {
            Error(errors, at, $"{Name(property)} must be one of: {string.Join(", ", s.EnumDisplay!)}{(node is YamlScalar fs ? $" (found '{Show(fs.Value)}')" : string.Empty)}");
        }

        switch (node)
        {
            case YamlScalar scalar:
                CheckScalar(s, scalar, at, property, errors);
                break;
            case YamlMapping map:
                CheckMapping(s, map, at, property, errors);
                break;
            case YamlSequence seq:
                CheckSequence(s, seq, at, property, errors);
                break;
        }

        if (s.AllOf is { } all)
        {
            foreach (var sub in all)
            {
                Check(sub, node, at, property, errors);
            }
        }

        if (s.AnyOf is { } any && !any.Any(sub => Passes(sub, node, at, property)))
        {
            Error(errors, at, $"{Name(property)} matches none of the allowed forms");
        }

        if (s.OneOf is { } one && one.Count(sub => Passes(sub, node, at, property)) != 1)
        {
            Error(errors, at, $"{Name(property)} must match exactly one of the allowed forms");
        }

        if (s.Not is { } not && Passes(not, node, at, property))
        {
            Error(errors, at, $"{Name(property)} matches a form that is not allowed");
        }
    }

    private static bool Passes(Node s, YamlNode node, SourceLocation at, Prop property)
    {
        var scratch = new List<Diagnostic>();
        Check(s, node, at, property, scratch);
        return scratch.Count == 0;
    }

    private static void CheckScalar(Node s, YamlScalar scalar, SourceLocation at, Prop property, List<Diagnostic> errors)
    {
        if (scalar.Kind == ScalarKind.String)
        {
            string v = scalar.Value;
            if (s.MinLength is { } min && (v.Length < min || (v.Length < 2 * min && CodePoints(v) < min)))
            {
                Error(errors, at, min == 1 ? $"{Name(property)} must not be empty" : string.Create(CultureInfo.InvariantCulture, $"{Name(property)} must be at least {min} characters long"));
            }

            if (s.MaxLength is { } max && v.Length > max && CodePoints(v) > max)
            {
                Error(errors, at, string.Create(CultureInfo.InvariantCulture, $"{Name(property)} must be at most {max} characters long"));
            }

            if (s.Pattern is { } pattern && !pattern.IsMatch(v))
            {
                Error(errors, at, $"{Name(property)} does not match the pattern {s.PatternText} (found '{Show(v)}')");
            }

            if (s.Format is { } format && !FormatMatches(format, v))
            {
                Error(errors, at, $"{Name(property)} is not a valid {format}");
            }
        }
        else if (scalar.Kind is ScalarKind.Int or ScalarKind.Float && (s.Minimum is not null || s.Maximum is not null)
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            if (s.Minimum is { } lo && (number < lo || (s.ExclusiveMinimum && number == lo)))
            {
                Error(errors, at, string.Create(CultureInfo.InvariantCulture, $"{Name(property)} must be at least {lo}"));
            }

            if (s.Maximum is { } hi && (number > hi || (s.ExclusiveMaximum && number == hi)))
            {
                Error(errors, at, string.Create(CultureInfo.InvariantCulture, $"{Name(property)} must be at most {hi}"));
            }
        }
    }

    private static void CheckMapping(Node s, YamlMapping map, SourceLocation at, Prop property, List<Diagnostic> errors)
    {
        if (s.Required.Length > 0)
        {
            foreach (string required in s.Required)
            {
                if (map.Get(required) is null)
                {
                    Error(errors, at, $"required property '{required}' is missing");
                }
            }
        }

        if (map.Entries.Count < s.MinProperties)
        {
            Error(errors, at, string.Create(CultureInfo.InvariantCulture, $"{Name(property)} must have at least {s.MinProperties} propert{(s.MinProperties == 1 ? "y" : "ies")}"));
        }

        if (s.MaxProperties is { } maxProps && map.Entries.Count > maxProps)
        {
            Error(errors, at, string.Create(CultureInfo.InvariantCulture, $"{Name(property)} must have at most {maxProps} properties"));
        }

        foreach (var (key, value) in map.Entries)
        {
            bool known = false;
            if (s.Properties is { } props && props.TryGetValue(key.Value, out var sub))
            {
                known = true;
                Check(sub, value, key.Start, new Prop(key.Value), errors);
            }

            if (s.PatternProperties is { } patterns)
            {
                foreach (var (regex, psub) in patterns)
                {
                    if (regex.IsMatch(key.Value))
                    {
                        known = true;
                        Check(psub, value, key.Start, new Prop(key.Value), errors);
                    }
                }
            }

            if (!known)
            {
                if (s.AdditionalProperties is { } extra)
                {
                    Check(extra, value, key.Start, new Prop(key.Value), errors);
                }
                else if (!s.AllowAdditional)
                {
                    string hint = s.Properties is { } p && SuggestName(key.Value, p.Keys) is { } sug ? $" (did you mean '{sug}'?)" : string.Empty;
                    Error(errors, key.Start, $"property '{key.Value}' is not allowed here{hint}");
                }
            }
        }
    }

    private static void CheckSequence(Node s, YamlSequence seq, SourceLocation at, Prop property, List<Diagnostic> errors)
    {
        if (seq.Items.Count < s.MinItems)
        {
            Error(errors, at, s.MinItems == 1 ? $"{Name(property)} must not be empty" : string.Create(CultureInfo.InvariantCulture, $"{Name(property)} must have at least {s.MinItems} items"));
        }

        if (s.MaxItems is { } maxItems && seq.Items.Count > maxItems)
        {
            Error(errors, at, string.Create(CultureInfo.InvariantCulture, $"{Name(property)} must have at most {maxItems} items"));
        }

        if (s.Items is { } items)
        {
            for (int i = 0; i < seq.Items.Count; i++)
            {
                var item = seq.Items[i];
                Check(items, item, item.Start, new Prop(property.Text, i), errors);
            }
        }

        if (s.UniqueItems && seq.Items.Count > 1)
        {
            var seen = new HashSet<(ScalarKind, string)>();
            foreach (var item in seq.Items)
            {
                var key = item is YamlScalar scalarItem ? (scalarItem.Kind, scalarItem.Value) : ((ScalarKind)(-1), Canonical(item));
                if (!seen.Add(key))
                {
                    string shown = item is YamlScalar sc ? $" ('{Show(sc.Value)}')" : string.Empty;
                    Error(errors, at, $"{Name(property)} lists a value twice{shown}; items must be unique");
                    break;
                }
            }
        }
    }

    private static string Canonical(YamlNode node) => node switch
    {
        YamlScalar s => $"{(int)s.Kind}:{s.Value}",
        YamlSequence q => "[" + string.Join(",", q.Items.Select(Canonical)) + "]",
        YamlMapping m => "{" + string.Join(",", m.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal).Select(e => e.Key.Value + "=" + Canonical(e.Value))) + "}",
        _ => string.Empty,
    };

    private static int CodePoints(string v)
    {
        int n = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (!char.IsLowSurrogate(v[i]))
            {
                n++;
            }
        }

        return n;
    }

    private static bool FormatMatches(string format, string v) => format switch
    {
        "uri" => Uri.TryCreate(v, UriKind.Absolute, out _),
        "uri-reference" => Uri.TryCreate(v, UriKind.RelativeOrAbsolute, out _),
        "date" => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date-time" => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "email" => v.IndexOf('@', StringComparison.Ordinal) > 0,
        _ => true,
    };

    private static string EnumKey(YamlScalar s) => s.Kind switch
    {
        ScalarKind.String => "s:" + s.Value,
        ScalarKind.Null => "null",
        ScalarKind.Bool => "b:" + s.Value.ToLowerInvariant(),
        _ => double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? "n:" + d.ToString("R", CultureInfo.InvariantCulture) : "n:" + s.Value,
    };

    private static bool TypeMatches(JsonObjectType types, YamlNode node) => node switch
    {
        YamlMapping => types.HasFlag(JsonObjectType.Object),
        YamlSequence => types.HasFlag(JsonObjectType.Array),
        YamlScalar s => s.Kind switch
        {
            ScalarKind.String => types.HasFlag(JsonObjectType.String),
            ScalarKind.Null => types.HasFlag(JsonObjectType.Null),
            ScalarKind.Bool => types.HasFlag(JsonObjectType.Boolean),
            ScalarKind.Int => types.HasFlag(JsonObjectType.Integer) || types.HasFlag(JsonObjectType.Number),
            _ => types.HasFlag(JsonObjectType.Number) || (types.HasFlag(JsonObjectType.Integer) && IsIntegral(s.Value)),
        },
        _ => false,
    };

    private static bool IsIntegral(string v) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && Math.Floor(d) == d && !double.IsInfinity(d);

    private static string Describe(JsonObjectType types)
    {
        var names = new List<string>();
        foreach (var (flag, name) in new[] { (JsonObjectType.Object, "a mapping"), (JsonObjectType.Array, "a list"), (JsonObjectType.String, "a string"), (JsonObjectType.Integer, "an integer"), (JsonObjectType.Number, "a number"), (JsonObjectType.Boolean, "a boolean"), (JsonObjectType.Null, "null") })
        {
            if (types.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    private static string? SuggestName(string name, IEnumerable<string> known) => HrPrep.Content.Loading.NodeReader.Suggest(name, known);

    private sealed class Node
    {
        public bool Never { get; set; }

        public JsonObjectType Types { get; set; }

        public HashSet<string>? Enum { get; set; }

        public List<string>? EnumDisplay { get; set; }

        public Regex? Pattern { get; set; }

        public string? PatternText { get; set; }

        public int? MinLength { get; set; }

        public int? MaxLength { get; set; }

        public string? Format { get; set; }

        public double? Minimum { get; set; }

        public double? Maximum { get; set; }

        public bool ExclusiveMinimum { get; set; }

        public bool ExclusiveMaximum { get; set; }

        public Dictionary<string, Node>? Properties { get; set; }

        public List<(Regex Regex, Node Schema)>? PatternProperties { get; set; }

        public string[] Required { get; set; } = [];

        public bool AllowAdditional { get; set; } = true;

        public Node? AdditionalProperties { get; set; }

        public int MinProperties { get; set; }

        public int? MaxProperties { get; set; }

        public Node? Items { get; set; }

        public int MinItems { get; set; }

        public int? MaxItems { get; set; }

        public bool UniqueItems { get; set; }

        public List<Node>? AllOf { get; set; }

        public List<Node>? AnyOf { get; set; }

        public List<Node>? OneOf { get; set; }

        public Node? Not { get; set; }
    }

    private sealed class Compiler
    {
        private readonly Dictionary<JsonSchema, Node> done = new(ReferenceEqualityComparer.Instance);

        public Node Compile(JsonSchema schema)
        {
            var actual = schema.ActualSchema;
            if (done.TryGetValue(actual, out var existing))
            {
                return existing;
            }

            var node = new Node();
            done.Add(actual, node);
            node.Types = actual.Type;
            if (actual.Enumeration.Count > 0)
            {
                node.Enum = new HashSet<string>(StringComparer.Ordinal);
                node.EnumDisplay = [];
                foreach (var value in actual.Enumeration)
                {
                    node.Enum.Add(value switch
                    {
                        null => "null",
                        string str => "s:" + str,
                        bool b => b ? "b:true" : "b:false",
                        IConvertible c => "n:" + c.ToDouble(CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
                        _ => "?" + value,
                    });
                    node.EnumDisplay.Add(value is null ? "null" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }

            if (!string.IsNullOrEmpty(actual.Pattern))
            {
                node.PatternText = actual.Pattern;
                node.Pattern = SchemaPatterns.For(actual.Pattern);
            }

            node.MinLength = actual.MinLength is > 0 ? actual.MinLength : null;
            node.MaxLength = actual.MaxLength;
            node.Format = string.IsNullOrEmpty(actual.Format) ? null : actual.Format;
            node.Minimum = actual.Minimum is { } min ? (double)min : actual.ExclusiveMinimum is { } emin ? (double)emin : null;
            node.ExclusiveMinimum = actual.IsExclusiveMinimum || actual.ExclusiveMinimum is not null;
            node.Maximum = actual.Maximum is { } max ? (double)max : actual.ExclusiveMaximum is { } emax ? (double)emax : null;
            node.ExclusiveMaximum = actual.IsExclusiveMaximum || actual.ExclusiveMaximum is not null;
            if (actual.Properties.Count > 0)
            {
                node.Properties = new Dictionary<string, Node>(StringComparer.Ordinal);
                foreach (var (name, prop) in actual.Properties)
                {
                    node.Properties[name] = Compile(prop);
                }
            }

            if (actual.PatternProperties.Count > 0)
            {
                node.PatternProperties = [.. actual.PatternProperties.Select(p => (SchemaPatterns.For(p.Key), Compile(p.Value)))];
            }

            node.Required = [.. actual.RequiredProperties];
            node.AllowAdditional = actual.AllowAdditionalProperties;
            node.AdditionalProperties = actual.AdditionalPropertiesSchema is { } ap ? Compile(ap) : null;
            node.MinProperties = actual.MinProperties;
            node.MaxProperties = actual.MaxProperties > 0 ? actual.MaxProperties : null;
            node.Items = actual.Item is { } item ? Compile(item) : null;
            node.MinItems = actual.MinItems;
            node.MaxItems = actual.MaxItems > 0 ? actual.MaxItems : null;
            node.UniqueItems = actual.UniqueItems;
            node.AllOf = actual.AllOf.Count > 0 ? [.. actual.AllOf.Select(Compile)] : null;
            node.AnyOf = actual.AnyOf.Count > 0 ? [.. actual.AnyOf.Select(Compile)] : null;
            node.OneOf = actual.OneOf.Count > 0 ? [.. actual.OneOf.Select(Compile)] : null;
            node.Not = actual.Not is { } n ? Compile(n) : null;
            return node;
        }
    }
}
