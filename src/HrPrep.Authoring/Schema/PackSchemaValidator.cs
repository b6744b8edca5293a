using System.Globalization;
using HrPrep.Content;
using HrPrep.Packs.Yaml;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HrPrep.Authoring.Schema;

/// <summary>
/// Validates YAML documents against a JSON Schema with NJsonSchema and maps every error back to the
/// <c>file:line:col</c> of the YAML node it concerns. Diagnostics use code <see cref="Code"/>.
/// The binder of HrPrep.Packs (<c>PackFileBinder</c>) decides whether a pack is valid; this class
/// serves <c>lint --schema CUSTOM</c> (a user's own schema) and, with the shipped schema, the test
/// that keeps that schema (used by editors) in agreement with the binder.
/// </summary>
public sealed class PackSchemaValidator
{
    /// <summary>The code of schema findings.</summary>
    public const string Code = AuthoringDiagnosticCodes.Schema;

    /// <summary>The embedded resource name of the shipped schema.</summary>
    public const string SchemaResource = "schema/question-pack.schema.json";

    private static readonly Lazy<PackSchemaValidator> Shipped = new(() => new PackSchemaValidator(LoadShippedSchemaText()));
    private readonly JsonSchema schema;

    /// <summary>Creates a validator from schema JSON text.</summary>
    /// <param name="schemaJson">The schema text.</param>
    /// <exception cref="ArgumentException">The text is not a readable JSON Schema.</exception>
    public PackSchemaValidator(string schemaJson)
        : this(schemaJson, null)
    {
    }

