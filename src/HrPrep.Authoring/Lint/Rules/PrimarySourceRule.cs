using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>
/// HP702: a question whose <c>jurisdiction</c> is not <c>global</c> cites no primary source: no
/// <c>sources</c> URL whose host is one of the primary domains or a subdomain of one.
/// </summary>
public sealed partial class PrimarySourceRule() : LintRule(RuleDescriptors.PrimarySource)
{
    /// <summary>The default primary domains: legislation, official gazettes and regulators' own sites.</summary>
    public static ImmutableArray<string> DefaultDomains { get; } =
    [
        "legislation.gov.uk", "gov.uk", "acas.org.uk", "ico.org.uk",
        "ecfr.gov", "govinfo.gov", "uscode.house.gov", "congress.gov", "federalregister.gov", "supremecourt.gov",
        "eeoc.gov", "dol.gov", "nlrb.gov", "opm.gov",
        "eur-lex.europa.eu", "curia.europa.eu", "edpb.europa.eu", "europa.eu",
        "gesetze-im-internet.de", "wetten.overheid.nl",
        "leg.colorado.gov", "ilga.gov", "nyc.gov", "rules.cityofnewyork.us", "legislature.mt.gov", "leg.mt.gov",
    ];

    /// <inheritdoc />
    public override ImmutableSortedDictionary<string, ImmutableArray<string>> DefaultListOptions { get; } =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, ImmutableArray<string>>("domains", DefaultDomains), new KeyValuePair<string, ImmutableArray<string>>("extraDomains", [])]);

    /// <inheritdoc />
    public override string? ValidateListItem(string option, string item) =>
        item is not null && DomainName().IsMatch(item) ? null : "use a bare domain name such as legislation.gov.uk (no scheme, path, port or wildcard)";

    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Text("jurisdiction") is not { } jurisdiction || string.Equals(jurisdiction.Value, "global", StringComparison.Ordinal))
        {
            return;
        }

        var domains = context.ListOption("domains").AddRange(context.ListOption("extraDomains"));
        var cited = new List<string>();
        var sourcesNode = question.Node.Get("sources");
        if (sourcesNode is YamlSequence sources)
        {
            foreach (var item in sources.Items)
            {
                if (item is YamlMapping source && source.Get("url") is YamlScalar { Kind: ScalarKind.String } url && HostOf(url.Value) is { } host)
                {
                    if (IsPrimary(host, domains))
                    {
                        return;
                    }

                    cited.Add(host);
                }
            }
        }

        string hosts = cited.Count == 0 ? "no source URL" : "cited hosts: " + string.Join(", ", cited.Distinct(StringComparer.Ordinal));
        context.Report(
            sourcesNode ?? (YamlNode)jurisdiction,
            $"jurisdiction '{jurisdiction.Value}' but no primary source ({hosts}); cite the statute, regulation or the regulator's own guidance (see 'dotnet hrprep lint --explain {Code}' for the domains)");
    }

    /// <summary>The lower-case host of an absolute http(s) URL (IDN as punycode, no trailing dot), or null.</summary>
    public static string? HostOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        string host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        return host.Length == 0 ? null : host;
    }

    /// <summary>True when a host is one of the domains or a subdomain of one (whole labels, case-insensitive).</summary>
    public static bool IsPrimary(string host, IEnumerable<string> domains)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(domains);
        string h = host.TrimEnd('.').ToLowerInvariant();
        foreach (var domain in domains)
        {
            string d = domain.Trim().TrimEnd('.').ToLowerInvariant();
            if (d.Length == 0)
            {
                continue;
            }

            if (string.Equals(h, d, StringComparison.Ordinal)
                || (h.Length > d.Length && h.EndsWith(d, StringComparison.Ordinal) && h[h.Length - d.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();
}
