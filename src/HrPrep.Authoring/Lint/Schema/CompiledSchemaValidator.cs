using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HrPrep.Authoring.Schema;
using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;
using NJsonSchema;

namespace HrPrep.Authoring.Lint.Schema;

/// <summary>
/// A JSON Schema compiled into a validator that walks the YAML node tree directly: no JSON
/// documents are materialised, every error carries the YAML position of the node it concerns, and
/// one instance is safe to use from many threads. The shipped schema is compiled from its JSON with
/// System.Text.Json (it uses only plain keywords and local <c>$ref</c>s), so a lint run does not load
/// NJsonSchema; other schemas (<see cref="FromJson"/>) are loaded and resolved by NJsonSchema. A
/// test checks both routes compile the shipped schema to the same rules.
/// Supports type, enum, const-like single enums, pattern, minLength, maxLength, format uri/date,
/// minimum/maximum, properties, required, additionalProperties (boolean or schema),
/// patternProperties, minProperties, maxProperties, items, minItems, maxItems, uniqueItems,
/// allOf, anyOf, oneOf, not and $ref (through NJsonSchema's resolution).
/// <see cref="PackSchemaValidator"/> is the reference implementation; a test checks both agree.
/// </summary>
public sealed class CompiledSchemaValidator
{
    /// <summary>The code of schema findings.</summary>
    public const string Code = AuthoringDiagnosticCodes.Schema;

    private static readonly Lazy<CompiledSchemaValidator> Shipped = new(() => FromPlainJson(LoadShippedText()) ?? FromJson(LoadShippedText()));
    private readonly Node root;

