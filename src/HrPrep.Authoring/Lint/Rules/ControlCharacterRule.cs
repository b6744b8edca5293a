using System.Globalization;
using System.Text;
using HrPrep.Content;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP502: stray control or invisible formatting characters.</summary>
public sealed class ControlCharacterRule() : LintRule(RuleDescriptors.ControlCharacter)
{
    private static readonly System.Buffers.SearchValues<byte> Suspects = System.Buffers.SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 0x7F, 0xC2, 0xE2, 0xEF]);

    /// <inheritdoc />
    public override void CheckFile(LintFile file, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        var raw = file.Raw.Span;
        int start = raw.StartsWith("\uFEFF"u8) ? 3 : 0;
        for (int i = start; i < raw.Length; i++)
        {
            int skip = raw[i..].IndexOfAny(Suspects);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            byte b = raw[i];
            string? name = null;
            int length = 1;
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                name = string.Create(CultureInfo.InvariantCulture, $"control character U+{b:X4}");
            }
            else if (b == 0x7F)
            {
                name = "control character U+007F";
            }
            else if (b == 0xC2 && i + 1 < raw.Length && raw[i + 1] is >= 0x80 and <= 0x9F)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"control character U+{raw[i + 1]:X4}");
                length = 2;
            }
            else if (b is 0xE2 or 0xEF && i + 2 < raw.Length && Rune.DecodeFromUtf8(raw[i..], out var rune, out int used) == System.Buffers.OperationStatus.Done)
            {
                length = used;
                name = rune.Value switch
                {
                    0x200B => "zero-width space U+200B",
                    0x200C or 0x200D => string.Create(CultureInfo.InvariantCulture, $"zero-width joiner U+{rune.Value:X4}"),
                    0x2060 => "word joiner U+2060",
                    >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 => string.Create(CultureInfo.InvariantCulture, $"bidirectional control U+{rune.Value:X4}"),
                    0xFEFF => "byte-order mark U+FEFF inside the text",
                    _ => null,
                };
            }

            if (name is not null)
            {
                var (line, column) = HrPrep.Authoring.Lint.Text.TextTools.Position(raw, i);
                context.Report(new SourceLocation(file.Path, line, column), $"{name}; remove it");
            }

            i += length - 1;
        }
    }
}
