namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP504: straight and typographic quotes mixed in one text, or unbalanced typographic quotes.</summary>
public sealed class InconsistentQuotesRule() : LintRule(RuleDescriptors.InconsistentQuotes)
{
    /// <inheritdoc />
    public override void CheckQuestion(QuestionNode question, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var text in question.AllText())
        {
            string v = text.Value;
            if (v.AsSpan().IndexOfAnyInRange('\u2018', '\u201D') < 0)
            {
                continue;
            }

            int open = 0, close = 0;
            bool straightDouble = false, straightSingle = false, curlySingle = false;
            foreach (char c in v)
            {
                switch (c)
                {
                    case '\u201C': open++; break;
                    case '\u201D': close++; break;
                    case '"': straightDouble = true; break;
                    case '\'': straightSingle = true; break;
                    case '\u2018' or '\u2019': curlySingle = true; break;
                }
            }

            if ((open > 0 || close > 0) && straightDouble)
            {
                context.Report(text, "the text mixes straight (\") and typographic (“ ”) double quotes");
            }
            else if (curlySingle && straightSingle)
            {
                context.Report(text, "the text mixes straight (') and typographic (‘ ’) apostrophes or single quotes");
            }
            else if (open != close)
            {
                context.Report(text, "the text opens a typographic quote (“) it does not close, or closes one it did not open");
            }
        }
    }
}
