using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>One question as an Anki note: GUID, deck, HTML fields, tags and modification time.</summary>
/// <param name="Guid">The note GUID (<see cref="AnkiNoteType.GuidFor"/>).</param>
/// <param name="Deck">The deck name, <c>HR Prep::pack title::category title</c>.</param>
/// <param name="Fields">The field values (HTML) in <see cref="AnkiNoteType.FieldNames"/> order.</param>
/// <param name="Tags">The tags, without spaces.</param>
/// <param name="Mod">The note's modification time in seconds (<see cref="AnkiNoteType.ModFor"/>).</param>
public sealed record AnkiNote(string Guid, string Deck, IReadOnlyList<string> Fields, IReadOnlyList<string> Tags, long Mod);

/// <summary>
/// The "HrPrep Question" note type shared by the <c>anki</c> and <c>anki-text</c> exports: fixed ids,
/// fields, templates and CSS, and the rules that turn a question into a note. The ids and the field
/// list are published: never change them (add a new note type instead); when the templates or CSS
/// change, raise <see cref="ModelMod"/> so Anki updates the note type.
/// </summary>
public static class AnkiNoteType
{
    /// <summary>The note type's fixed id.</summary>
    public const long ModelId = 1764000000001;

    /// <summary>The note type's name.</summary>
    public const string ModelName = "HrPrep Question";

    /// <summary>The note type's modification time (seconds); raise it when templates or CSS change.</summary>
    public const long ModelMod = 1764115200;

    /// <summary>The root deck name.</summary>
    public const string RootDeck = "HR Prep";

    /// <summary>Field names in order. Published: never change.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
    [
        "Prompt", "Scenario", "Answer", "Key points", "Follow-ups", "Look for", "Red flags", "Sources",
        "Category", "Level", "Type", "Jurisdiction", "Id", "Add reverse",
    ];

    /// <summary>Fixed field ids (Anki 2.1.67+ merges note types by them), in <see cref="FieldNames"/> order.</summary>
    public static IReadOnlyList<long> FieldIds { get; } =
    [
        4190373410526812001, 4190373410526812002, 4190373410526812003, 4190373410526812004, 4190373410526812005,
        4190373410526812006, 4190373410526812007, 4190373410526812008, 4190373410526812009, 4190373410526812010,
        4190373410526812011, 4190373410526812012, 4190373410526812013, 4190373410526812014,
    ];

    /// <summary>Template names in order: the forward card and the optional reverse card.</summary>
    public static IReadOnlyList<string> TemplateNames { get; } = ["Question → answer", "Answer → question"];

    /// <summary>Fixed template ids, in <see cref="TemplateNames"/> order.</summary>
    public static IReadOnlyList<long> TemplateIds { get; } = [5274512390117340001, 5274512390117340002];

    /// <summary>Index of the field that switches the reverse card on ("y") or off (empty).</summary>
    public const int ReverseField = 13;

    /// <summary>Index of the answer field.</summary>
    public const int AnswerField = 2;

    private const string Meta = """<div class="hp-meta"><span class="hp-chip">{{Category}}</span><span class="hp-chip">{{Level}}</span><span class="hp-chip">{{Type}}</span></div>""";

    private const string Front = """<div class="hp-prompt">{{Prompt}}</div>{{#Scenario}}<div class="hp-scenario">{{Scenario}}</div>{{/Scenario}}""";

    /// <summary>Front of the forward card.</summary>
    public const string ForwardFront = "<div class=\"hp-card\">" + Meta + Front + "</div>";

    /// <summary>Back of the forward card.</summary>
    public const string ForwardBack = """
        {{FrontSide}}
        <hr id="answer">
        <div class="hp-card hp-back">
        <div class="hp-answer">{{Answer}}</div>
        {{#Key points}}<h3>Key points</h3><div class="hp-list">{{Key points}}</div>{{/Key points}}
        {{#Follow-ups}}<h3>Follow-up questions</h3><div class="hp-list">{{Follow-ups}}</div>{{/Follow-ups}}
        {{#Look for}}<h3>What interviewers listen for</h3><div class="hp-list">{{Look for}}</div>{{/Look for}}
        {{#Red flags}}<h3>Red flags</h3><div class="hp-list hp-red">{{Red flags}}</div>{{/Red flags}}
        {{#Jurisdiction}}<p class="hp-note">Jurisdiction: {{Jurisdiction}}. Study material, not legal advice.</p>{{/Jurisdiction}}
        {{#Sources}}<details class="hp-sources"><summary>Sources</summary>{{Sources}}</details>{{/Sources}}
        <div class="hp-id">{{Id}}</div>
        </div>
        """;

    /// <summary>Front of the reverse card: shown only when "Add reverse" is not empty.</summary>
    public const string ReverseFront = "{{#Add reverse}}<div class=\"hp-card\">" + Meta + "<div class=\"hp-label\">Which interview question does this answer?</div><div class=\"hp-answer\">{{Answer}}</div></div>{{/Add reverse}}";

