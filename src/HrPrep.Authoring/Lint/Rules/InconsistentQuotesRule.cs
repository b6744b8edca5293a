namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP504: straight and typographic quotes mixed in one text, or unbalanced typographic quotes.</summary>
public sealed class InconsistentQuotesRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP504";

    /// <inheritdoc />
    public override string Name => "inconsistent-quotes";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Hygiene;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override string Summary => "One text mixes straight (\" ') and typographic (“ ” ‘ ’) quotes, or opens a typographic quote it does not close.";

    /// <inheritdoc />
    public override string Rationale => "Mixed quotes are a sign of text pasted from several sources; they render inconsistently and break exact-match search.";

    /// <inheritdoc />
    public override string BadExample => "summary: The manager said \"HR marked you down” and the employee's reply ...";

    /// <inheritdoc />
    public override string GoodExample => "summary: The manager said \"HR marked you down\" and the employee's reply ...";

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
