using System.Text;

namespace HrPrep.Practice.Text;

/// <summary>A sentence of an answer: where it is and its tokens.</summary>
/// <param name="Text">The sentence as written (trimmed).</param>
/// <param name="Concepts">Concept ids of its content words (stemmed, synonyms folded).</param>
internal sealed record Sentence(string Text, HashSet<string> Concepts);

/// <summary>
/// Normalisation for scoring: lower case (invariant), common Latin accents folded, possessives and
/// apostrophes dropped, words split at anything but letters and digits, stop words removed, words
/// stemmed (Porter) and mapped to a concept id by the curated synonym list.
/// </summary>
internal static class TextAnalysis
{
    /// <summary>Lower-cased raw words (letters and digits), no stemming.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? Fold(text[i]) : ' ';
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            // "manager's" -> "manager"; "can't" -> "cant"
            if (c == '\'' && current.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                if (char.ToLowerInvariant(text[i + 1]) == 's' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                {
                    i++;
                }

                continue;
            }

            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        return words;
    }

    /// <summary>
    /// The concept ids of a text's content words, in order (duplicates kept). With
    /// <paramref name="rubric"/>, the rubric verb a key point starts with ("Names", "Explains"…) and
    /// rubric adverbs ("correctly") are dropped too.
    /// </summary>
    public static List<string> Concepts(string text, bool rubric = false)
    {
        var result = new List<string>();
        var words = Words(text);
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            if (StopWords.IsStopWord(word) || (rubric && (i == 0 || StopWords.IsRubricAdverb(word)) && StopWords.IsRubricWord(word)))
            {
                continue;
            }

            result.Add(Synonyms.ConceptOf(Synonyms.StemOf(word)));
        }

        return result;
    }

    /// <summary>
    /// A set of <paramref name="concepts"/> plus, with <paramref name="prefixLength"/> &gt; 0, the
    /// <see cref="PrefixKey"/> of each, so that "quarterly" finds "quarter" and "comparison" finds
    /// "comparative" where the stemmer leaves them apart.
    /// </summary>
    public static HashSet<string> WithPrefixes(IEnumerable<string> concepts, int prefixLength)
    {
        var set = new HashSet<string>(concepts, StringComparer.Ordinal);
        if (prefixLength > 0)
        {
            foreach (string c in set.ToArray())
            {
                if (PrefixKey(c, prefixLength) is { } key)
                {
                    set.Add(key);
                }
            }
        }

        return set;
    }

    /// <summary>
    /// The key a word stem is found by when only its first <paramref name="prefixLength"/> letters must
    /// match; null for synonym-group concepts (already folded), for stems shorter than that, and when
    /// <paramref name="prefixLength"/> is 0.
    /// </summary>
    public static string? PrefixKey(string concept, int prefixLength) =>
        prefixLength > 0 && concept.Length >= prefixLength && concept[0] != '~' ? string.Concat("^", concept.AsSpan(0, prefixLength)) : null;

    /// <summary>Splits an answer into sentences: at . ! ? ; and line breaks (not inside numbers such as 1.5), and at list markers.</summary>
    public static List<string> SplitSentences(string text)
    {
        var sentences = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool end = c is '!' or '?' or ';' or '\n' or '\r'
                || (c == '.' && !(i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
                    && !(i + 1 < text.Length && char.IsLetter(text[i + 1])));
            if (!end)
            {
                current.Append(c);
                continue;
            }

            if (c is not ('\n' or '\r'))
            {
                current.Append(c);
            }

            Flush(sentences, current);
        }

        Flush(sentences, current);
        return sentences;
    }

    private static void Flush(List<string> sentences, StringBuilder current)
    {
        string s = current.ToString().Trim().TrimStart('-', '*', '+', ' ', '\t').Trim();
        current.Clear();
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sentences.Add(s);
                return;
            }
        }
    }

    private static char Fold(char c)
    {
        c = char.ToLowerInvariant(c);
        return c switch
        {
            'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => 'a',
            'ç' => 'c',
            'è' or 'é' or 'ê' or 'ë' => 'e',
            'ì' or 'í' or 'î' or 'ï' => 'i',
            'ñ' => 'n',
            'ò' or 'ó' or 'ô' or 'õ' or 'ö' => 'o',
            'ù' or 'ú' or 'û' or 'ü' => 'u',
            '\u2019' or '\u2018' => '\'',
            _ => c,
        };
    }
}