    /// <summary>Back of the reverse card.</summary>
    public const string ReverseBack = "{{FrontSide}}\n<hr id=\"answer\">\n<div class=\"hp-card hp-back\">" + Front + "<div class=\"hp-id\">{{Id}}</div></div>";

    /// <summary>The card CSS: readable on desktop and phone, light and night mode.</summary>
    public const string Css = """
        .card { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 18px; line-height: 1.5; text-align: left; color: #1f2328; background: #ffffff; margin: 0; padding: 0; }
        .hp-card { max-width: 42em; margin: 0 auto; padding: 1em 1.1em; }
        .hp-meta { margin-bottom: .6em; }
        .hp-chip { display: inline-block; font-size: .72em; letter-spacing: .02em; text-transform: uppercase; color: #57606a; border: 1px solid #d0d7de; border-radius: 1em; padding: .05em .7em; margin: 0 .35em .3em 0; }
        .hp-prompt { font-size: 1.25em; font-weight: 600; }
        .hp-label { color: #57606a; font-style: italic; margin-bottom: .4em; }
        .hp-scenario { margin-top: .8em; padding: .6em .9em; background: #f6f8fa; border-left: 4px solid #8c959f; border-radius: 4px; }
        .hp-answer p:first-child { margin-top: 0; }
        .hp-card h3 { font-size: .95em; margin: 1.1em 0 .3em; color: #0b5cad; }
        .hp-list ul { margin: .2em 0; padding-left: 1.3em; }
        .hp-list li { margin: .15em 0; }
        .hp-red h3, .hp-red li::marker { color: #cf222e; }
        .hp-note { font-size: .85em; color: #9a6700; }
        .hp-sources { font-size: .85em; margin-top: 1em; color: #57606a; }
        .hp-id { font-size: .7em; color: #8c959f; margin-top: 1.2em; text-align: right; }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        .hp-card table { border-collapse: collapse; margin: .6em 0; font-size: .9em; }
        .hp-card caption { text-align: left; font-style: italic; padding-bottom: .2em; }
        .hp-card th, .hp-card td { border: 1px solid #d0d7de; padding: .25em .6em; }
        .hp-card code { background: rgba(175,184,193,.25); border-radius: 4px; padding: .1em .3em; }
        hr#answer { border: 0; border-top: 1px solid #d0d7de; margin: 1em 0; }
        .nightMode.card, .night_mode .card { color: #e6edf3; background: #0d1117; }
        .nightMode .hp-chip, .night_mode .hp-chip { color: #9198a1; border-color: #3d444d; }
        .nightMode .hp-scenario, .night_mode .hp-scenario { background: #161b22; border-left-color: #3d444d; }
        .nightMode .hp-card h3, .night_mode .hp-card h3 { color: #4493f8; }
        .nightMode .hp-card th, .nightMode .hp-card td, .night_mode .hp-card th, .night_mode .hp-card td { border-color: #3d444d; }
        @media (max-width: 600px) { .card { font-size: 17px; } .hp-card { padding: .7em .8em; } .hp-prompt { font-size: 1.15em; } .hp-card table { font-size: .78em; } .hp-card th, .hp-card td { padding: .2em .4em; } }
        """;

    private const string Base91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

    private static readonly ConditionalWeakTable<QuestionPack, StrongBox<DateOnly?>> LatestVerifiedCache = new();

