using System.Globalization;
using HrPrep.Content;
using HrPrep.Packs.Yaml;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HrPrep.Authoring.Schema;

/// <summary>
/// Validates pack files against the question-pack JSON Schema (NJsonSchema) and maps every error
/// back to the <c>file:line:col</c> of the YAML node it concerns. Diagnostics use code <c>SCHEMA</c>.
/// </summary>
public sealed class PackSchemaValidator
{
    /// <summary>The embedded resource name of the shipped schema.</summary>
    public const string SchemaResource = "schema/question-pack.schema.json";

    private static readonly Lazy<PackSchemaValidator> Shipped = new(() => new PackSchemaValidator(LoadShippedSchemaText()));
    private readonly JsonSchema schema;

    /// <summary>Creates a validator from schema JSON text.</summary>
    /// <exception cref="ArgumentException">The text is not a readable JSON Schema.</exception>
    public PackSchemaValidator(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        try
        {
            schema = JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new ArgumentException($"the schema cannot be read: {ex.Message}", nameof(schemaJson), ex);
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
    public IReadOnlyList<Diagnostic> Validate(YamlNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var token = ToToken(root, "#", locations);
        var errors = schema.Validate(token);
        var result = new List<Diagnostic>();
        foreach (var error in Flatten(errors))
        {
            var at = Locate(error.Path, locations, root.Start);
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
        return error.Kind switch
        {
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

    private static JToken ToToken(YamlNode node, string path, Dictionary<string, SourceLocation> locations)
    {
        locations[path] = node.Start;
        switch (node)
        {
            case YamlMapping map:
                var obj = new JObject();
                foreach (var (key, value) in map.Entries)
                {
                    string childPath = path == "#" ? $"#/{key.Value}" : $"{path}.{key.Value}";
                    locations.TryAdd(childPath + "#key", key.Start);
                    obj[key.Value] = ToToken(value, childPath, locations);
                    locations[childPath] = key.Start;
                }

                return obj;
            case YamlSequence seq:
                var array = new JArray();
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    array.Add(ToToken(seq.Items[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), locations));
                }

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
