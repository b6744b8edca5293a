using System.Text.RegularExpressions;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>
/// HP401: a prompt or follow-up that asks the candidate about a protected characteristic (age,
/// family plans, pregnancy, marital status, religion, nationality, race, disability, health,
/// sexual orientation...). Only second-person questions about the candidate are reported: a
/// question about handling an employee's disability or pregnancy as an HR case is legitimate.
/// </summary>
public sealed partial class ProtectedCharacteristicRule() : LintRule(RuleDescriptors.ProtectedCharacteristic)
{
    private static readonly (string Group, string Characteristic)[] Characteristics =
    [
        ("age", "age"),
        ("family", "family plans"),
        ("pregnancy", "pregnancy"),
        ("marital", "marital status"),
        ("religion", "religion"),
        ("nationality", "nationality or national origin"),
        ("race", "race or ethnicity"),
        ("health", "disability or health"),
        ("orientation", "sexual orientation or gender identity"),
        ("politics", "political or union membership"),
    ];

    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Prompt is { } prompt)
        {
            Check(prompt, "prompt", context);
        }

        foreach (var f in QuestionNode.TextItems(question.Node.Get("followUps")))
        {
            Check(f, "follow-up", context);
        }
    }

    /// <summary>The characteristic a text asks the candidate about, with the words that ask, or null.</summary>
    public static (string Characteristic, string Words)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ContainsYou(text))
        {
            return null;
        }

        if (!Trigger().IsMatch(text))
        {
            return null;
        }

        var m = Asks().Match(text);
        if (!m.Success)
        {
            return null;
        }

        foreach (var (group, characteristic) in Characteristics)
        {
            if (m.Groups[group].Success)
            {
                return (characteristic, m.Value);
            }
        }

        return null;
    }

    /// <summary>True when the text contains "you" in any case (every pattern needs it); a plain scan, as OrdinalIgnoreCase search is slow under invariant globalization.</summary>
    private static bool ContainsYou(string text)
    {
        var span = text.AsSpan();
        int i;
        while ((i = span.IndexOfAny('y', 'Y')) >= 0)
        {
            if (i + 2 < span.Length && (span[i + 1] | 0x20) == 'o' && (span[i + 2] | 0x20) == 'u')
            {
                return true;
            }

            span = span[(i + 1)..];
        }

        return false;
    }

    private static void Check(YamlScalar text, string what, RuleContext context)
    {
        if (Find(text.Value) is { } hit)
        {
            context.Report(text, $"the {what} asks the candidate about {hit.Characteristic} ('{hit.Words}'); do not ask about protected characteristics");
        }
    }

    /// <summary>One cheap pass: the second-person words every pattern needs.</summary>
    [GeneratedRegex(@"\b(your|are you|do you|did you|will you|have you|were you|old are|you\b[^.?!]*\b(plan|planning|intend|intending|want|hoping|hope|get|become|getting|becoming)\b|look after|vote|where is your)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trigger();

    [GeneratedRegex(@"(?<age>\bhow old are you\b|\byour (age|date of birth|birth ?date|year of birth)\b|\b(what year|when) were you born\b|\bwhen did you (graduate|finish) (from )?(high |secondary )?school\b|\bare you (too )?(young|old)\b)|(?<family>\b(do|did|will) you (have|want|plan to have|intend to have|plan on having) (any )?(children|kids|a family|a baby|dependants|dependents)\b|\byou\b[^.?!]*\b(plan|planning|intend|intending|want|hoping|hope) to (have|start) (a family|children|kids|a baby)\b|\byour (children|kids|childcare|family plans|plans for (a )?family)\b|\bwho (will )?looks? after your\b)|(?<pregnancy>\bare you (pregnant|expecting)\b|\byou\b[^.?!]*\b(get|become|getting|becoming) pregnant\b|\byour pregnancy\b)|(?<marital>\bare you (married|single|divorced|engaged|widowed|in a relationship)\b|\byour (marital|spouse|husband|wife|boyfriend|girlfriend|maiden name|partner's)\b|\bdo you have a (partner|spouse|husband|wife)\b)|(?<religion>\byour (religion|religious|faith|church|mosque|synagogue|temple)\b|\bare you (religious|christian|catholic|muslim|jewish|hindu|sikh|buddhist|atheist)\b|\b(what|which) (religious )?holidays do you (observe|celebrate)\b|\bdo you (go to church|pray|attend (church|mosque|synagogue|temple|religious services))\b)|(?<nationality>\byour (nationality|national origin|citizenship|country of origin|native (language|tongue|country)|mother tongue|first language|accent|immigration)\b|\bwhere (are|were) you (born|from originally|really from)\b|\bwhere are you from\b|\bwhere is your family from\b|\bare you an? (\w+ )?(citizen|immigrant|native)\b)|(?<race>\byour (race|racial|ethnicity|ethnic|skin colou?r|heritage)\b)|(?<health>\byour (disabilit\w*|health|medical|medication|illness|sick (days|leave|record)|mental health|genetic)\b|\bare you disabled\b|\bdo you (have|suffer from) (any )?(disabilit\w*|health (problems|issues|conditions)|medical conditions|(a )?(chronic|mental) (illness|condition))\b|\bhave you (ever )?(been|had) (sick|ill|hospitali[sz]ed|treated for|a (disability|medical|mental health))\b|\bdo you take (any )?(medication|drugs)\b)|(?<orientation>\byour (sexual|sexuality|orientation|gender identity)\b|\bare you (gay|straight|lesbian|bisexual|transgender|trans|queer)\b)|(?<politics>\byour (political|politics|union membership)\b|\bhow do you vote\b|\bare you (in )?a (union member|member of a union)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Asks();
}
