using System.Net;
using System.Text;
using HrPrep.Content;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HrPrep.Authoring.Export;

/// <summary>
/// Turns question text into HTML that cannot carry markup or script: plain text is escaped;
/// Markdown is rendered by Markdig with raw HTML disabled (HTML in the source shows as text), links
/// are kept only for <c>http</c>, <c>https</c> and <c>mailto</c>, and images become plain links so
/// nothing is fetched.
/// </summary>
public static class SafeHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly MarkdownPipeline RawPipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>Escapes text for HTML element content and attribute values (<c>&amp; &lt; &gt; " '</c>).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny(EscapeChars) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Escapes plain text and turns line breaks into <c>&lt;br&gt;</c>.</summary>
    public static string EscapeLines(string? text) =>
        Escape(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>Renders Markdown to safe HTML (block level, trailing newline trimmed).</summary>
    public static string Markdown(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        if (IsPlainLine(markdown))
        {
            return "<p>" + markdown + "</p>";
        }

        if (PlainParagraphs(markdown) is { } paragraphs)
        {
            return paragraphs;
        }

        MarkdownDocument document = Markdig.Markdown.Parse(markdown, Pipeline);
        if (markdown.AsSpan().IndexOfAny('[', '<') < 0)
        {
            // No link or autolink can exist without '[' or '<': nothing to make safe.
            return Markdig.Markdown.ToHtml(document, Pipeline).TrimEnd('\n');
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline("<" + autolink.Url + ">"));
            }
        }

        return Markdig.Markdown.ToHtml(document, Pipeline).TrimEnd('\n');
    }

    /// <summary>
    /// Keeps Markdown as Markdown but makes it safe to render: raw HTML (inline and block) and
    /// autolinks with unsafe schemes become text (their <c>&lt;</c> is escaped as <c>&amp;lt;</c>),
    /// and links, images and link reference definitions whose destination is not <c>http</c>,
    /// <c>https</c>, <c>mailto</c> or a fragment (<c>javascript:</c>, <c>data:</c>, <c>file:</c>…)
    /// point to <c>#</c> instead; for Markdown output.
    /// </summary>
    public static string NeutraliseRawHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.AsSpan().IndexOfAny('<', '[') < 0)
        {
            // Neither raw HTML, autolinks nor links are possible.
            return markdown;
        }

        var document = Markdig.Markdown.Parse(markdown, RawPipeline);
        var edits = new SortedDictionary<int, (int Length, string Text)>();
        void ReplaceUrl(SourceSpan span, string? url)
        {
            if (!string.IsNullOrWhiteSpace(url) && !IsSafeUrl(url) && !span.IsEmpty && span.End < markdown.Length)
            {
                edits[span.Start] = (span.Length, "#");
            }
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlInline or HtmlBlock:
                case AutolinkInline { IsEmail: false } a when !IsSafeUrl(a.Url):
                    for (int i = node.Span.Start; i <= node.Span.End && i < markdown.Length; i++)
                    {
                        if (markdown[i] == '<')
                        {
                            edits[i] = (1, "&lt;");
                        }
                    }

                    break;
                case LinkInline { Reference: null } link:
                    ReplaceUrl(link.UrlSpan, link.Url);
                    break;
                case LinkReferenceDefinition definition:
                    ReplaceUrl(definition.UrlSpan, definition.Url);
                    break;
            }
        }

        if (edits.Count == 0)
        {
            return markdown;
        }

        var sb = new StringBuilder(markdown.Length + (edits.Count * 3));
        int at = 0;
        foreach (var (start, (length, text)) in edits)
        {
            if (start < at)
            {
                continue;
            }

            sb.Append(markdown, at, start - at).Append(text);
            at = start + length;
        }

        return sb.Append(markdown, at, markdown.Length - at).ToString();
    }

    /// <summary>Renders one short Markdown line (a list item) to safe inline HTML, without the surrounding paragraph.</summary>
    public static string InlineMarkdown(string? markdown)
    {
        string html = Markdown(markdown);
        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) &&
            html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0)
        {
            return html[3..^4];
        }

        return html;
    }

    /// <summary>An unordered list of Markdown items, or an empty string for no items.</summary>
    public static string List(IEnumerable<string> items)
    {
        var sb = new StringBuilder();
        foreach (var item in items)
        {
            sb.Append("<li>").Append(InlineMarkdown(item)).Append("</li>");
        }

        return sb.Length == 0 ? string.Empty : "<ul>" + sb + "</ul>";
    }

    /// <summary>A case study's scenario: its Markdown text and its data table.</summary>
    public static string Scenario(Scenario? scenario)
    {
        if (scenario is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(Markdown(scenario.Text));
        if (scenario.Table is { } table)
        {
            sb.Append("<div class=\"table-scroll\"><table>");
            if (table.Caption is not null)
            {
                sb.Append("<caption>").Append(Escape(table.Caption)).Append("</caption>");
            }

            sb.Append("<thead><tr>");
            foreach (var column in table.Columns)
            {
                sb.Append("<th>").Append(Escape(column)).Append("</th>");
            }

            sb.Append("</tr></thead><tbody>");
            foreach (var row in table.Rows)
            {
                sb.Append("<tr>");
                foreach (var cell in row)
                {
                    sb.Append("<td>").Append(Escape(cell)).Append("</td>");
                }

                sb.Append("</tr>");
            }

            sb.Append("</tbody></table></div>");
        }

        return sb.ToString();
    }

    /// <summary>Sources as a list of links (safe URLs only) or titles.</summary>
    public static string Sources(IEnumerable<SourceReference> sources)
    {
        var sb = new StringBuilder();
        foreach (var s in sources)
        {
            sb.Append("<li>");
            if (s.Url is not null && IsSafeUrl(s.Url))
            {
                sb.Append("<a href=\"").Append(Escape(s.Url)).Append("\">").Append(Escape(s.Title)).Append("</a>");
            }
            else
            {
                sb.Append(Escape(s.Title));
            }

            sb.Append("</li>");
        }

        return sb.Length == 0 ? string.Empty : "<ul>" + sb + "</ul>";
    }

    /// <summary>Removes tags and decodes entities, as Anki does for its sort field and checksum.</summary>
    public static string StripTags(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var sb = new StringBuilder(html.Length);
        bool inTag = false;
        foreach (char c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                sb.Append(c);
            }
        }

        return WebUtility.HtmlDecode(sb.ToString()).Trim();
    }

    /// <summary>
    /// True for one line that Markdown renders as a plain paragraph of the same text: no line break or
    /// tab, no Markdown or HTML punctuation, and no start that opens a block (list, heading, quote, code).
    /// Such text skips the Markdown parser; the output is identical.
    /// </summary>
    /// <summary>
    /// The HTML Markdig makes of text that is only plain paragraphs (every line plain by
    /// <see cref="IsPlainLine(ReadOnlySpan{char})"/>, paragraphs separated by empty lines), built
    /// without parsing; null for anything else. Most model answers are like this, and Markdig's parse
    /// allocates about ten times the text. A test checks the result equals Markdig's on such texts.
    /// </summary>
    internal static string? PlainParagraphs(string text)
    {
        var span = text.AsSpan().TrimEnd('\n');
        if (span.IndexOf('\r') >= 0)
        {
            return null;
        }

        var sb = new StringBuilder(text.Length + 16);
        bool inParagraph = false;
        while (true)
        {
            int end = span.IndexOf('\n');
            var line = end < 0 ? span : span[..end];
            if (line.Length == 0)
            {
                if (inParagraph)
                {
                    sb.Append("</p>");
                    inParagraph = false;
                }
            }
            else if (!IsPlainLine(line))
            {
                return null;
            }
            else
            {
                if (inParagraph)
                {
                    sb.Append('\n');
                }
                else
                {
                    if (sb.Length > 0)
                    {
                        sb.Append('\n');
                    }

                    sb.Append("<p>");
                    inParagraph = true;
                }

                sb.Append(line);
            }

            if (end < 0)
            {
                break;
            }

            span = span[(end + 1)..];
        }

        if (inParagraph)
        {
            sb.Append("</p>");
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    internal static bool IsPlainLine(string text) => IsPlainLine(text.AsSpan());

    internal static bool IsPlainLine(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text[0] is ' ' or '-' or '+' or '=' or '#' or '>' or (>= '0' and <= '9') || text[^1] == ' ')
        {
            return false;
        }

        return text.IndexOfAny(PlainStoppers) < 0;
    }

    private static readonly System.Buffers.SearchValues<char> EscapeChars = System.Buffers.SearchValues.Create("&<>\"'");

    private static readonly System.Buffers.SearchValues<char> PlainStoppers = System.Buffers.SearchValues.Create("\n\r\t\\`*_[]<>!&\"~|");

    /// <summary>True for absolute <c>http</c>, <c>https</c> and <c>mailto</c> URLs, and fragment links.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        if (url.StartsWith('#'))
        {
            return true;
        }

        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) &&
               (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
    }
}
