namespace HrPrep.Practice.Text;

/// <summary>English stop words, and the rubric words key points are phrased with ("names", "explains"…).</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "else", "etc", "eg", "ie",
        "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
        "let", "like", "ll", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "often", "once", "only", "or", "other",
        "our", "ours", "ourselves", "out", "over", "own", "per", "quite", "rather", "re", "really", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
        "this", "those", "through", "thus", "to", "too", "under", "until", "up", "us", "usually", "ve", "very", "via", "was", "we", "well",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "would",
        "yes", "yet", "you", "your", "yours", "yourself", "one", "ones", "thing", "things", "way", "ways", "get", "gets", "got",
        "make", "makes", "made", "lot", "lots", "basically", "actually", "honestly", "think", "say", "says", "said", "s", "t", "d",
        "use", "uses", "used", "using", "even", "every", "many", "what", "whatever", "will", "within", "without",
    };

    // Words that describe what a key point asks for rather than its content.
    private static readonly HashSet<string> Rubric = new(StringComparer.Ordinal)
    {
        "names", "name", "naming", "describes", "describe", "explains", "explain", "distinguishes", "distinguish",
        "recognises", "recognizes", "notes", "note", "mentions", "mention", "states", "state", "defines", "define",
        "shows", "show", "correctly", "accurately", "knows", "understands", "frames", "treats", "uses", "cites",
        "proposes", "applies", "concludes", "outlines", "links", "makes", "starts", "begins", "reports", "reflects",
        "sets", "commits", "schedules", "keeps", "judges", "matches", "checks", "diagnoses", "targets", "separates",
        "accepts", "builds", "adds", "focuses", "warns", "plans", "grounds", "involves", "works", "reviews", "chooses",
        "measures", "example", "examples", "eg", "says", "claims", "thinks", "believes", "assumes", "suggests",
        "relies", "quotes", "recommends", "equates", "sees", "lists", "leaves", "ignores", "moves", "averages", "invents",
    };

    public static bool IsStopWord(string word) => Stop.Contains(word);

    public static bool IsRubricWord(string word) => Rubric.Contains(word);

    /// <summary>Rubric words dropped wherever they are in a key point (not only first).</summary>
    public static bool IsRubricAdverb(string word) => word is "correctly" or "accurately" or "eg" or "example" or "examples";

    /// <summary>Words that, in a sentence, turn what it says around ("not", "never", "instead of"…).</summary>
    public static bool IsNegation(string word) => word is "not" or "no" or "never" or "nor" or "dont" or "doesnt" or "isnt"
        or "cannot" or "cant" or "wont" or "avoid" or "instead" or "rather" or "without" or "against" or "neither";
}
