using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HrPrep.Packs;

namespace HrPrep.Authoring.Lint.Schema;

/// <summary>
/// Regexes for schema <c>pattern</c>s. The patterns of the shipped schema are source-generated
/// (no construction cost, the fastest matching; a test keeps this list equal to the schema's
/// patterns); those the library's binder checks with the very same expression reuse its regexes. Any other pattern (a user's schema) is built once per process: non-backtracking when
/// the pattern allows it (linear time, so untrusted text cannot make it slow), otherwise the
/// backtracking engine with a 2-second timeout.
/// </summary>
internal static partial class SchemaPatterns
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>The patterns with a source-generated regex (those of the shipped schema).</summary>
    internal static IReadOnlyDictionary<string, Regex> Generated { get; } = new Dictionary<string, Regex>(StringComparer.Ordinal)
    {
        [@"\S"] = NonBlank(),
        [@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$"] = Patterns.SemVer(),
        [@"^(global|[A-Z]{2}(-[A-Z0-9]{1,3})?)$"] = Patterns.Jurisdiction(),
        [@"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"] = Patterns.Date(),
        [@"^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$"] = Patterns.License(),
        [@"^[a-z0-9]+(-[a-z0-9]+)*$"] = Tag(),
        [@"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"] = Id(),
        [@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"] = Patterns.Language(),
        [@"^https?://"] = HttpUrl(),
        [@"^https://\S+$"] = Patterns.HttpsUrl(),
        [@"^(HP[0-9]{3}|[a-z]+(-[a-z]+)*)$"] = RuleName(),
    };

    /// <summary>The regex for a schema pattern.</summary>
    public static Regex For(string pattern) =>
        Generated.TryGetValue(pattern, out var generated) ? generated : Cache.GetOrAdd(pattern, Build);

    private static Regex Build(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
    }

    [GeneratedRegex(@"\S", RegexOptions.CultureInvariant)]
    private static partial Regex NonBlank();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    [GeneratedRegex(@"^https?://", RegexOptions.CultureInvariant)]
    private static partial Regex HttpUrl();

    [GeneratedRegex(@"^(HP[0-9]{3}|[a-z]+(-[a-z]+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleName();
}
