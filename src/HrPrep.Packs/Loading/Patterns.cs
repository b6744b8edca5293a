using System.Text.RegularExpressions;

namespace HrPrep.Packs;

/// <summary>
/// The value formats of the pack format: the one place the regular expressions live (the binder,
/// lint, import and the scaffold use these; a test keeps them equal to the <c>pattern</c>s of
/// <c>schema/question-pack.schema.json</c>). Each hint is the advice a message gives for a bad value.
/// </summary>
public static partial class Patterns
{
    /// <summary>How to write an id (pack, category, question, related and retired ids).</summary>
    public const string IdHint = "use lower-case letters, digits and single hyphens, starting with a letter, at most 64 characters";
    /// <summary>How to write a pack version.</summary>
    public const string VersionHint = "use a semantic version such as 1.0.0";
    /// <summary>How to write a tag.</summary>
    public const string TagHint = "use lower-case letters and digits joined by single hyphens, at most 40 characters";
    /// <summary>How to write a language tag.</summary>
    public const string LanguageHint = "use a BCP 47 tag such as en or en-GB";
    /// <summary>How to write a licence expression.</summary>
    public const string LicenseHint = "use an SPDX licence expression such as CC-BY-4.0";
    /// <summary>How to write a jurisdiction.</summary>
    public const string JurisdictionHint = "use global or a region code such as US, UK, EU or US-CA";
    /// <summary>How to write a date (<c>lastVerified</c>, <c>reviewBy</c>).</summary>
    public const string DateHint = "use a date as YYYY-MM-DD";
    /// <summary>How to write a URL (homepage, sources).</summary>
    public const string UrlHint = "use an absolute http(s) URL";
    /// <summary>How to write an attribution URL.</summary>
    public const string HttpsUrlHint = "use an absolute https URL";

    /// <summary>Ids: lower-case letters, digits and single hyphens, starting with a letter, 1 to 64 characters.</summary>
    [GeneratedRegex(@"^(?=.{1,64}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex Id();

    /// <summary>A semantic version (SemVer 2.0.0), pre-release and build metadata allowed.</summary>
    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    public static partial Regex SemVer();

    /// <summary>Tags: lower-case letters and digits joined by single hyphens, 1 to 40 characters.</summary>
    [GeneratedRegex(@"^(?=.{1,40}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex Tag();

    /// <summary>A BCP 47 language tag such as <c>en</c> or <c>en-GB</c>.</summary>
    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    public static partial Regex Language();

    /// <summary>An SPDX licence expression of ids joined by AND, OR or WITH.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex License();

    /// <summary><c>global</c> or an upper-case region code such as <c>US</c>, <c>EU</c> or <c>US-CA</c>.</summary>
    [GeneratedRegex(@"^(global|[A-Z]{2}(-[A-Z0-9]{1,3})?)$", RegexOptions.CultureInvariant)]
    public static partial Regex Jurisdiction();

    /// <summary>A date written <c>YYYY-MM-DD</c> (the binder also checks that it is a real calendar date).</summary>
    [GeneratedRegex(@"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", RegexOptions.CultureInvariant)]
    public static partial Regex Date();

    /// <summary>An absolute http or https URL without white space.</summary>
    [GeneratedRegex(@"^https?://\S+$", RegexOptions.CultureInvariant)]
    public static partial Regex Url();

    /// <summary>An absolute https URL without white space.</summary>
    [GeneratedRegex(@"^https://\S+$", RegexOptions.CultureInvariant)]
    public static partial Regex HttpsUrl();
}
