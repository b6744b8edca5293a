using System.Text.Json;
using System.Text.RegularExpressions;
using HrPrep.Authoring.Export;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

public class HtmlExporterTests
{
    // Headless Chromium: HRPREP_CHROMIUM when set, else the one in the npm package @sparticuz/chromium
    // that NodeTools installs with `npm ci` (tests/js/chromium.mjs); no system browser or root needed.
    private static JsonElement CheckInBrowser(string html, string screenshot, string word)
    {
        var (code, o, e) = NodeTools.Node("check-html.mjs", html, screenshot, word);
        Assert.True(code == 0, $"check-html.mjs failed ({code}): {e}");
        return JsonDocument.Parse(o).RootElement.Clone();
    }

    [Fact]

    [Trait("Category", "External")]
    public void Page_works_in_headless_chromium_search_filters_reveal_keyboard_print_and_screenshot()
    {
        using var dir = new TempDir();
        string html = dir.Bytes("study.html", ExportFixtures.Export(new HtmlExporter(), ExportFixtures.Mini));
        string shots = Path.Combine(Path.GetTempPath(), "hrprep-export-screenshots");
        Directory.CreateDirectory(shots);
        string screenshot = Path.Combine(shots, "mini-study-page.png");
        var r = CheckInBrowser(html, screenshot, "calibration");

        Assert.Empty(r.GetProperty("consoleErrors").EnumerateArray());
        Assert.Empty(r.GetProperty("pageErrors").EnumerateArray());
        Assert.Empty(r.GetProperty("externalRequests").EnumerateArray());
        Assert.Equal(8, r.GetProperty("total").GetInt32());
        Assert.Equal("8 of 8 questions", r.GetProperty("countText").GetString());

        var search = r.GetProperty("search");
        Assert.Equal(3, search.GetProperty("shown").GetInt32());
        Assert.True(search.GetProperty("allMatch").GetBoolean());
        Assert.Equal("3 of 8 questions", search.GetProperty("countText").GetString());
        Assert.Equal(0, r.GetProperty("noMatch").GetProperty("shown").GetInt32());
        Assert.True(r.GetProperty("noMatch").GetProperty("emptyShown").GetBoolean());

        Assert.Equal("mini/alpha", r.GetProperty("category").GetProperty("value").GetString());
        Assert.Equal(4, r.GetProperty("category").GetProperty("shown").GetInt32());
        Assert.True(r.GetProperty("category").GetProperty("allMatch").GetBoolean());
        Assert.Equal(2, r.GetProperty("level").GetProperty("shown").GetInt32());
        Assert.True(r.GetProperty("level").GetProperty("allMatch").GetBoolean());
        Assert.Equal(1, r.GetProperty("levelAndType").GetProperty("shown").GetInt32());
        Assert.True(r.GetProperty("levelAndType").GetProperty("allMatch").GetBoolean());
        Assert.Equal(8, r.GetProperty("reset").GetInt32());

        var reveal = r.GetProperty("reveal");
        Assert.True(reveal.GetProperty("before").GetBoolean());
        Assert.False(reveal.GetProperty("afterClick").GetBoolean());
        Assert.True(reveal.GetProperty("afterSecondClick").GetBoolean());

        var keys = r.GetProperty("keyboard");
        Assert.True(keys.GetProperty("slashFocusesSearch").GetBoolean());
        Assert.Equal(keys.GetProperty("expected").GetString(), keys.GetProperty("focusedAfterJJK").GetString());
        Assert.Equal("q-mini-a-001", keys.GetProperty("focusedAfterJJK").GetString());
        Assert.True(keys.GetProperty("enterReveals").GetBoolean());

        Assert.True(r.GetProperty("print").GetProperty("answersShown").GetBoolean());
        Assert.True(r.GetProperty("print").GetProperty("controlsHidden").GetBoolean());

        foreach (var png in new[] { screenshot, Path.Combine(shots, "mini-study-page-phone.png") })
        {
            byte[] bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 10_000, $"{png} is only {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {png}");
        }
    }

    [Fact]

    [Trait("Category", "External")]
    public void Hostile_content_cannot_run_or_load_anything_in_the_browser()
    {
        using var dir = new TempDir();
        string html = dir.Bytes("hostile.html", ExportFixtures.Export(new HtmlExporter(), ExportFixtures.Hostile));
        var r = CheckInBrowser(html, Path.Combine(dir.Path, "hostile.png"), "quoted");
        Assert.Empty(r.GetProperty("consoleErrors").EnumerateArray());
        Assert.Empty(r.GetProperty("pageErrors").EnumerateArray());
        Assert.Empty(r.GetProperty("externalRequests").EnumerateArray());
        Assert.Equal(0, r.GetProperty("injected").GetInt32());
        Assert.Equal("Hostile <b>pack</b> & \"friends\": study page", r.GetProperty("title").GetString());
        Assert.Equal(1, r.GetProperty("search").GetProperty("shown").GetInt32());
    }

    [Fact]
    public void Page_is_self_contained_escaped_and_locked_down_by_its_content_security_policy()
    {
        string html = ExportFixtures.Text(new HtmlExporter(), ExportFixtures.Hostile);
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.Single(Regex.Matches(html, "<style"));
        Assert.DoesNotMatch(@"<(link|iframe|img|object|embed)\b|<[a-z][a-z0-9]*(\s+[a-z-]+(=""[^""]*"")?)*\s+src=|@import|url\(", html);
        Assert.Matches("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+';", html);
        Assert.Contains("<h3 class=\"prompt\">Is &lt;script&gt;alert(&#39;prompt&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;, safe?</h3>", html);
        Assert.Contains("<h2>Markup &lt;script&gt;alert(&#39;cat&#39;)&lt;/script&gt;</h2>", html);
        Assert.Contains("data-search=\"=HYPERLINK(&quot;https://example.org&quot;,&quot;click&quot;) hostile-002", html);
        Assert.Equal(html, ExportFixtures.Text(new HtmlExporter(), ExportFixtures.Hostile));
    }
}