    /// <summary>Creates a validator from schema JSON text read from a file.</summary>
    /// <param name="schemaJson">The schema text.</param>
    /// <param name="documentPath">The schema file's path, used to resolve relative <c>$ref</c>s; null for none.</param>
    /// <exception cref="ArgumentException">The text is not a readable JSON Schema.</exception>
    public PackSchemaValidator(string schemaJson, string? documentPath)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        try
        {
            schema = documentPath is null
                ? JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult()
                : JsonSchema.FromJsonAsync(schemaJson, documentPath).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ArgumentException($"the schema cannot be read: {HrPrep.Packs.DiagnosticText.OneLine(ex.Message)}", nameof(schemaJson), ex);
        }
    }

    /// <summary>The validator for the schema shipped with this library.</summary>
    public static PackSchemaValidator Default => Shipped.Value;

    /// <summary>The text of the shipped schema.</summary>
    public static string LoadShippedSchemaText()
    {
        using var stream = typeof(PackSchemaValidator).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The resource {SchemaResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Validates one parsed YAML document; returns located errors in position order.</summary>
    /// <param name="root">The document's root node.</param>
    public IReadOnlyList<Diagnostic> Validate(YamlNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var lists = new Dictionary<string, (YamlSequence Node, JArray Token)>(StringComparer.Ordinal);
        var token = ToToken(root, "#", locations, lists);
        var errors = schema.Validate(token);
        var result = new List<Diagnostic>();
        foreach (var error in Flatten(errors))
        {
            // A missing property is reported where its mapping starts (as the binder does), not at
            // the key that holds the mapping; any other error at the value's key.
            // A repeated item is reported at its second occurrence (as the binder does).
            var at = error.Kind switch
            {
                ValidationErrorKind.PropertyRequired => LocateNode(error.Path, error.Property, locations, root.Start),
                ValidationErrorKind.ItemsNotUnique when error.Path is { } listPath && lists.TryGetValue(listPath, out var list) && FirstRepeat(list.Token) is int i => list.Node.Items[i].Start,
                _ => Locate(error.Path, locations, root.Start),
            };
            result.Add(Diagnostic.Error(at, AuthoringDiagnosticCodes.Schema, Describe(error)));
        }

        result.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column != b.Column ? a.Column.CompareTo(b.Column) : string.CompareOrdinal(a.Message, b.Message));
        return result.Distinct().ToList();
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Describe(ValidationError error)
    {
        string where = string.IsNullOrEmpty(error.Property) ? string.Empty : $" '{error.Property}'";
        string name = string.IsNullOrEmpty(error.Property) ? "the value" : $"'{error.Property}'";
        var s = error.Schema?.ActualSchema;
        return error.Kind switch
        {
            ValidationErrorKind.StringTooLong when s?.MaxLength is { } max => string.Create(CultureInfo.InvariantCulture, $"{name} must be at most {max} characters long"),
            ValidationErrorKind.StringTooShort when s?.MinLength is { } min => min == 1 ? $"{name} must not be empty" : string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {min} characters long"),
            ValidationErrorKind.TooFewItems when s?.MinItems is { } minItems => minItems == 1 ? $"{name} must not be empty" : string.Create(CultureInfo.InvariantCulture, $"{name} must have at least {minItems} items"),
            ValidationErrorKind.TooManyItems when s?.MaxItems is { } maxItems => string.Create(CultureInfo.InvariantCulture, $"{name} must have at most {maxItems} items"),
            ValidationErrorKind.ItemsNotUnique => $"{name} lists a value twice; items must be unique",
            ValidationErrorKind.PatternMismatch when s?.Pattern is { } pattern => $"value of{where} does not match the pattern {pattern}",
            ValidationErrorKind.PropertyRequired => $"required property{where} is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"property{where} is not allowed here",
            ValidationErrorKind.NotInEnumeration => $"value of{where} is not one of the allowed values",
            ValidationErrorKind.PatternMismatch => $"value of{where} does not match the required pattern",
            ValidationErrorKind.StringExpected => $"{where.Trim()} must be a string".Trim(),
            ValidationErrorKind.ArrayExpected => $"{where.Trim()} must be an array".Trim(),
            ValidationErrorKind.ObjectExpected => $"{where.Trim()} must be an object".Trim(),
            _ => $"{SplitWords(error.Kind.ToString())}{where}",
        };
    }

    private static string SplitWords(string name)
    {
        var chars = new List<char>(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                chars.Add(' ');
            }

            chars.Add(char.ToLowerInvariant(name[i]));
        }

        return new string([.. chars]);
    }

    private static int? FirstRepeat(JArray items)
    {
        for (int i = 1; i < items.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (JToken.DeepEquals(items[i], items[j]))
                {
                    return i;
                }
            }
        }

        return null;
    }

    private static SourceLocation LocateNode(string? path, string? property, Dictionary<string, SourceLocation> locations, SourceLocation fallback)
    {
        string p = string.IsNullOrEmpty(path) ? "#" : path;
        if (!string.IsNullOrEmpty(property) && p.EndsWith("." + property, StringComparison.Ordinal))
        {
            p = p[..^(property.Length + 1)];
        }
        else if (!string.IsNullOrEmpty(property) && p.EndsWith("/" + property, StringComparison.Ordinal))
        {
            p = p[..^(property.Length + 1)];
            p = p.Length == 0 || p == "#" ? "#" : p;
        }

        return locations.TryGetValue(p + "#node", out var at) ? at : Locate(p, locations, fallback);
    }

    private static SourceLocation Locate(string? path, Dictionary<string, SourceLocation> locations, SourceLocation fallback)
    {
        string p = string.IsNullOrEmpty(path) ? "#" : path;
        while (true)
        {
            if (locations.TryGetValue(p, out var at))
            {
                return at;
            }

            int cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0)
            {
                return fallback;
            }

            p = p[..cut];
        }
    }

    private static JToken ToToken(YamlNode node, string path, Dictionary<string, SourceLocation> locations, Dictionary<string, (YamlSequence, JArray)> lists)
    {
        locations[path] = node.Start;
        locations[path + "#node"] = node.Start;
        switch (node)
        {
            case YamlMapping map:
                var obj = new JObject();
                foreach (var (key, value) in map.Entries)
                {
                    string childPath = path == "#" ? $"#/{key.Value}" : $"{path}.{key.Value}";
                    locations.TryAdd(childPath + "#key", key.Start);
                    obj[key.Value] = ToToken(value, childPath, locations, lists);
                    locations[childPath] = key.Start;
                }

                return obj;
            case YamlSequence seq:
                var array = new JArray();
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    array.Add(ToToken(seq.Items[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), locations, lists));
                }

                lists[path] = (seq, array);

                return array;
            case YamlScalar scalar:
                return scalar.Kind switch
                {
                    ScalarKind.Null => JValue.CreateNull(),
                    ScalarKind.Bool => new JValue(scalar.Value is "true" or "True" or "TRUE"),
                    ScalarKind.Int when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) => new JValue(l),
                    ScalarKind.Int or ScalarKind.Float when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => new JValue(d),
                    ScalarKind.Int or ScalarKind.Float => new JValue(0.0),
                    _ => new JValue(scalar.Value),
                };
            default:
                throw new InvalidOperationException("unknown node");
        }
    }
}
