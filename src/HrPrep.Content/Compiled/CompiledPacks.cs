using System.Collections.Immutable;
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
/// </summary>
internal static class CompiledPacks
{
    /// <summary>The logical name of the embedded resource.</summary>
    public const string ResourceName = "HrPrep.Content.packs.bin";

    private const int FormatVersion = 2;
    private static readonly byte[] Magic = "HRPK"u8.ToArray();

    /// <exception cref="PackLoadException">The data is not a valid compiled pack file.</exception>
    public static ImmutableArray<QuestionPack> Read(Stream stream, string name)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!r.ReadBytes(4).AsSpan().SequenceEqual(Magic) || r.ReadInt32() != FormatVersion)
            {
                throw Invalid(name, stream, $"not a compiled HrPrep pack file of format version {FormatVersion}");
            }

            int packCount = r.Read7BitEncodedInt();
            var packs = ImmutableArray.CreateBuilder<QuestionPack>(packCount);
            for (int pi = 0; pi < packCount; pi++)
            {
                string id = r.ReadString(), version = r.ReadString(), title = r.ReadString();
                string? role = Opt(r), description = Opt(r);
                string language = r.ReadString(), license = r.ReadString();
                var authors = List(r);
                string? disclaimer = Opt(r), homepage = Opt(r);
                var categories = ImmutableArray.CreateBuilder<Category>(r.Read7BitEncodedInt());
                for (int i = categories.Capacity; i > 0; i--)
                {
                    categories.Add(new Category(r.ReadString(), r.ReadString(), Opt(r)));
                }

                var retired = List(r);
                var packLocation = Location(r);
                var questions = ImmutableArray.CreateBuilder<Question>(r.Read7BitEncodedInt());
                for (int i = questions.Capacity; i > 0; i--)
                {
                    questions.Add(ReadQuestion(r, id));
                }

                packs.Add(new QuestionPack(id, version, title, role, description, language, license, authors, disclaimer, homepage, categories.MoveToImmutable(), retired, questions.MoveToImmutable(), packLocation));
            }

            return packs.MoveToImmutable();
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or IOException or ArgumentException or InvalidOperationException)
        {
            throw Invalid(name, stream, $"the compiled pack data is corrupt ({ex.GetType().Name})");
        }
    }

    private static Question ReadQuestion(BinaryReader r, string packId)
    {
        string id = r.ReadString(), prompt = r.ReadString(), category = r.ReadString();
        var type = (QuestionType)r.ReadByte();
        var level = (QuestionLevel)r.ReadByte();
        var origin = (QuestionOrigin)r.ReadByte();
        var tags = List(r);
        Scenario? scenario = null;
        if (r.ReadBoolean())
        {
            string text = r.ReadString();
            ScenarioTable? table = null;
            if (r.ReadBoolean())
            {
                string? caption = Opt(r);
                var columns = List(r);
                var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>(r.Read7BitEncodedInt());
                for (int i = rows.Capacity; i > 0; i--)
                {
                    rows.Add(List(r));
                }

                table = new ScenarioTable(caption, columns, rows.MoveToImmutable());
            }

            scenario = new Scenario(text, table);
        }

        var answer = new ModelAnswer(r.ReadString(), List(r));
        var followUps = List(r);
        var lookFor = List(r);
        var redFlags = List(r);
        string? jurisdiction = Opt(r);
        var sources = ImmutableArray.CreateBuilder<SourceReference>(r.Read7BitEncodedInt());
        for (int i = sources.Capacity; i > 0; i--)
        {
            sources.Add(new SourceReference(r.ReadString(), Opt(r)));
        }

        var related = List(r);
        int verified = r.Read7BitEncodedInt();
        int reviewBy = r.Read7BitEncodedInt();
        PromptAttribution? attribution = r.ReadBoolean() ? new PromptAttribution(r.ReadString(), Opt(r)) : null;
        return new Question(id, packId, prompt, category, type, level, origin, tags, scenario, answer, followUps, lookFor, redFlags, jurisdiction, sources.MoveToImmutable(), related, Day(verified), Day(reviewBy), attribution, Location(r));
    }

    private static DateOnly? Day(int stored) => stored == 0 ? null : DateOnly.FromDayNumber(stored - 1);

    private static PackLoadException Invalid(string name, Stream stream, string message)
    {
        long offset = stream.CanSeek ? stream.Position : 0;
        return new PackLoadException([new Diagnostic(name, 1, (int)Math.Min(offset + 1, int.MaxValue), DiagnosticSeverity.Error, DiagnosticCodes.EmbeddedPacks, $"{message} at byte {offset}")]);
    }

    private static string? Opt(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static ImmutableArray<string> List(BinaryReader r)
    {
        int n = r.Read7BitEncodedInt();
        if (n == 0)
        {
            return [];
        }

        var items = new string[n];
        for (int i = 0; i < n; i++)
        {
            items[i] = r.ReadString();
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    private static SourceLocation Location(BinaryReader r) => new(r.ReadString(), r.Read7BitEncodedInt(), r.Read7BitEncodedInt());
}