    private static readonly long UndatedBase = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>
    /// The note GUID: as genanki's <c>guid_for("hrprep", packId, questionId)</c> (base-91 of the first
    /// 8 bytes of SHA-256 of <c>hrprep__pack__id</c>). Depends on nothing else, so edits update the note.
    /// </summary>
    public static string GuidFor(string packId, string questionId)
    {
        ulong value = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"hrprep__{packId}__{questionId}")));
        var chars = new Stack<char>();
        while (value > 0)
        {
            chars.Push(Base91[(int)(value % 91)]);
            value /= 91;
        }

        return new string([.. chars]);
    }

    /// <summary>
    /// The note's modification time in seconds: midnight UTC of the question's <c>lastVerified</c>
    /// date (1 January 2024 when it has none) plus a content hash modulo 86,400. The same content gives
    /// the same value; a change made together with a later <c>lastVerified</c> date always gives a
    /// larger value, which is what makes Anki update the note.
    /// </summary>
    public static long ModFor(DateOnly? lastVerified, IEnumerable<string> fields, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(tags);
        // SHA-256 of the UTF-8 of: fields joined by U+001F, then U+001E, then tags joined by spaces.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            void Append(string text)
            {
                int max = Encoding.UTF8.GetMaxByteCount(text.Length);
                if (max > buffer.Length)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
                }

                sha.AppendData(buffer, 0, Encoding.UTF8.GetBytes(text, buffer));
            }

            bool first = true;
            foreach (var field in fields)
            {
                if (!first)
                {
                    Append("\u001f");
                }

                Append(field);
                first = false;
            }

            Append("\u001e");
            first = true;
            foreach (var tag in tags)
            {
                if (!first)
                {
                    Append(" ");
                }

                Append(tag);
                first = false;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        ulong hash = BinaryPrimitives.ReadUInt64BigEndian(sha.GetHashAndReset());
        long day = lastVerified is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds() : UndatedBase;
        return day + (long)(hash % 86_400);
    }

    /// <summary>The deck of a question: <c>HR Prep::pack title::category title</c> (a <c>::</c> inside a title becomes <c>:</c>).</summary>
    public static string DeckFor(QuestionPack pack, Category category)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(category);
        return $"{RootDeck}::{DeckPart(pack.Title)}::{DeckPart(category.Title)}";
    }

    /// <summary>
    /// The tags of a question: <c>hrprep::level::L</c>, <c>hrprep::type::T</c>,
    /// <c>hrprep::category::C</c> and <c>hrprep::tag::X</c> for each own tag; whitespace in a tag
    /// becomes <c>_</c>.
    /// </summary>
    public static IReadOnlyList<string> TagsFor(Question q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var tags = new List<string>
        {
            "hrprep::level::" + q.Level.ToSchemaName(),
            "hrprep::type::" + q.Type.ToSchemaName(),
            "hrprep::category::" + SafeTag(q.Category),
        };
        tags.AddRange(q.Tags.Select(t => "hrprep::tag::" + SafeTag(t)));
        return tags.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Makes a tag safe for Anki: whitespace and control characters become <c>_</c>; empty becomes <c>_</c>.</summary>
    public static string SafeTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var sb = new StringBuilder(tag.Length);
        foreach (char c in tag.Trim())
        {
            sb.Append(char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c);
        }

        return sb.Length == 0 ? "_" : sb.ToString();
    }

    /// <summary>Builds the note of a question.</summary>
    public static AnkiNote NoteFor(Question q, QuestionPack pack, Category category, bool reverse)
    {
        ArgumentNullException.ThrowIfNull(q);
        string[] fields =
        [
            SafeHtml.EscapeLines(q.Prompt),
            SafeHtml.Scenario(q.Scenario),
            SafeHtml.Markdown(q.Answer.Summary),
            SafeHtml.List(q.Answer.KeyPoints),
            SafeHtml.List(q.FollowUps),
            SafeHtml.List(q.LookFor),
            SafeHtml.List(q.RedFlags),
            SafeHtml.Sources(q.Sources),
            SafeHtml.Escape(category.Title),
            SafeHtml.Escape(q.Level.ToSchemaName()),
            SafeHtml.Escape(q.Type.ToSchemaName()),
            q.Jurisdiction is null || string.Equals(q.Jurisdiction, "global", StringComparison.Ordinal) ? string.Empty : SafeHtml.Escape(q.Jurisdiction),
            SafeHtml.Escape(q.Id),
            string.Empty,
        ];
        var tags = TagsFor(q);

        // The reverse switch is not part of the content hash: turning it on does not make Anki overwrite notes.
        // The day is the pack's latest lastVerified date (not the question's own): a release that
        // verifies anything moves every note of the pack forward, so every changed note reaches
        // existing decks, including rewritten questions whose own date did not move (or was removed).
        long mod = ModFor(LatestVerified(pack) ?? q.LastVerified, fields, tags);
        fields[ReverseField] = reverse ? "y" : string.Empty;
        return new AnkiNote(GuidFor(q.PackId, q.Id), DeckFor(pack, category), fields, tags, mod);
    }

    /// <summary>
    /// The latest <c>lastVerified</c> date of any question in the pack (null when none has one): the
    /// modification day of every note of the pack (see <see cref="NoteFor"/>).
    /// </summary>
    public static DateOnly? LatestVerified(QuestionPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return LatestVerifiedCache.GetValue(pack, static p =>
        {
            DateOnly? latest = null;
            foreach (var question in p.Questions)
            {
                if (question.LastVerified is { } d && (latest is null || d > latest))
                {
                    latest = d;
                }
            }

            return new StrongBox<DateOnly?>(latest);
        }).Value;
    }

    /// <summary>Anki's note checksum: the first 4 bytes of SHA-1 of the first field without HTML, as an integer.</summary>
    public static long Checksum(string firstFieldText)
    {
        ArgumentNullException.ThrowIfNull(firstFieldText);
        return BinaryPrimitives.ReadUInt32BigEndian(SHA1.HashData(Encoding.UTF8.GetBytes(firstFieldText)));
    }

    private static string DeckPart(string title)
    {
        string flat = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        while (flat.Contains("::", StringComparison.Ordinal))
        {
            flat = flat.Replace("::", ":", StringComparison.Ordinal);
        }

        return flat.Length == 0 ? "_" : flat;
    }

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