    private CompiledSchemaValidator(Node root) => this.root = root;

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
            throw new ArgumentException($"the schema cannot be read: {DiagnosticText.OneLine(ex.Message)}", nameof(schemaJson), ex);
        }

        try
        {
            return new CompiledSchemaValidator(new Compiler().Compile(schema));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ArgumentException($"the schema cannot be compiled: {DiagnosticText.OneLine(ex.Message)}", nameof(schemaJson), ex);
        }
    }

    /// <summary>
    /// Compiles schema JSON with System.Text.Json alone, without NJsonSchema; null when the schema
    /// uses anything beyond the plain keywords this compiler knows (then use <see cref="FromJson"/>).
    /// </summary>
    internal static CompiledSchemaValidator? FromPlainJson(string schemaJson)
    {
        try
        {
            using var document = JsonDocument.Parse(schemaJson);
            return new CompiledSchemaValidator(new PlainCompiler(document.RootElement).Compile(document.RootElement, "#"));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The shipped schema's text (embedded in this assembly).</summary>
    private static string LoadShippedText()
    {
        using var stream = typeof(CompiledSchemaValidator).Assembly.GetManifestResourceStream(PackSchemaValidator.SchemaResource)
            ?? throw new InvalidOperationException($"The resource {PackSchemaValidator.SchemaResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A canonical text form of the compiled rules (every node once, references by number), for tests.</summary>
    internal string DescribeRules()
    {
        var numbers = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        var text = new StringBuilder();
        var queue = new Queue<Node>();
        int Number(Node n)
        {
            if (!numbers.TryGetValue(n, out int k))
            {
                numbers[n] = k = numbers.Count;
                queue.Enqueue(n);
            }

            return k;
        }

        string List(IEnumerable<Node>? nodes) => nodes is null ? "-" : string.Join(",", nodes.Select(n => "#" + Number(n).ToString(CultureInfo.InvariantCulture)));
        string One(Node? n) => n is null ? "-" : "#" + Number(n).ToString(CultureInfo.InvariantCulture);
        Number(root);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            text.Append(CultureInfo.InvariantCulture, $"#{numbers[n]}: never={n.Never} types={n.Types} enum=[{(n.Enum is null ? "-" : string.Join("|", n.Enum.Order(StringComparer.Ordinal)))}] display=[{(n.EnumDisplay is null ? "-" : string.Join("|", n.EnumDisplay))}]");
            text.Append(CultureInfo.InvariantCulture, $" pattern={n.PatternText ?? "-"}/{n.Pattern?.ToString() ?? "-"} len={n.MinLength}..{n.MaxLength} format={n.Format ?? "-"} num={n.Minimum}{(n.ExclusiveMinimum ? "(x)" : "")}..{n.Maximum}{(n.ExclusiveMaximum ? "(x)" : "")}");
            text.Append(CultureInfo.InvariantCulture, $" required=[{string.Join(",", n.Required.Order(StringComparer.Ordinal))}] additional={n.AllowAdditional}/{One(n.AdditionalProperties)} props={n.MinProperties}..{n.MaxProperties}");
            text.Append(CultureInfo.InvariantCulture, $" items={One(n.Items)} {n.MinItems}..{n.MaxItems} unique={n.UniqueItems} allOf={List(n.AllOf)} anyOf={List(n.AnyOf)} oneOf={List(n.OneOf)} not={One(n.Not)}");
            if (n.Properties is { } props)
            {
                foreach (var (name, sub) in props.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(CultureInfo.InvariantCulture, $" .{name}={One(sub)}");
                }
            }

            if (n.PatternProperties is { } pps)
            {
                foreach (var (regex, sub) in pps)
                {
                    text.Append(CultureInfo.InvariantCulture, $" ~{regex}={One(sub)}");
                }
            }

            text.Append('\n');
        }

        return text.ToString();
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

        if (s.Types != Kinds.None && !TypeMatches(s.Types, node))
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

    private static bool TypeMatches(Kinds types, YamlNode node) => node switch
    {
        YamlMapping => types.HasFlag(Kinds.Object),
        YamlSequence => types.HasFlag(Kinds.Array),
        YamlScalar s => s.Kind switch
        {
            ScalarKind.String => types.HasFlag(Kinds.String),
            ScalarKind.Null => types.HasFlag(Kinds.Null),
            ScalarKind.Bool => types.HasFlag(Kinds.Boolean),
            ScalarKind.Int => types.HasFlag(Kinds.Integer) || types.HasFlag(Kinds.Number),
            _ => types.HasFlag(Kinds.Number) || (types.HasFlag(Kinds.Integer) && IsIntegral(s.Value)),
        },
        _ => false,
    };

    private static bool IsIntegral(string v) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && Math.Floor(d) == d && !double.IsInfinity(d);

    private static string Describe(Kinds types)
    {
        var names = new List<string>();
        foreach (var (flag, name) in new[] { (Kinds.Object, "a mapping"), (Kinds.Array, "a list"), (Kinds.String, "a string"), (Kinds.Integer, "an integer"), (Kinds.Number, "a number"), (Kinds.Boolean, "a boolean"), (Kinds.Null, "null") })
        {
            if (types.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    private static string? SuggestName(string name, IEnumerable<string> known) => HrPrep.Packs.DiagnosticText.Suggest(name, known);

    /// <summary>JSON types, with the same flag values as NJsonSchema's <c>JsonObjectType</c>.</summary>
    [Flags]
    private enum Kinds
    {
        None = 0,
        Array = 1,
        Boolean = 2,
        Integer = 4,
        Null = 8,
        Number = 16,
        Object = 32,
        String = 64,
        File = 128,
    }

    private sealed class Node
    {
        public bool Never { get; set; }

        public Kinds Types { get; set; }

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
            node.Types = (Kinds)(int)actual.Type;
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

    /// <summary>
    /// Compiles plain JSON Schema (draft 4 to 7 keywords the validator supports, local <c>$ref</c>s)
    /// with System.Text.Json, to the same rules the NJsonSchema route builds. Anything else (an
    /// unknown keyword, a remote or sibling-constrained <c>$ref</c>, boolean or tuple schemas) throws
    /// <see cref="NotSupportedException"/>, and the caller falls back to NJsonSchema.
    /// </summary>
    private sealed class PlainCompiler(JsonElement document)
    {
        private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
        {
            "$schema", "$comment", "title", "description", "markdownDescription", "examples", "default", "definitions", "$defs",
            "deprecated", "readOnly", "writeOnly", "deprecationMessage", "markdownEnumDescriptions", "enumDescriptions", "defaultSnippets",
        };

        private readonly Dictionary<string, Node> done = new(StringComparer.Ordinal);

        public Node Compile(JsonElement schema, string pointer)
        {
            // Follow $ref chains to the schema they name (siblings of $ref may only be annotations).
            for (int hops = 0; schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
            {
                foreach (var p in schema.EnumerateObject())
                {
                    if (p.Name != "$ref" && !Annotations.Contains(p.Name))
                    {
                        throw new NotSupportedException($"'{p.Name}' beside $ref");
                    }
                }

                pointer = reference.GetString() ?? throw new NotSupportedException("$ref");
                schema = Resolve(pointer);
                if (hops > 64)
                {
                    throw new NotSupportedException("$ref cycle");
                }
            }

            if (done.TryGetValue(pointer, out var existing))
            {
                return existing;
            }

            if (schema.ValueKind != JsonValueKind.Object)
            {
                throw new NotSupportedException("boolean schema");
            }

            var node = new Node();
            done.Add(pointer, node);
            JsonElement? exclusiveMinimum = null, exclusiveMaximum = null;
            bool exclusiveMinimumFlag = false, exclusiveMaximumFlag = false;
            node.Required = [];
            foreach (var p in schema.EnumerateObject())
            {
                var v = p.Value;
                string at = pointer + "/" + p.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                switch (p.Name)
                {
                    case "type":
                        node.Types = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Aggregate(Kinds.None, (k, t) => k | KindOf(t)) : KindOf(v);
                        break;
                    case "enum":
                        node.Enum = new HashSet<string>(StringComparer.Ordinal);
                        node.EnumDisplay = [];
                        foreach (var e in v.EnumerateArray())
                        {
                            (string key, string display) = e.ValueKind switch
                            {
                                JsonValueKind.Null => ("null", "null"),
                                JsonValueKind.String => ("s:" + e.GetString(), e.GetString()!),
                                JsonValueKind.True => ("b:true", "True"),
                                JsonValueKind.False => ("b:false", "False"),
                                JsonValueKind.Number => ("n:" + e.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                                    e.TryGetInt64(out long whole) ? whole.ToString(CultureInfo.InvariantCulture) : e.GetDouble().ToString(CultureInfo.InvariantCulture)),
                                _ => throw new NotSupportedException("enum of objects or arrays"),
                            };
                            node.Enum.Add(key);
                            node.EnumDisplay.Add(display);
                        }

                        break;
                    case "pattern":
                        string pattern = v.GetString()!;
                        if (pattern.Length > 0)
                        {
                            node.PatternText = pattern;
                            node.Pattern = SchemaPatterns.For(pattern);
                        }

                        break;
                    case "minLength":
                        int minLength = v.GetInt32();
                        node.MinLength = minLength > 0 ? minLength : null;
                        break;
                    case "maxLength":
                        node.MaxLength = v.GetInt32();
                        break;
                    case "format":
                        string format = v.GetString()!;
                        node.Format = format.Length == 0 ? null : format;
                        break;
                    case "minimum":
                        node.Minimum = v.GetDouble();
                        break;
                    case "maximum":
                        node.Maximum = v.GetDouble();
                        break;
                    case "exclusiveMinimum":
                        if (v.ValueKind == JsonValueKind.Number)
                        {
                            exclusiveMinimum = v;
                        }
                        else
                        {
                            exclusiveMinimumFlag = v.GetBoolean();
                        }

                        break;
                    case "exclusiveMaximum":
                        if (v.ValueKind == JsonValueKind.Number)
                        {
                            exclusiveMaximum = v;
                        }
                        else
                        {
                            exclusiveMaximumFlag = v.GetBoolean();
                        }

                        break;
                    case "properties":
                        node.Properties = new Dictionary<string, Node>(StringComparer.Ordinal);
                        foreach (var prop in v.EnumerateObject())
                        {
                            node.Properties[prop.Name] = Compile(prop.Value, at + "/" + prop.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
                        }

                        break;
                    case "patternProperties":
                        node.PatternProperties = [];
                        foreach (var prop in v.EnumerateObject())
                        {
                            node.PatternProperties.Add((SchemaPatterns.For(prop.Name), Compile(prop.Value, at + "/" + prop.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal))));
                        }

                        break;
                    case "required":
                        node.Required = [.. v.EnumerateArray().Select(r => r.GetString()!).Distinct(StringComparer.Ordinal)];
                        break;
                    case "additionalProperties":
                        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        {
                            node.AllowAdditional = v.ValueKind == JsonValueKind.True;
                        }
                        else
                        {
                            node.AdditionalProperties = Compile(v, at);
                        }

                        break;
                    case "minProperties":
                        node.MinProperties = v.GetInt32();
                        break;
                    case "maxProperties":
                        int maxProperties = v.GetInt32();
                        node.MaxProperties = maxProperties > 0 ? maxProperties : null;
                        break;
                    case "items":
                        node.Items = v.ValueKind == JsonValueKind.Object ? Compile(v, at) : throw new NotSupportedException("tuple or boolean items");
                        break;
                    case "minItems":
                        node.MinItems = v.GetInt32();
                        break;
                    case "maxItems":
                        int maxItems = v.GetInt32();
                        node.MaxItems = maxItems > 0 ? maxItems : null;
                        break;
                    case "uniqueItems":
                        node.UniqueItems = v.GetBoolean();
                        break;
                    case "allOf":
                        node.AllOf = [.. v.EnumerateArray().Select((sub, i) => Compile(sub, at + "/" + i.ToString(CultureInfo.InvariantCulture)))];
                        break;
                    case "anyOf":
                        node.AnyOf = [.. v.EnumerateArray().Select((sub, i) => Compile(sub, at + "/" + i.ToString(CultureInfo.InvariantCulture)))];
                        break;
                    case "oneOf":
                        node.OneOf = [.. v.EnumerateArray().Select((sub, i) => Compile(sub, at + "/" + i.ToString(CultureInfo.InvariantCulture)))];
                        break;
                    case "not":
                        node.Not = Compile(v, at);
                        break;
                    case "$id" or "id" when pointer == "#":
                        break;
                    default:
                        if (!Annotations.Contains(p.Name))
                        {
                            throw new NotSupportedException($"keyword '{p.Name}'");
                        }

                        break;
                }
            }

            // As NJsonSchema reads them: draft-6 numeric exclusive bounds stand in for a missing minimum/maximum.
            node.Minimum ??= exclusiveMinimum?.GetDouble();
            node.ExclusiveMinimum = exclusiveMinimumFlag || exclusiveMinimum is not null;
            node.Maximum ??= exclusiveMaximum?.GetDouble();
            node.ExclusiveMaximum = exclusiveMaximumFlag || exclusiveMaximum is not null;
            return node;
        }

        private static Kinds KindOf(JsonElement type) => type.GetString() switch
        {
            "array" => Kinds.Array,
            "boolean" => Kinds.Boolean,
            "integer" => Kinds.Integer,
            "null" => Kinds.Null,
            "number" => Kinds.Number,
            "object" => Kinds.Object,
            "string" => Kinds.String,
            _ => throw new NotSupportedException("type"),
        };

        /// <summary>Resolves a local JSON pointer (<c>#/definitions/x</c>) in the document.</summary>
        private JsonElement Resolve(string pointer)
        {
            if (pointer == "#")
            {
                return document;
            }

            if (!pointer.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new NotSupportedException("non-local $ref");
            }

            var at = document;
            foreach (var raw in pointer[2..].Split('/'))
            {
                string name = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                at = at.ValueKind == JsonValueKind.Object && at.TryGetProperty(name, out var next) ? next
                    : at.ValueKind == JsonValueKind.Array && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < at.GetArrayLength() ? at[i]
                    : throw new NotSupportedException("unresolvable $ref");
            }

            return at;
        }
    }
}
