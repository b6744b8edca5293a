using System.Text.RegularExpressions;

namespace HrPrep.Content.Loading;

/// <summary>The value formats of the pack schema (kept equal to <c>schema/question-pack.schema.json</c>).</summary>
internal static partial class Patterns
{
    public const string IdHint = "use lower-case letters, digits and single hyphens, starting with a letter, at most 64 characters";
    public const string VersionHint = "use a semantic version such as 1.0.0";
    public const string TagHint = "use lower-case letters and digits joined by single hyphens, at most 40 characters";
    public const string LanguageHint = "use a BCP 47 tag such as en or en-GB";
    public const string LicenseHint = "use an SPDX licence expression such as CC-BY-4.0";
    public const string JurisdictionHint = "use global or a region code such as US, UK, EU or US-CA";
    public const string DateHint = "use a date as YYYY-MM-DD";
    public const string UrlHint = "use an absolute http(s) URL";
    public const string HttpsUrlHint = "use an absolute https URL";

    [GeneratedRegex(@"^(?=.{1,64}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex Id();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    public static partial Regex SemVer();

    [GeneratedRegex(@"^(?=.{1,40}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex Tag();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    public static partial Regex Language();

    [GeneratedRegex(@"^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex License();

    [GeneratedRegex(@"^(global|[A-Z]{2}(-[A-Z0-9]{1,3})?)$", RegexOptions.CultureInvariant)]
    public static partial Regex Jurisdiction();

    [GeneratedRegex(@"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", RegexOptions.CultureInvariant)]
    public static partial Regex Date();

    [GeneratedRegex(@"^https?://\S+$", RegexOptions.CultureInvariant)]
    public static partial Regex Url();

    [GeneratedRegex(@"^https://\S+$", RegexOptions.CultureInvariant)]
    public static partial Regex HttpsUrl();
}
