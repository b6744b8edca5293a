using System.Collections.Immutable;
using System.Text;
using HrPrep.Content;

namespace HrPrep.PackCompiler;

/// <summary>
/// Writes validated packs in the compact binary form that HrPrep.Content embeds and reads back with
/// its internal <c>CompiledPacks.Read</c> (layout described there): magic <c>HRPK</c>, format
/// version 2, then every pack and question field in record order. A test checks that the embedded
/// packs equal the YAML in <c>questions/</c> field by field, so the two sides cannot drift apart.
/// </summary>
internal static class CompiledPacksWriter
{
    private const int FormatVersion = 2;

    public static void Write(Stream stream, IReadOnlyList<QuestionPack> packs)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write("HRPK"u8);
        w.Write(FormatVersion);
        w.Write7BitEncodedInt(packs.Count);
        foreach (var p in packs)
        {
            w.Write(p.Id);
            w.Write(p.Version);
            w.Write(p.Title);
            Opt(w, p.Role);
            Opt(w, p.Description);
            w.Write(p.Language);
            w.Write(p.License);
            List(w, p.Authors);
            Opt(w, p.Disclaimer);
            Opt(w, p.Homepage);
            w.Write7BitEncodedInt(p.Categories.Length);
            foreach (var c in p.Categories)
            {
                w.Write(c.Id);
                w.Write(c.Title);
                Opt(w, c.Description);
            }

            List(w, p.Retired);
            Location(w, p.Location);
            w.Write7BitEncodedInt(p.Questions.Length);
            foreach (var q in p.Questions)
            {
                w.Write(q.Id);
                w.Write(q.Prompt);
                w.Write(q.Category);
                w.Write((byte)q.Type);
                w.Write((byte)q.Level);
                w.Write((byte)q.Origin);
                List(w, q.Tags);
                w.Write(q.Scenario is not null);
                if (q.Scenario is { } s)
                {
                    w.Write(s.Text);
                    w.Write(s.Table is not null);
                    if (s.Table is { } t)
                    {
                        Opt(w, t.Caption);
                        List(w, t.Columns);
                        w.Write7BitEncodedInt(t.Rows.Length);
                        foreach (var row in t.Rows)
                        {
                            List(w, row);
                        }
                    }
                }

                w.Write(q.Answer.Summary);
                List(w, q.Answer.KeyPoints);
                List(w, q.FollowUps);
                List(w, q.LookFor);
                List(w, q.RedFlags);
                Opt(w, q.Jurisdiction);
                w.Write7BitEncodedInt(q.Sources.Length);
                foreach (var src in q.Sources)
                {
                    w.Write(src.Title);
                    Opt(w, src.Url);
                }

                List(w, q.Related);
                w.Write7BitEncodedInt(q.LastVerified?.DayNumber + 1 ?? 0);
                w.Write7BitEncodedInt(q.ReviewBy?.DayNumber + 1 ?? 0);
                w.Write(q.Attribution is not null);
                if (q.Attribution is { } a)
                {
                    w.Write(a.Title);
                    Opt(w, a.Url);
                }

                Location(w, q.Location);
            }
        }
    }

    private static void Opt(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static void List(BinaryWriter w, ImmutableArray<string> values)
    {
        w.Write7BitEncodedInt(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static void Location(BinaryWriter w, SourceLocation at)
    {
        w.Write(at.Path ?? string.Empty);
        w.Write7BitEncodedInt(at.Line);
        w.Write7BitEncodedInt(at.Column);
    }
}
