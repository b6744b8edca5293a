using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace HrPrep.Content.Compiled;

/// <summary>
/// Reads the compact binary form of validated packs that the build embeds in HrPrep.Content, so that
/// <see cref="QuestionBank.Default"/> needs no YAML parsing at run time. The build-time tool
/// <c>src/HrPrep.PackCompiler</c> (<c>CompiledPacksWriter</c>) writes it; a change of layout changes
/// both and <see cref="FormatVersion"/>.
/// Layout (little-endian, strings as <see cref="BinaryWriter.Write(string)"/>: 7-bit length + UTF-8):
/// magic <c>HRPK</c>, format version (int32), pack count (7-bit int), then per pack its manifest
/// fields, categories, retired ids and questions, each field in record order; optional strings carry
/// a presence byte; lists carry a 7-bit count.
/// The reader works on the bytes in place (the embedded resource is read through its pointer, not
/// copied) with a span cursor: one UTF-8 decode per string, no stream calls, few methods to JIT —
/// this is the start-up path of <see cref="QuestionBank.Default"/>.
/// </summary>
internal static class CompiledPacks
{
    /// <summary>The logical name of the embedded resource.</summary>
    public const string ResourceName = "HrPrep.Content.packs.bin";

    private const int FormatVersion = 2;

    /// <summary>Reads compiled packs from a stream (from its position to its end).</summary>
    /// <exception cref="PackLoadException">The data is not a valid compiled pack file.</exception>
    public static ImmutableArray<QuestionPack> Read(Stream stream, string name)
    {
        long start = stream.CanSeek ? stream.Position : 0;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.GetBuffer().AsSpan(0, (int)copy.Length), name, start);
    }

    /// <summary>Reads compiled packs from their bytes.</summary>
    /// <param name="data">The whole compiled file.</param>
    /// <param name="name">The resource or file name, for errors.</param>
    /// <param name="baseOffset">Where <paramref name="data"/> starts in the named file, for errors.</param>
    /// <exception cref="PackLoadException">The data is not a valid compiled pack file.</exception>
    public static ImmutableArray<QuestionPack> Read(ReadOnlySpan<byte> data, string name, long baseOffset = 0)
    {
        var r = new Reader(data);
        try
        {
            if (data.Length < 8 || data[0] != (byte)'H' || data[1] != (byte)'R' || data[2] != (byte)'P' || data[3] != (byte)'K'
                || (data[4] | (data[5] << 8) | (data[6] << 16) | (data[7] << 24)) != FormatVersion)
            {
                r.Position = Math.Min(data.Length, 8);
                throw Invalid(name, baseOffset + r.Position, $"not a compiled HrPrep pack file of format version {FormatVersion}");
            }

            r.Position = 8;
            int packCount = r.Count();
            var packs = new QuestionPack[packCount];
            for (int pi = 0; pi < packs.Length; pi++)
            {
                string id = r.String(), version = r.String(), title = r.String();
                string? role = r.Optional(), description = r.Optional();
                string language = r.String(), license = r.String();
                var authors = r.List();
                string? disclaimer = r.Optional(), homepage = r.Optional();
                var categories = new Category[r.Count()];
                for (int i = 0; i < categories.Length; i++)
                {
                    categories[i] = new Category(r.String(), r.String(), r.Optional());
                }

                var retired = r.List();
                var packLocation = r.Location();
                var questions = new Question[r.Count()];
                for (int i = 0; i < questions.Length; i++)
                {
                    questions[i] = ReadQuestion(ref r, id);
                }

                packs[pi] = new QuestionPack(id, version, title, role, description, language, license, authors, disclaimer, homepage, ImmutableCollectionsMarshal.AsImmutableArray(categories), retired, ImmutableCollectionsMarshal.AsImmutableArray(questions), packLocation);
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(packs);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw Corrupt(name, baseOffset + r.Position, ex);
        }
    }

    private static Question ReadQuestion(ref Reader r, string packId)
    {
        string id = r.String(), prompt = r.String(), category = r.String();
        var type = (QuestionType)r.Byte();
        var level = (QuestionLevel)r.Byte();
        var origin = (QuestionOrigin)r.Byte();
        var tags = r.List();
        Scenario? scenario = null;
        if (r.Byte() != 0)
        {
            string text = r.String();
            ScenarioTable? table = null;
            if (r.Byte() != 0)
            {
                string? caption = r.Optional();
                var columns = r.List();
                var rows = new ImmutableArray<string>[r.Count()];
                for (int i = 0; i < rows.Length; i++)
                {
                    rows[i] = r.List();
                }

                table = new ScenarioTable(caption, columns, ImmutableCollectionsMarshal.AsImmutableArray(rows));
            }

            scenario = new Scenario(text, table);
        }

        var answer = new ModelAnswer(r.String(), r.List());
        var followUps = r.List();
        var lookFor = r.List();
        var redFlags = r.List();
        string? jurisdiction = r.Optional();
        var sources = new SourceReference[r.Count()];
        for (int i = 0; i < sources.Length; i++)
        {
            sources[i] = new SourceReference(r.String(), r.Optional());
        }

        var related = r.List();
        // Dates are stored as day number + 1, 0 for none.
        int verified = r.Count();
        DateOnly? lastVerified = verified == 0 ? null : DateOnly.FromDayNumber(verified - 1);
        int reviewBy = r.Count();
        DateOnly? reviewByDay = reviewBy == 0 ? null : DateOnly.FromDayNumber(reviewBy - 1);
        PromptAttribution? attribution = r.Byte() != 0 ? new PromptAttribution(r.String(), r.Optional()) : null;
        return new Question(id, packId, prompt, category, type, level, origin, tags, scenario, answer, followUps, lookFor, redFlags, jurisdiction, ImmutableCollectionsMarshal.AsImmutableArray(sources), related, lastVerified, reviewByDay, attribution, r.Location());
    }

    private static PackLoadException Corrupt(string name, long offset, Exception ex) =>
        Invalid(name, offset, $"the compiled pack data is corrupt ({(ex is IndexOutOfRangeException or ArgumentOutOfRangeException ? nameof(EndOfStreamException) : ex.GetType().Name)})");

    private static PackLoadException Invalid(string name, long offset, string message) =>
        new([new Diagnostic(name, 1, (int)Math.Min(offset + 1, int.MaxValue), DiagnosticSeverity.Error, DiagnosticCodes.EmbeddedPacks, $"{message} at byte {offset}")]);

    /// <summary>A cursor over the compiled bytes. Reading past the end throws <see cref="IndexOutOfRangeException"/> or <see cref="ArgumentOutOfRangeException"/>.</summary>
    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> data = data;

        public int Position;

        public byte Byte()
        {
            byte b = data[Position];
            Position++;
            return b;
        }

        /// <summary>A non-negative 7-bit encoded int (as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it).</summary>
        public int Count()
        {
            uint result = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                byte b = Byte();
                if (shift == 28 && b > 0x0F)
                {
                    throw new FormatException("bad 7-bit encoded int");
                }

                result |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return result <= int.MaxValue ? (int)result : throw new FormatException("negative length");
                }
            }

            throw new FormatException("bad 7-bit encoded int");
        }

        public string String()
        {
            int n = Count();
            if (n == 0)
            {
                return string.Empty;
            }

            string s = Encoding.UTF8.GetString(data.Slice(Position, n));
            Position += n;
            return s;
        }

        public string? Optional() => Byte() != 0 ? String() : null;

        public ImmutableArray<string> List()
        {
            int n = Count();
            if (n == 0)
            {
                return [];
            }

            var items = new string[n];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = String();
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(items);
        }

        public SourceLocation Location() => new(String(), Count(), Count());
    }
}
