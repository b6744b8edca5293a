using System.Collections.Immutable;
using System.Text;
using HrPrep.Content;

namespace HrPrep.Authoring.Lint;

/// <summary>An inline suppression: <c># hrprep-disable-next-line CODE[, CODE...] -- reason</c>.</summary>
/// <param name="Location">Where the comment's marker is.</param>
/// <param name="TargetLine">The line it applies to (the next line).</param>
/// <param name="Codes">The codes or rule names it suppresses.</param>
/// <param name="Reason">Why (required), or null when missing.</param>
public sealed record Suppression(SourceLocation Location, int TargetLine, ImmutableArray<string> Codes, string? Reason);

/// <summary>Finds inline suppression comments in a file's raw text.</summary>
public static class Suppressions
{
    /// <summary>The marker that starts a suppression comment.</summary>
    public const string Marker = "hrprep-disable-next-line";

    private static readonly byte[] MarkerBytes = Encoding.ASCII.GetBytes(Marker);

    /// <summary>Every suppression comment in the UTF-8 text, in order.</summary>
    public static List<Suppression> Find(string path, ReadOnlySpan<byte> utf8)
    {
        var result = new List<Suppression>();
        int offset = 0;
        while (true)
        {
            int hit = utf8[offset..].IndexOf(MarkerBytes);
            if (hit < 0)
            {
                return result;
            }

            hit += offset;
            offset = hit + MarkerBytes.Length;
            int lineStart = utf8[..hit].LastIndexOf((byte)'\n') + 1;
            int hash = utf8[lineStart..hit].LastIndexOf((byte)'#');
            if (hash < 0 || !IsBlank(utf8.Slice(lineStart + hash + 1, hit - lineStart - hash - 1)))
            {
                continue;
            }

            int lineEnd = utf8[hit..].IndexOf((byte)'\n');
            lineEnd = lineEnd < 0 ? utf8.Length : hit + lineEnd;
            string rest = Encoding.UTF8.GetString(utf8[(hit + MarkerBytes.Length)..lineEnd]).TrimEnd('\r').Trim();
            int line = utf8[..hit].Count((byte)'\n') + 1;
            int column = Encoding.UTF8.GetCharCount(utf8[lineStart..(lineStart + hash)]) + 1;
            string? reason = null;
            int dashes = rest.IndexOf("--", StringComparison.Ordinal);
            string codesText = rest;
            if (dashes >= 0)
            {
                reason = rest[(dashes + 2)..].Trim();
                codesText = rest[..dashes];
                if (reason.Length == 0)
                {
                    reason = null;
                }
            }

            var codes = codesText.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
            result.Add(new Suppression(new SourceLocation(path, line, column), line + 1, codes, reason));
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> span)
    {
        foreach (byte b in span)
        {
            if (b is not ((byte)' ' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }
}
