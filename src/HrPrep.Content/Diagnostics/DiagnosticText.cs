namespace HrPrep.Content;

/// <summary>Text helpers for diagnostics and one-line error messages.</summary>
public static class DiagnosticText
{
    /// <summary>
    /// Folds a message that may span lines (an exception's, say) into the one line a diagnostic or an
    /// error message carries: every run of white space (line ends, tabs, spaces) becomes one space,
    /// and the ends are trimmed.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <returns>The message on one line.</returns>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sb = new System.Text.StringBuilder(message.Length);
        bool space = false;
        foreach (char c in message)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
