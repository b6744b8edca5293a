using System.Text.RegularExpressions;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>
/// HP704: a <c>sources</c> entry that is a list of interview questions. Heuristic: the URL (host,
/// path and query, percent-decoded) or the title contains "interview question(s)", with the words
/// joined by nothing, spaces, hyphens, underscores, plus signs or dots, in any case
/// ("interview-questions", "InterviewQuestions", "Interview Questions").
/// </summary>
public sealed partial class SourceIsQuestionListRule() : LintRule(RuleDescriptors.SourceIsQuestionList)
{
    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        if (question.Node.Get("sources") is not YamlSequence sources)
        {
            return;
        }

        foreach (var item in sources.Items)
        {
            if (item is not YamlMapping source)
            {
                continue;
            }

            var url = source.Get("url") as YamlScalar;
            var title = source.Get("title") as YamlScalar;
            if (url is { Kind: ScalarKind.String } && Signal(UrlText(url.Value)) is { } inUrl)
            {
                context.Report(url, $"this source's URL looks like a list of interview questions ('{inUrl}'); such pages are not evidence: cite the law, the regulator or research, and credit a prompt's origin in 'attribution'");
            }
            else if (title is { Kind: ScalarKind.String } && Signal(title.Value) is { } inTitle)
            {
                context.Report(title, $"this source's title looks like a list of interview questions ('{inTitle}'); such pages are not evidence: cite the law, the regulator or research, and credit a prompt's origin in 'attribution'");
            }
        }
    }

    /// <summary>True when a URL or title looks like a list of interview questions (the documented heuristic).</summary>
    public static bool LooksLikeQuestionList(string? url, string? title) =>
        (url is not null && Signal(UrlText(url)) is not null) || (title is not null && Signal(title) is not null);

    private static string? Signal(string text) => QuestionList().Match(text) is { Success: true } m ? m.Value : null;

    /// <summary>The host, path and query of a URL, percent-decoded (the fragment is ignored); the text itself when it is not a URL.</summary>
    private static string UrlText(string url)
    {
        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return uri.Host + Uri.UnescapeDataString(uri.AbsolutePath) + Uri.UnescapeDataString(uri.Query);
        }

        return url;
    }

    [GeneratedRegex(@"interview[\s\-_+.]*questions?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionList();
}
