using HrPrep.Authoring.Lint.Text;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>Word counting (HP201, HP304): the ASCII shortcut agrees with char.IsLetterOrDigit.</summary>
public class TextToolsTests
{
    [Fact]
    public void The_ascii_shortcut_agrees_with_char_IsLetterOrDigit_on_every_ascii_character()
    {
        for (char c = '\0'; c < 128; c++)
        {
            Assert.True(char.IsLetterOrDigit(c) == TextTools.IsAsciiLetterOrDigit(c), $"U+{(int)c:X4}");
        }
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("  two words  ", 2)]
    [InlineData("don't over-think it", 3)]
    [InlineData("don’t stop", 2)]
    [InlineData("x-", 1)]
    [InlineData("-x", 1)]
    [InlineData("Ärger über Maße, 2026 — 3 Punkte", 6)]
    [InlineData("日本語 テキスト", 2)]
    [InlineData("a1b2 @#$ c3", 2)]
    public void Counts_runs_of_letters_and_digits(string text, int expected) =>
        Assert.Equal(expected, TextTools.WordCount(text));

    [Fact]
    public void Counts_like_the_definition_on_random_mixed_text()
    {
        var random = new Random(3);
        string alphabet = "abcXYZ019 \t\n'-\u2019.,;?!éßΩж日\u00A0\u2013@_";
        for (int round = 0; round < 2_000; round++)
        {
            var chars = new char[random.Next(0, 80)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string text = new(chars);
            Assert.Equal(Reference(text), TextTools.WordCount(text));
        }

        static int Reference(string text)
        {
            int count = 0;
            bool inWord = false;
            foreach (char c in text)
            {
                bool letter = char.IsLetterOrDigit(c);
                if (letter && !inWord)
                {
                    count++;
                }

                inWord = letter || (inWord && c is '\'' or '-' or '\u2019');
            }

            return count;
        }
    }
}
