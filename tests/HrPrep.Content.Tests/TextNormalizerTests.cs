using CsCheck;
using HrPrep.Packs.Text;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Content.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("  How do YOU run a calibration?! ", "how do you run a calibration")]
    [InlineData("Café—naïve ÆON, straße 42", "cafe naive aeon strasse 42")]
    [InlineData("...", "")]
    public void Token_key_is_the_tokens_joined_by_spaces(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.TokenKey(text));
        Assert.Equal(string.Join(' ', TextNormalizer.Tokens(text)), TextNormalizer.TokenKey(text));
    }

    [Fact]
    public void Token_key_equals_joined_tokens_on_any_text()
    {
        var chars = Gen.OneOf(Gen.Char["aZ09 .,-'?!\t\n"], Gen.Char['\u00C0', '\u024F'], Gen.Char['\u0300', '\u036F'], Gen.Char['\u0370', '\u03FF'], Gen.Char);
        var severalTokens = new Coverage("had two or more tokens to join");
        chars.Array[0, 40].Select(a => new string(a)).Sample(text =>
        {
            var tokens = TextNormalizer.Tokens(text).ToList();
            severalTokens.Count(tokens.Count >= 2);
            return TextNormalizer.TokenKey(text) == string.Join(' ', tokens);
        }, iter: 20_000);
        severalTokens.AssertAtLeast(0.5);
    }
}
