using System.Text;
using HrPrep.Content;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Content.Tests;

public class SafeYamlReaderTests
{
    private static YamlReadResult Read(string text, YamlReaderOptions? options = null) =>
        SafeYamlReader.Read("t.yaml", Encoding.UTF8.GetBytes(text), options);

    private static Diagnostic Single(YamlReadResult result, string code)
    {
        var d = Assert.Single(result.Diagnostics, x => x.Code == code);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        return d;
    }

    [Fact]
    public void Keeps_line_and_column_of_every_node()
    {
        var r = Read("a: 1\nlist:\n  - x\n  - {k: v}\n");
        var root = Assert.IsType<YamlMapping>(r.Root);
        Assert.Equal(new SourceLocation("t.yaml", 1, 1), root.Start);
        var list = Assert.IsType<YamlSequence>(root.Get("list"));
        Assert.Equal((3, 3), (list.Start.Line, list.Start.Column));
        Assert.Equal((3, 5), (list.Items[0].Start.Line, list.Items[0].Start.Column));
        var inner = Assert.IsType<YamlMapping>(list.Items[1]);
        Assert.Equal((4, 5), (inner.Start.Line, inner.Start.Column));
        Assert.Equal((4, 9), (inner.Get("k")!.Start.Line, inner.Get("k")!.Start.Column));
    }

    [Theory]
    [InlineData("no", ScalarKind.String)]
    [InlineData("yes", ScalarKind.String)]
    [InlineData("on", ScalarKind.String)]
    [InlineData("true", ScalarKind.Bool)]
    [InlineData("FALSE", ScalarKind.Bool)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("null", ScalarKind.Null)]
    [InlineData("12", ScalarKind.Int)]
    [InlineData("-3", ScalarKind.Int)]
    [InlineData("0x1F", ScalarKind.Int)]
    [InlineData("0o17", ScalarKind.Int)]
    [InlineData("1.0", ScalarKind.Float)]
    [InlineData("1e3", ScalarKind.Float)]
    [InlineData(".inf", ScalarKind.Float)]
    [InlineData(".NaN", ScalarKind.Float)]
    [InlineData("2026-11-26", ScalarKind.String)]
    [InlineData("1.0.0", ScalarKind.String)]
    [InlineData("012abc", ScalarKind.String)]
    [InlineData("\"true\"", ScalarKind.String)]
    [InlineData("'12'", ScalarKind.String)]
    [InlineData("!!str 12", ScalarKind.String)]
    public void Types_scalars_by_yaml_1_2_core_rules(string scalar, ScalarKind expected)
    {
        var root = Assert.IsType<YamlMapping>(Read($"v: {scalar}\n").Root);
        Assert.Equal(expected, Assert.IsType<YamlScalar>(root.Get("v")).Kind);
    }

    [Fact]
    public void Empty_value_is_null()
    {
        var root = Assert.IsType<YamlMapping>(Read("v:\n").Root);
        Assert.Equal(ScalarKind.Null, Assert.IsType<YamlScalar>(root.Get("v")).Kind);
    }

    [Fact]
    public void Rejects_anchors_with_their_position()
    {
        var d = Single(Read("a: &x 1\nb: 2\n"), "YAML002");
        Assert.Equal("t.yaml:1:4: error YAML002: anchors (&x) are not allowed in pack files; write the value out", d.ToString());
    }

