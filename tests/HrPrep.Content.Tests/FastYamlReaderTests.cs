using System.Globalization;
using System.Text;
using CsCheck;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Content.Tests;

/// <summary>
/// The fast reader must build exactly what YamlDotNet builds (values, kinds, positions, diagnostics),
/// or give up. Every test compares <see cref="SafeYamlReader.ReadText"/> (fast path first) with
/// <c>ReadTextWithYamlDotNet</c> (the general path) on the same text.
/// </summary>
public class FastYamlReaderTests
{
    private static readonly YamlReaderOptions Options = YamlReaderOptions.Default;

    /// <summary>A canonical dump of a read result: every node with its position, kind and value, then the diagnostics.</summary>
    internal static string Dump(YamlReadResult result)
    {
        var sb = new StringBuilder();
        if (result.Root is null)
        {
            sb.Append("(no root)\n");
        }
        else
        {
            Dump(result.Root, sb, 0);
        }

        foreach (var d in result.Diagnostics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{d.Line}:{d.Column} {d.Code} {d.Message}\n");
        }

        return sb.ToString();
    }

    private static void Dump(YamlNode node, StringBuilder sb, int depth)
    {
        sb.Append(' ', depth * 2);
        sb.Append(CultureInfo.InvariantCulture, $"{node.Start.Line}:{node.Start.Column} ");
        switch (node)
        {
            case YamlScalar s:
                sb.Append(CultureInfo.InvariantCulture, $"{s.Kind} ").Append(Escape(s.Value)).Append('\n');
                break;
            case YamlSequence seq:
                sb.Append("seq\n");
                foreach (var item in seq.Items)
                {
                    Dump(item, sb, depth + 1);
                }

                break;
            case YamlMapping map:
                sb.Append("map\n");
                foreach (var entry in map.Entries)
                {
                    Dump(entry.Key, sb, depth + 1);
                    Dump(entry.Value, sb, depth + 2);
                }

                break;
        }
    }

