namespace HrPrep.Practice.Text;

/// <summary>
/// The Porter (1980) English suffix-stripping stemmer, written here from the published algorithm
/// (M.F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980): steps 1a-5b on a
/// lower-case ASCII word. Words of one or two letters and words with non-letters are returned as
/// they are.
/// </summary>
internal static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        foreach (char c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return word;
            }
        }

        var w = new Word(word);
        w.Step1a();
        w.Step1b();
        w.Step1c();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private readonly char[] b = text.ToCharArray();
        private int k = text.Length - 1; // last index of the current word
        private int j; // end of the stem before a matched suffix

        public override string ToString() => new(b, 0, k + 1);

        private bool Cons(int i) => b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !Cons(i - 1),
            _ => true,
        };

        /// <summary>m(): the number of VC sequences in b[0..j].</summary>
        private int M()
        {
            int n = 0;
            int i = 0;
            while (true)
            {
                if (i > j)
                {
                    return n;
                }

                if (!Cons(i))
                {
                    break;
                }

                i++;
            }

            i++;
            while (true)
            {
                while (true)
                {
                    if (i > j)
                    {
                        return n;
                    }

                    if (Cons(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
                n++;
                while (true)
                {
                    if (i > j)
                    {
                        return n;
                    }

                    if (!Cons(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
            }
        }

        private bool VowelInStem()
        {
            for (int i = 0; i <= j; i++)
            {
                if (!Cons(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleC(int i) => i >= 1 && b[i] == b[i - 1] && Cons(i);

        /// <summary>cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y.</summary>
        private bool Cvc(int i)
        {
            if (i < 2 || !Cons(i) || Cons(i - 1) || !Cons(i - 2))
            {
                return false;
            }

            return b[i] is not ('w' or 'x' or 'y');
        }

        private bool Ends(string s)
        {
            int l = s.Length;
            if (l > k + 1)
            {
                return false;
            }

            for (int i = 0; i < l; i++)
            {
                if (b[k - l + 1 + i] != s[i])
                {
                    return false;
                }
            }

            j = k - l;
            return true;
        }

        private void SetTo(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                b[j + 1 + i] = s[i];
            }

            k = j + s.Length;
        }

        private void R(string s)
        {
            if (M() > 0)
            {
                SetTo(s);
            }
        }

        public void Step1a()
        {
            if (b[k] != 's')
            {
                return;
            }

            if (Ends("sses"))
            {
                k -= 2;
            }
            else if (Ends("ies"))
            {
                SetTo("i");
            }
            else if (k >= 1 && b[k - 1] != 's')
            {
                k--;
            }
        }

        public void Step1b()
        {
            if (Ends("eed"))
            {
                if (M() > 0)
                {
                    k--;
                }

                return;
            }

            if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                k = j;
                if (Ends("at"))
                {
                    SetTo("ate");
                }
                else if (Ends("bl"))
                {
                    SetTo("ble");
                }
                else if (Ends("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleC(k))
                {
                    if (b[k] is not ('l' or 's' or 'z'))
                    {
                        k--;
                    }
                }
                else
                {
                    j = k;
                    if (M() == 1 && Cvc(k))
                    {
                        SetTo("e");
                    }
                }
            }
        }

        public void Step1c()
        {
            if (Ends("y") && VowelInStem())
            {
                b[k] = 'i';
            }
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
            ("logi", "log"),
        ];

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
            "ism", "ate", "iti", "ous", "ive", "ize",
        ];

        public void Step2()
        {
            if (k < 1)
            {
                return;
            }

            foreach (var (suffix, replacement) in Step2Rules)
            {
                if (Ends(suffix))
                {
                    R(replacement);
                    return;
                }
            }
        }

        public void Step3()
        {
            foreach (var (suffix, replacement) in Step3Rules)
            {
                if (Ends(suffix))
                {
                    R(replacement);
                    return;
                }
            }
        }

        public void Step4()
        {
            if (k < 1)
            {
                return;
            }

            foreach (string suffix in Step4Suffixes)
            {
                if (!Ends(suffix))
                {
                    continue;
                }

                if (suffix == "ion" && !(j >= 0 && b[j] is 's' or 't'))
                {
                    return;
                }

                if (M() > 1)
                {
                    k = j;
                }

                return;
            }
        }

        public void Step5()
        {
            j = k;
            if (b[k] == 'e')
            {
                j = k - 1;
                int a = M();
                if (a > 1 || (a == 1 && !Cvc(k - 1)))
                {
                    k--;
                }
            }

            j = k;
            if (b[k] == 'l' && DoubleC(k) && M() > 1)
            {
                k--;
            }
        }
    }
}
