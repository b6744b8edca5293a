using System.Text.RegularExpressions;

namespace HrPrep.Packs.Yaml;

/// <summary>
/// Types plain (unquoted) scalars by the YAML 1.2 core schema, as the reader does (so <c>no</c>,
/// <c>on</c> and dates stay strings). A writer quotes a string whose plain form would not read back as a string.
/// </summary>
public static partial class ScalarTyping
{
    /// <summary>The kind the reader gives <paramref name="value"/> written as a plain scalar.</summary>
    /// <param name="value">The scalar's text.</param>
    public static ScalarKind Classify(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return ScalarKind.Null;
        }

        switch (value)
        {
            case "~" or "null" or "Null" or "NULL":
                return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ScalarKind.Bool;
        }

        char c = value[0];
        if (!(char.IsAsciiDigit(c) || c is '-' or '+' or '.' || (c == '0' && value.Length > 1)))
        {
            return ScalarKind.String;
        }

        if (IntPattern().IsMatch(value))
        {
            return ScalarKind.Int;
        }

        return FloatPattern().IsMatch(value) ? ScalarKind.Float : ScalarKind.String;
    }

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
