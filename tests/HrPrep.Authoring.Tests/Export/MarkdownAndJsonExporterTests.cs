using System.Text.Json;
using System.Text.RegularExpressions;
using HrPrep.Authoring.Export;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class MarkdownAndJsonExporterTests
{
    [Fact]
    public void Markdown_study_guide_of_the_mini_pack()
    {
        Golden.Match("export-mini.md", ExportFixtures.Text(new MarkdownExporter(), ExportFixtures.Mini));
    }

    [Fact]
    public void Markdown_groups_by_category_in_pack_order_with_a_linked_table_of_contents()
    {
        var bank = ExportFixtures.Mini;
        var reversed = bank.Questions.Reverse().ToList();
        using var ms = new MemoryStream();
        new MarkdownExporter().Write(ms, new ExportSource(bank, reversed), new ExportOptions());
        string md = System.Text.Encoding.UTF8.GetString(ms.ToArray());
        Assert.Contains("- [Alpha things](#mini--alpha) (4)\n- [Beta things](#mini--beta) (4)\n", md);
        Assert.True(md.IndexOf("<a id=\"mini--alpha\"></a>Alpha things", StringComparison.Ordinal) < md.IndexOf("<a id=\"mini--beta\"></a>Beta things", StringComparison.Ordinal));
        Assert.Contains("### 1. " + bank.Questions.Single(q => q.Id == "mini-a-004").Prompt, md);
        Assert.Contains("### 6. A manager rates everyone", md);
    }

    [Fact]
    public void Markdown_shows_markup_in_content_as_text()
    {
        string md = ExportFixtures.Text(new MarkdownExporter(), ExportFixtures.Hostile);
        Assert.DoesNotMatch(@"(?<!\\)<(script|img|iframe|b>|u>|em>|td>|th>)", md);
        Assert.Contains("\\<script\\>alert('prompt')\\</script\\>", md);
        Assert.Contains("&lt;img src=x onerror=\"alert('img')\">", md);
        Assert.Contains("**Bold** and *emphasis* render.", md);
    }

    [Fact]
    public void Markdown_output_points_unsafe_links_nowhere_and_keeps_safe_ones()
    {
        const string text = "See [x](javascript:alert(1)), [y](https://example.org/a), ![i](data:text/html;base64,PHNjcmlwdD4=), " +
            "[z](<javascript:alert(2)> \"t\"), [m](mailto:hr@example.org), [f](#top), [r][ref] and <javascript:alert(3)>.\n\n" +
            "[ref]: JavaScript:alert(4)\n";
        string safe = SafeHtml.NeutraliseRawHtml(text);
        Assert.Contains("[x](#)", safe);
        Assert.Contains("[y](https://example.org/a)", safe);
        Assert.Contains("![i](#)", safe);
        Assert.Contains("[m](mailto:hr@example.org)", safe);
        Assert.Contains("[f](#top)", safe);
        Assert.Contains("[ref]: #", safe);
        Assert.Contains("&lt;javascript:alert(3)>", safe);

        // Rendered by any CommonMark renderer, no link or image leads to a script or data URL.
        string html = Markdig.Markdown.ToHtml(safe);
        Assert.DoesNotMatch("(?i)(href|src)=\"(javascript|data):", html);
        Assert.Contains("href=\"https://example.org/a\"", html);
        Assert.Equal("plain text, no links", SafeHtml.NeutraliseRawHtml("plain text, no links"));
    }

    [Fact]
    public void Json_export_is_the_list_json_in_stable_order()
    {
        var bank = ExportFixtures.Mini;
        string json = ExportFixtures.Text(new JsonExporter(), bank);
        Assert.Equal(QuestionJsonWriter.ToJson(bank.Questions), json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(bank.Questions.Select(q => q.Id), doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public void Json_carries_review_date_and_attribution_after_last_verified_and_leaves_them_out_when_absent()
    {
        var bank = ExportFixtures.Single(q => q with { ReviewBy = new DateOnly(2027, 2, 1), Attribution = new HrPrep.Content.PromptAttribution("A \"list\" of prompts", "https://example.org/list") });
        using var doc = JsonDocument.Parse(QuestionJsonWriter.ToJson(bank.Questions));
        var q = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(["lastVerified", "reviewBy", "attribution"], q.EnumerateObject().Select(p => p.Name).TakeLast(3));
        Assert.Equal("2027-02-01", q.GetProperty("reviewBy").GetString());
        Assert.Equal("A \"list\" of prompts", q.GetProperty("attribution").GetProperty("title").GetString());
        Assert.Equal("https://example.org/list", q.GetProperty("attribution").GetProperty("url").GetString());

        var titleOnly = ExportFixtures.Single(q => q with { Attribution = new HrPrep.Content.PromptAttribution("Title only", null) });
        using var doc2 = JsonDocument.Parse(QuestionJsonWriter.ToJson(titleOnly.Questions));
        var q2 = Assert.Single(doc2.RootElement.EnumerateArray());
        Assert.False(q2.TryGetProperty("reviewBy", out _));
        Assert.Equal(["title"], q2.GetProperty("attribution").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Safe_html_escapes_text_and_renders_markdown_without_raw_html_or_unsafe_links()
    {
        Assert.Equal("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; &#39;z&#39;", SafeHtml.Escape("<b>x</b> & \"y\" 'z'"));
        string html = SafeHtml.Markdown("**a** <script>alert(1)</script> [x](javascript:alert(1)) [y](https://example.org) ![i](https://example.org/i.png) <javascript:alert(2)>");
        Assert.Contains("<strong>a</strong>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html.Replace("&lt;javascript:", "", StringComparison.Ordinal).Replace(">javascript:alert(2)<", "", StringComparison.Ordinal));
        Assert.DoesNotContain("<img", html);
        Assert.Contains("href=\"https://example.org\"", html);
    }

    [Fact]
    public void The_plain_text_fast_path_renders_exactly_like_markdig()
    {
        var pipeline = Markdig.MarkdownExtensions.DisableHtml(new Markdig.MarkdownPipelineBuilder()).Build();
        const string alphabet = "abcXYZ 0123456789-+=#>.,;:'()/?%$@^{}éü\n\t\\`*_[]<>!&\"~|";
        var random = new Random(12345);
        int plain = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(1, 24)];
            for (int c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(random.Next(2) == 0 ? 40 : alphabet.Length)];
            }

            string text = new(chars);
            if (!SafeHtml.IsPlainLine(text))
            {
                continue;
            }

            plain++;
            Assert.Equal(Markdig.Markdown.ToHtml(text, pipeline).TrimEnd('\n'), SafeHtml.Markdown(text));
        }

        Assert.True(plain > 1000, $"only {plain} plain lines were generated");
    }

    [Fact]
    public void The_plain_paragraphs_fast_path_renders_exactly_like_markdig()
    {
        var pipeline = Markdig.MarkdownExtensions.DisableHtml(new Markdig.MarkdownPipelineBuilder()).Build();
        const string alphabet = "abcXYZ 0123456789-+=#>.,;:'()/?%$@^{}éü\u00A0\n\n\n\t\\`*_[]<>!&\"~|";
        var random = new Random(54321);
        int fast = 0;
        for (int i = 0; i < 20_000; i++)
        {
            // Mostly letters, digits and punctuation, with line breaks, and now and then anything.
            var chars = new char[random.Next(1, 80)];
            for (int c = 0; c < chars.Length; c++)
            {
                int roll = random.Next(100);
                chars[c] = roll < 8 ? '\n' : roll < 96 ? alphabet[random.Next(40)] : alphabet[random.Next(alphabet.Length)];
            }

            string text = new(chars);
            if (SafeHtml.PlainParagraphs(text) is not { } html)
            {
                continue;
            }

            fast++;
            Assert.True(Markdig.Markdown.ToHtml(text, pipeline).TrimEnd('\n') == html, $"differs on {System.Text.Json.JsonSerializer.Serialize(text)}");
            if (!string.IsNullOrWhiteSpace(text))
            {
                Assert.Equal(html, SafeHtml.Markdown(text));
            }
        }

        Assert.True(fast > 2000, $"only {fast} texts took the fast path");

        // Every model answer of the shipped pack renders the same whichever path it takes.
        foreach (var q in HrPrep.Content.QuestionBank.Default.Questions)
        {
            string summary = q.Answer.Summary;
            if (SafeHtml.PlainParagraphs(summary) is { } html)
            {
                Assert.Equal(Markdig.Markdown.ToHtml(summary, pipeline).TrimEnd('\n'), html);
            }
        }
    }
}
