using HrPrep.Practice.Text;
using Xunit;

namespace HrPrep.Practice.Tests;

public class StemmerTests
{
    // Examples from Porter's 1980 paper and the outputs of the reference implementation.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    [InlineData("sized", "size")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("digitizer", "digit")]
    [InlineData("vietnamization", "vietnam")]
    [InlineData("predication", "predic")]
    [InlineData("operator", "oper")]
    [InlineData("feudalism", "feudal")]
    [InlineData("decisiveness", "decis")]
    [InlineData("hopefulness", "hope")]
    [InlineData("callousness", "callous")]
    [InlineData("formative", "form")]
    [InlineData("electrical", "electr")]
    [InlineData("goodness", "good")]
    [InlineData("adjustable", "adjust")]
    [InlineData("replacement", "replac")]
    [InlineData("adoption", "adopt")]
    [InlineData("effective", "effect")]
    [InlineData("probate", "probat")]
    [InlineData("cease", "ceas")]
    [InlineData("controlling", "control")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    public void Stems_like_the_published_algorithm(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("go")]
    [InlineData("401k")]
    [InlineData("2025")]
    public void Leaves_short_and_non_letter_words_alone(string word) => Assert.Equal(word, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("organisation", "organization")]
    [InlineData("recognised", "recognized")]
    [InlineData("behaviour", "behavior")]
    [InlineData("prioritise", "prioritize")]
    public void British_and_American_spellings_share_a_stem(string british, string american) =>
        Assert.Equal(Synonyms.StemOf(american), Synonyms.StemOf(british));

    [Fact]
    public void Synonyms_fold_to_one_concept_and_unrelated_words_do_not()
    {
        string boss = Synonyms.ConceptOf(Synonyms.StemOf("boss"));
        Assert.Equal(boss, Synonyms.ConceptOf(Synonyms.StemOf("managers")));
        Assert.Equal(boss, Synonyms.ConceptOf(Synonyms.StemOf("supervisor")));
        Assert.NotEqual(boss, Synonyms.ConceptOf(Synonyms.StemOf("employee")));
        Assert.NotEqual(Synonyms.ConceptOf(Synonyms.StemOf("information")), Synonyms.ConceptOf(Synonyms.StemOf("communication")));
    }
}