    [Fact]
    public void Rejects_billion_laughs_at_the_first_anchor_without_expanding()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++)
        {
            char p = (char)(c - 1);
            sb.Append($"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n");
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var r = Read(sb.ToString());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var d = Single(r, "YAML002");
        Assert.Equal((1, 4), (d.Line, d.Column));
        Assert.Null(r.Root);
        Assert.True(allocated < 5_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Rejects_an_alias_even_without_anchor_syntax_errors()
    {
        var r = SafeYamlReader.ReadText("t.yaml", "a: 1\nb: *a\n");
        Assert.Contains(r.Diagnostics, d => d.Code is "YAML002" or "YAML001");
        Assert.Null(r.Root);
    }

    [Fact]
    public void Reports_duplicate_keys_at_the_second_key()
    {
        var r = Read("id: a\nprompt: x\nid: b\n");
        var d = Single(r, "YAML003");
        Assert.Equal((3, 1), (d.Line, d.Column));
        Assert.Contains("'id'", d.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rejects_10000_deep_nesting_quickly(bool flow)
    {
        string text = flow
            ? "v: " + new string('[', 10_000) + new string(']', 10_000) + "\n"
            : "v:\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";
        var r = Read(text);
        var d = Single(r, "YAML004");
        Assert.Contains("64", d.Message);
        Assert.Null(r.Root);
    }

    [Fact]
    public void Depth_limit_is_configurable()
    {
        Assert.Null(Read("a: {b: {c: 1}}\n", new YamlReaderOptions { MaxDepth = 2 }).Root);
        Assert.NotNull(Read("a: {b: {c: 1}}\n", new YamlReaderOptions { MaxDepth = 3 }).Root);
    }

    [Fact]
    public void Refuses_a_100_MB_file_unread_and_bounded_in_memory()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "big.yaml");
        using (var f = File.Create(path))
        {
            f.SetLength(100L * 1024 * 1024);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var r = SafeYamlReader.ReadFile(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var d = Single(r, "YAML005");
        Assert.Contains("104,857,600 bytes, over the limit of 33,554,432 bytes", d.Message);
        Assert.True(allocated < 1_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Size_limit_applies_to_unseekable_streams_too()
    {
        var stream = new NonSeekable(new MemoryStream(new byte[5000]));
        var r = SafeYamlReader.ReadStream("s.yaml", stream, new YamlReaderOptions { MaxFileBytes = 1000 });
        Single(r, "YAML005");
    }

    [Fact]
    public void Reads_large_files_from_files_seekable_and_unseekable_streams_alike()
    {
        // Several growths of the pooled read buffer (unseekable streams start at 80 KB and arrive in
        // 100-byte pieces), CRLF line ends and a multi-byte character: all three paths give the same tree.
        var sb = new StringBuilder("questions:\r\n");
        for (int i = 0; i < 3000; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - id: q-{i}\r\n    prompt: \"Caf\u00e9 question {i}?\"\r\n    answer:\r\n      summary: |\r\n        Line one of {i}.\r\n        Line two.\r\n");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.True(bytes.Length > 300_000);
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "big.yaml");
        File.WriteAllBytes(path, bytes);
        string expected = FastYamlReaderTests.Dump(SafeYamlReader.ReadTextWithYamlDotNet(path, sb.ToString(), YamlReaderOptions.Default));
        Assert.Equal(expected, FastYamlReaderTests.Dump(SafeYamlReader.ReadFile(path)));
        Assert.Equal(expected, FastYamlReaderTests.Dump(SafeYamlReader.ReadStream(path, new MemoryStream(bytes))));
        Assert.Equal(expected, FastYamlReaderTests.Dump(SafeYamlReader.ReadStream(path, new NonSeekable(new MemoryStream(bytes)))));
        var root = Assert.IsType<YamlMapping>(SafeYamlReader.ReadFile(path).Root);
        var last = Assert.IsType<YamlMapping>(Assert.IsType<YamlSequence>(root.Get("questions")).Items[^1]);
        Assert.Equal("Line one of 2999.\nLine two.\n", ((YamlScalar)((YamlMapping)last.Get("answer")!).Get("summary")!).Value);
    }

    [Fact]
    public void Reports_tabs_used_for_indentation()
    {
        var r = Read("a:\n\t- b\n");
        var d = Single(r, "YAML001");
        Assert.Equal((2, 1), (d.Line, d.Column));
        Assert.Contains("tab", d.Message);
    }

    [Fact]
    public void Reports_invalid_utf8_with_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("a: ok\nb: café \u00ff\n").ToList();
        int at = bytes.IndexOf(0xC3, 10);
        bytes[at] = 0xFF;
        var d = Single(SafeYamlReader.Read("t.yaml", bytes.ToArray()), "YAML006");
        Assert.Equal(2, d.Line);
        Assert.Equal(7, d.Column);
        Assert.Contains("0xFF", d.Message);
    }

    [Fact]
    public void Rejects_utf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a: 1\n")).ToArray();
        Single(SafeYamlReader.Read("t.yaml", bytes), "YAML006");
    }

    [Fact]
    public void Accepts_a_bom_and_crlf_with_correct_positions()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("a: 1\r\nb:\r\n  - x\r\n")).ToArray();
        var r = SafeYamlReader.Read("t.yaml", bytes);
        Assert.Empty(r.Diagnostics);
        var root = Assert.IsType<YamlMapping>(r.Root);
        Assert.Equal("1", ((YamlScalar)root.Get("a")!).Value);
        Assert.Equal((3, 5), (((YamlSequence)root.Get("b")!).Items[0].Start.Line, ((YamlSequence)root.Get("b")!).Items[0].Start.Column));
    }

    [Fact]
    public void Rejects_several_documents()
    {
        var d = Single(Read("a: 1\n---\nb: 2\n"), "YAML008");
        Assert.Equal(2, d.Line);
    }

    [Fact]
    public void Rejects_custom_tags()
    {
        var d = Single(Read("a: !python/object:os.system ls\n"), "YAML007");
        Assert.Equal((1, 4), (d.Line, d.Column));
    }

    [Fact]
    public void Rejects_complex_keys()
    {
        Single(Read("? [a, b]\n: 1\n"), "YAML009");
    }

    [Fact]
    public void Syntax_errors_are_one_located_line()
    {
        var d = Single(Read("a: [1, 2\nb: 3\n"), "YAML001");
        Assert.DoesNotContain("\n", d.ToString());
        Assert.StartsWith("t.yaml:", d.ToString());
        Assert.True(d.Line >= 1);
    }

    [Fact]
    public void Missing_file_is_an_io_error()
    {
        var d = Single(SafeYamlReader.ReadFile("/nonexistent/x.yaml"), "IO001");
        Assert.StartsWith("/nonexistent/x.yaml:1:1: error IO001: cannot read file", d.ToString());
    }

    [Fact]
    public void A_directory_given_as_a_file_is_an_io_error()
    {
        using var dir = new TempDir();
        var d = Single(SafeYamlReader.ReadFile(dir.Path), "IO001");
        Assert.StartsWith($"{dir.Path}:1:1: error IO001: cannot read file: ", d.ToString());
        Assert.DoesNotContain("\n", d.ToString());
    }

    [Fact]
    public void Reading_files_again_and_again_reuses_the_pooled_buffers()
    {
        // 256 KB of comments around one key: the tree is tiny, so what a read allocates is its
        // buffers, unless they come back from the pool (bytes, then decoded chars: about 768 KB fresh).
        var sb = new StringBuilder();
        for (int i = 0; i < 4096; i++)
        {
            sb.Append("# a comment line that the reader skips, sixty-four bytes long..\n");
        }

        sb.Append("a: 1\n");
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "comments.yaml");
        File.WriteAllText(path, sb.ToString());
        Assert.NotNull(SafeYamlReader.ReadFile(path).Root);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            var root = Assert.IsType<YamlMapping>(SafeYamlReader.ReadFile(path).Root);
            Assert.Equal("1", ((YamlScalar)root.Get("a")!).Value);
        }

        long perRead = (GC.GetAllocatedBytesForCurrentThread() - before) / 10;
        Assert.True(perRead < 64 * 1024, $"allocated {perRead} bytes per read of a {sb.Length}-byte file");
    }

    [Fact]
    public void A_file_that_reports_no_length_is_read_to_its_end()
    {
        // Files under /proc report a length of 0 and still have content: the positional read finds
        // more than the length and reads the file again as a stream.
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/proc/self/cmdline"), "needs Linux /proc");
        const string path = "/proc/version";
        Assert.Equal(0, new FileInfo(path).Length);
        string text = File.ReadAllText(path);
        var r = SafeYamlReader.ReadFile(path);
        Assert.Equal(FastYamlReaderTests.Dump(SafeYamlReader.ReadText(path, text)), FastYamlReaderTests.Dump(r));
        Assert.NotNull(r.Root);
    }

    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 100));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