    private static string Escape(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c < ' ' || c > '~')
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }

    private static bool Fast(string text, out YamlNode? root) => FastYamlReader.TryRead("t.yaml", text, Options, out root);

    /// <summary>Asserts that the public reader (fast path first) gives exactly YamlDotNet's result.</summary>
    private static void AssertSame(string text)
    {
        string expected = Dump(SafeYamlReader.ReadTextWithYamlDotNet("t.yaml", text, Options));
        string actual = Dump(SafeYamlReader.ReadText("t.yaml", text, Options));
        Assert.True(expected == actual, $"fast reader differs from YamlDotNet on:\n{text}\n--- YamlDotNet:\n{expected}--- fast:\n{actual}");
    }

    public static TheoryData<string> Handled => new()
    {
        "a: 1\nlist:\n  - x\n  - {}\n",
        "a: b\n",
        "a: b",
        "a:\n",
        "a:",
        "a:\nb: c\n",
        "a:   # comment\nb: c\n",
        "- \n- x\n",
        "-\n-\n",
        "- a\n-\n  b\n",
        "a:\n  b\n",
        "a:\n  - x\n  - y\nb: 1\n",
        "a:\n- x\n- y\nb: 1\n",
        "a:\n- x\n-\nb: 1\n",
        "questions:\n- id: a\n  tags:\n  - x\n  - y\n- id: b\n",
        "questions:\n  - id: a\n    prompt: \"Why?\"\n    tags: [x, y-z, 'q']\n  - id: b\n",
        "  a: 1\n  b: 2\n",
        "-   id: x\n    p: y\n",
        "# yaml-language-server: $schema=x.json\n\n# c\npack:\n  id: x # trailing\n  version: 1.0.0\n",
        "a: 'it''s'\n",
        "a: ''\n",
        "a: \"\"\n",
        "a: \"x\\ny\\t\\\\\\\"\\/\\u00e9\\x41\\0\\a\\b\\e\\f\\v\\N\\_\\L\\P\\ z\"\n",
        "'quoted key': 1\n\"dq key\" : 2\n",
        "a: C# and F#\n",
        "a: x #c\n",
        "a: x:y\n",
        "a: http://example.org/x?y=1#frag\n",
        "a:b: c\n",
        "a: -1\nb: 0x1F\nc: 1.5e3\nd: .inf\ne: ~\nf: null\ng: True\nh: no\ni: 2026-11-26\nj: 0o17\nk: +.5\nl: '1'\n",
        "1: a\ntrue: b\n",
        "a: [ ]\nb: []\nc: [a,b , c ]\nd: [\"a, b\", 'c']\ne: [1, true, null, x y]\n",
        "a: { }\n",
        "a: |\n  line one\n  line two\n",
        "a: |-\n  line one\n\n  line two\n\n\nb: 1\n",
        "a: |+\n  keep\n\n\nb: 1\n",
        "a: |\n\n  after empty\n",
        "a: |\n    deeper\n  shallower?\n",
        "a: |\n  one\n    more indented\n  back\n",
        "a: |\n  text with # hash and: colon\n  - dash\n",
        "a: |  # comment\n  x\n",
        "a: >\n  folded one\n  folded two\n\n  para\n",
        "a: >-\n  folded\n  text\n",
        "- |\n  in list\n- >\n  folded in list\n",
        "a:\n  b:\n    c:\n      d: deep\n  e: back\n",
        "a: x   \nb: y \t\n",
        "a: x\r\nb: |\r\n  crlf\r\n  text\r\n",
        "a: x\n\n\n",
        "",
        "\n\n",
        "# only a comment\n",
        "just a scalar\n",
        "\"quoted root\"\n",
        "- a\n- - b\n",
        "a: b: c\n",
        "a: 'unterminated\n",
        "a: \"multi\n  line\"\n",
        "a: plain\n  continued\n",
        "a: plain\n\n  continued after blank\n",
        "a: x\n  # comment\n  b: y\n",
        "a: 1\na: 2\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: !custom 1\n",
        "%YAML 1.2\n---\na: 1\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "a:\tb\n",
        "\ta: b\n",
        "a: b\n c: d\n",
        "a:\n  - x\n y: z\n",
        "a:\n  b: 1\n   c: 2\n",
        "- a\nb: c\n",
        "a: 1\n- b\n",
        "? complex\n: value\n",
        "[a]: b\n",
        "a: [x, [y]]\n",
        "a: {b: c}\n",
        "a: [x,\n  y]\n",
        "a: [x, ]\n",
        "a: |2\n  explicit\n",
        "a: |\n",
        "a: |\nb: 1\n",
        "a: |\n  no final newline",
        "a: >\n\n  leading empty folded\n",
        "a: >\n  x\n   more\n  y\n",
        "a: x\u0085y\n",
        "a: caf\u00e9 \u2014 \u4e2d\u6587\n",
        "a: emoji \U0001F600 here\n",
        "a: \"\\U0001F600\"\n",
        "a: \"\\uD83D\"\n",
        "a: x\u0001\n",
        "a: x\ry\n",
        "@a: 1\n",
        "a: `x`\n",
        "a: %x\n",
        "a: -\n",
        "a: ? x\n",
        "a: : x\n",
        "a: \"x\" y\n",
        "a: \"x\"#c\n",
        "a: [x] y\n",
        "{a: b}\n",
        "[a, b]\n",
        "- [a, b]\n- {}\n",
        "a: 'x' : y\n",
        "a:\n  'b': 1\n  \"c\": 2\n",
        "-\n  a: 1\n  b: 2\n-\n  - x\n",
    };

    [Theory]
    [MemberData(nameof(Handled))]
    public void Reads_exactly_what_YamlDotNet_reads(string text) => AssertSame(text);

    [Theory]
    [InlineData("a: 1\nlist:\n  - x\n  - {}\n")]
    [InlineData("questions:\n- id: a\n  tags:\n  - x\n")]
    [InlineData("a: |\n  line one\n  line two\nb: >-\n  x\n  y\n")]
    [InlineData("a: \"x\\ny\"\nb: 'it''s'\nc: [a, b]\n")]
    [InlineData("a: x\r\nb: y\r\n")]
    public void Takes_the_fast_path_for_the_pack_subset(string text) => Assert.True(Fast(text, out _));

    [Theory]
    [InlineData("a: &x 1\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: plain\n  continued\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: x\u0001\n")]
    public void Gives_up_outside_the_subset(string text) => Assert.False(Fast(text, out _));

    [Fact]
    public void Gives_up_beyond_the_depth_limit()
    {
        var options = new YamlReaderOptions { MaxDepth = 3 };
        Assert.True(FastYamlReader.TryRead("t.yaml", "a:\n  b:\n    c: 1\n", options, out _));
        Assert.False(FastYamlReader.TryRead("t.yaml", "a:\n  b:\n    c:\n      d: 1\n", options, out _));
        var slow = SafeYamlReader.ReadTextWithYamlDotNet("t.yaml", "a:\n  b:\n    c:\n      d: 1\n", options);
        Assert.Equal(Dump(slow), Dump(SafeYamlReader.ReadText("t.yaml", "a:\n  b:\n    c:\n      d: 1\n", options)));
    }

    public static TheoryData<string> RepoYamlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { Repo.PathOf("questions"), Repo.PathOf("tests", "fixtures") })
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Repo.Root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepoYamlFiles))]
    public void Agrees_with_YamlDotNet_on_every_pack_and_fixture_in_the_repository(string relative)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.Root, relative));
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return; // Invalid UTF-8 is refused before either YAML reader runs.
        }

        AssertSame(text);
        if (relative.StartsWith("questions/", StringComparison.Ordinal))
        {
            Assert.True(Fast(text, out _), "the shipped packs must take the fast path");
        }
    }

    // Characters that matter to YAML's structure, and a little text.
    private static readonly string[] Pieces =
    [
        " ", "  ", "\n", "\n  ", "\n    ", "- ", "-", ": ", ":", "#", " #", "'", "''", "\"", "\\", "\\n", "|", "|-", "|+", ">", ">-",
        "[", "]", "{", "}", ",", "?", "&a", "*a", "!", "%", "@", "`", "a", "b", "x y", "1", "1.5", "true", "null", "~", "é", "\t", "\r\n",
        "---", "...",
    ];

    private static readonly Gen<string> Mutation = Gen.OneOf(Pieces.Select(Gen.Const).ToArray());

    private static string Mutate(string text, (int Kind, double Where, int Length, string Piece)[] edits)
    {
        var sb = new StringBuilder(text);
        foreach (var (kind, where, length, piece) in edits)
        {
            int at = (int)(where * sb.Length);
            switch (kind)
            {
                case 0:
                    sb.Insert(at, piece);
                    break;
                case 1:
                    sb.Remove(at, Math.Min(length, sb.Length - at));
                    break;
                default:
                    sb.Remove(at, Math.Min(length, sb.Length - at)).Insert(at, piece);
                    break;
            }
        }

        return sb.ToString();
    }

    private const string Seed = """
        # yaml-language-server: $schema=../schema.json
        pack:
          id: demo
          title: "Demo: pack"
          tags: [a, b-c]
          empty: {}
        questions:
          - id: q-1
            prompt: 'Why is it''s?'
            answer:
              summary: |
                First line.

                Second line: with colon # and hash
              keyPoints:
                - one
                - "two \"quoted\""
            notes: >-
              folded
              text
            related: []
          -
            id: q-2
            level: 3
        extra:
        - x
        - y # comment
        """;

    private static string SeedText(string name) => name switch
    {
        "inline" => Seed,

        // The start of a shipped category file: real answers, lists, block scalars and quoting.
        _ => string.Join('\n', File.ReadLines(Directory.EnumerateFiles(Repo.ShippedPack, "*.yaml").Order(StringComparer.Ordinal).First(f => !f.EndsWith("pack.yaml", StringComparison.Ordinal))).Take(70)) + "\n",
    };

    [Theory]
    [InlineData("inline")]
    [InlineData("shipped")]
    public void Agrees_with_YamlDotNet_on_randomly_mutated_packs(string seedName)
    {
        string seed = SeedText(seedName);
        var gen = Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[1, 6], Mutation).Array[1, 4];
        int fast = 0;
        int total = 0;
        gen.Sample(edits =>
        {
            string text = Mutate(seed, edits);
            Interlocked.Increment(ref total);
            if (Fast(text, out _))
            {
                Interlocked.Increment(ref fast);
            }

            string expected = Dump(SafeYamlReader.ReadTextWithYamlDotNet("t.yaml", text, Options));
            string actual = Dump(SafeYamlReader.ReadText("t.yaml", text, Options));
            return expected == actual;
        }, iter: 20_000, print: edits => Mutate(seed, edits));

        // The comparison means something only if many mutants are still read by the fast path.
        Assert.True(fast > total / 5, $"only {fast} of {total} mutants took the fast path");
    }
}
