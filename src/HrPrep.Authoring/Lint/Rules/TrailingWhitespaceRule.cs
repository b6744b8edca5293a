using HrPrep.Content;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP503: spaces or tabs at the end of a line.</summary>
public sealed class TrailingWhitespaceRule() : LintRule(RuleDescriptors.TrailingWhitespace)
{
    /// <inheritdoc />
    public override void CheckFile(LintFile file, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        var raw = file.Raw.Span;
        int lineStart = 0;
        while (lineStart < raw.Length)
        {
            int nl = raw[lineStart..].IndexOf((byte)'\n');
            int end = nl < 0 ? raw.Length : lineStart + nl;
            int content = end;
            if (content > lineStart && raw[content - 1] == '\r')
            {
                content--;
            }

            int trimmed = content;
            while (trimmed > lineStart && raw[trimmed - 1] is (byte)' ' or (byte)'\t')
            {
                trimmed--;
            }

            if (trimmed < content)
            {
                var (line, column) = HrPrep.Authoring.Lint.Text.TextTools.Position(raw, trimmed);
                context.Report(new SourceLocation(file.Path, line, column), "trailing whitespace");
            }

            lineStart = end + 1;
        }
    }
}
