using System.Globalization;
using System.Text.Json;
using HrPrep.Content;
using Microsoft.Data.Sqlite;

namespace HrPrep.Practice;

/// <summary>One practice review as stored.</summary>
/// <param name="QuestionId">The stable question id.</param>
/// <param name="Category">The question's category when it was reviewed (kept for retired questions).</param>
/// <param name="ReviewedAt">When (UTC).</param>
/// <param name="Rating">The user's self-rating.</param>
/// <param name="Coverage">The scorer's key-point coverage of the answer (0-1), or null when no answer was scored.</param>
/// <param name="ContentVersion">The content version the question came from.</param>
public sealed record ReviewRecord(string QuestionId, string Category, DateTimeOffset ReviewedAt, Rating Rating, double? Coverage, string ContentVersion);

/// <summary>
/// A user's practice progress in a local SQLite file: the FSRS card of each question and every
/// review (rating, coverage, time), keyed by the stable question id, so content updates never lose
/// progress; questions later retired keep their rows. Export and import as JSON. Not thread-safe:
/// one instance per thread.
/// </summary>
public sealed class ProgressStore : IDisposable
{
    /// <summary>The schema version this library writes.</summary>
    public const int SchemaVersion = 1;

    private readonly SqliteConnection connection;

    private ProgressStore(SqliteConnection connection, string path)
    {
        this.connection = connection;
        Path = path;
    }

    /// <summary>
    /// The default file: <c>hrprep/progress.db</c> in the user's local data folder
    /// (<c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows,
    /// <c>~/Library/Application Support</c> on macOS).
    /// </summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "hrprep", "progress.db");

    /// <summary>The file in use.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when missing, with its folder) a store.</summary>
    /// <exception cref="ProgressStoreException">The file is not a progress store, or was written by a newer version.</exception>
    public static ProgressStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            var store = new ProgressStore(connection, full);
            store.Migrate();
            return store;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new ProgressStoreException($"{full}: not a readable progress store ({ex.Message})", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The content version last recorded (see <see cref="NoteContentVersion"/>), or null.</summary>
    public string? ContentVersion => Meta("content_version");

    /// <summary>
    /// Records the content version now in use. Progress is keyed by question id, so nothing is
    /// rewritten: cards of questions no longer in the content stay (see <see cref="RetiredIds"/>).
    /// </summary>
    public void NoteContentVersion(string contentVersion) => SetMeta("content_version", contentVersion);

    /// <summary>The card of a question, or null when it was never reviewed.</summary>
    public ReviewCard? GetCard(string questionId)
    {
        using var cmd = Command("SELECT stability, difficulty, due, last_review, reps, lapses, scheduled_days, elapsed_days, state FROM cards WHERE question_id = $id", ("$id", questionId));
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadCard(r, 0) : null;
    }

    /// <summary>Every card, by question id (ordinal order).</summary>
    public IReadOnlyDictionary<string, ReviewCard> Cards()
    {
        var result = new SortedDictionary<string, ReviewCard>(StringComparer.Ordinal);
        using var cmd = Command("SELECT question_id, stability, difficulty, due, last_review, reps, lapses, scheduled_days, elapsed_days, state FROM cards");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            result[r.GetString(0)] = ReadCard(r, 1);
        }

        return result;
    }

    /// <summary>Every review, oldest first (optionally of one question).</summary>
    public IReadOnlyList<ReviewRecord> Reviews(string? questionId = null)
    {
        var result = new List<ReviewRecord>();
        using var cmd = questionId is null
            ? Command("SELECT question_id, category, reviewed_at, rating, coverage, content_version FROM reviews ORDER BY reviewed_at, id")
            : Command("SELECT question_id, category, reviewed_at, rating, coverage, content_version FROM reviews WHERE question_id = $id ORDER BY reviewed_at, id", ("$id", questionId));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            result.Add(new ReviewRecord(r.GetString(0), r.GetString(1), ParseTime(r.GetString(2)), (Rating)r.GetInt32(3), r.IsDBNull(4) ? null : r.GetDouble(4), r.GetString(5)));
        }

        return result;
    }

    /// <summary>Applies a review with the scheduler and stores the new card and the review in one transaction.</summary>
    /// <returns>The card after the review.</returns>
    public ReviewCard Record(ReviewRecord review, FsrsScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        scheduler ??= FsrsScheduler.Default;
        using var tx = connection.BeginTransaction();
        var card = scheduler.Review(GetCard(review.QuestionId) ?? ReviewCard.New(review.ReviewedAt), review.Rating, review.ReviewedAt);
        PutCard(review.QuestionId, card);
        InsertReview(review);
        tx.Commit();
        return card;
    }

    /// <summary>Ids with progress that are not in <paramref name="bank"/> (retired or from another pack): kept, never deleted.</summary>
    public IReadOnlyList<string> RetiredIds(QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        return [.. Cards().Keys.Where(id => bank.Find(id) is null)];
    }

    /// <summary>Writes the whole store as JSON (format <c>hrprep-progress</c>, version 1).</summary>
    public void Export(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", "hrprep-progress");
        json.WriteNumber("version", SchemaVersion);
        json.WriteString("contentVersion", ContentVersion);
        json.WriteStartArray("cards");
        foreach (var (id, c) in Cards())
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteNumber("stability", c.Stability);
            json.WriteNumber("difficulty", c.Difficulty);
            json.WriteString("due", FormatTime(c.Due));
            json.WriteString("lastReview", c.LastReview is { } l ? FormatTime(l) : null);
            json.WriteNumber("reps", c.Reps);
            json.WriteNumber("lapses", c.Lapses);
            json.WriteNumber("scheduledDays", c.ScheduledDays);
            json.WriteNumber("elapsedDays", c.ElapsedDays);
            json.WriteString("state", c.State == CardState.New ? "new" : "review");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("reviews");
        foreach (var r in Reviews())
        {
            json.WriteStartObject();
            json.WriteString("id", r.QuestionId);
            json.WriteString("category", r.Category);
            json.WriteString("at", FormatTime(r.ReviewedAt));
            json.WriteNumber("rating", (int)r.Rating);
            if (r.Coverage is { } cov)
            {
                json.WriteNumber("coverage", cov);
            }
            else
            {
                json.WriteNull("coverage");
            }

            json.WriteString("contentVersion", r.ContentVersion);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Merges an export into this store in one transaction: reviews not already present (same id and
    /// time) are added; a card is taken when this store has none for the id or an older last review.
    /// </summary>
    /// <returns>How many reviews were added.</returns>
    /// <exception cref="ProgressStoreException">The JSON is not a progress export this version reads; nothing is changed.</exception>
    public int Import(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(input);
        }
        catch (JsonException ex)
        {
            throw new ProgressStoreException($"not JSON: {ex.Message}", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var f) || f.GetString() != "hrprep-progress")
            {
                throw new ProgressStoreException("not an hrprep progress export (missing \"format\": \"hrprep-progress\")");
            }

            if (!root.TryGetProperty("version", out var v) || v.GetInt32() > SchemaVersion)
            {
                throw new ProgressStoreException($"progress export version {(root.TryGetProperty("version", out var vv) ? vv.ToString() : "?")} is not supported (this version reads up to {SchemaVersion})");
            }

            using var tx = connection.BeginTransaction();
            int added = 0;
            try
            {
                foreach (var c in root.GetProperty("cards").EnumerateArray())
                {
                    string id = Required(c, "id");
                    var card = new ReviewCard(
                        c.GetProperty("stability").GetDouble(),
                        c.GetProperty("difficulty").GetDouble(),
                        ParseTime(Required(c, "due")),
                        c.GetProperty("lastReview").GetString() is { } l ? ParseTime(l) : null,
                        c.GetProperty("reps").GetInt32(),
                        c.GetProperty("lapses").GetInt32(),
                        c.GetProperty("scheduledDays").GetInt32(),
                        c.GetProperty("elapsedDays").GetInt32(),
                        c.GetProperty("state").GetString() == "new" ? CardState.New : CardState.Review);
                    var mine = GetCard(id);
                    if (mine is null || (mine.LastReview ?? DateTimeOffset.MinValue) < (card.LastReview ?? DateTimeOffset.MinValue))
                    {
                        PutCard(id, card);
                    }
                }

                foreach (var r in root.GetProperty("reviews").EnumerateArray())
                {
                    int rating = r.GetProperty("rating").GetInt32();
                    if (rating is < 1 or > 4)
                    {
                        throw new FormatException($"rating {rating} is not 1-4");
                    }

                    var review = new ReviewRecord(
                        Required(r, "id"),
                        Required(r, "category"),
                        ParseTime(Required(r, "at")),
                        (Rating)rating,
                        r.GetProperty("coverage").ValueKind == JsonValueKind.Null ? null : r.GetProperty("coverage").GetDouble(),
                        Required(r, "contentVersion"));
                    added += InsertReview(review);
                }
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or SqliteException)
            {
                tx.Rollback();
                throw new ProgressStoreException($"malformed progress export: {ex.Message}", ex);
            }

            tx.Commit();
            return added;
        }
    }

    /// <inheritdoc />
    public void Dispose() => connection.Dispose();

    private void Migrate()
    {
        using (var check = Command("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"))
        {
            if ((long)check.ExecuteScalar()! == 0)
            {
                using var create = Command("""
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE cards (question_id TEXT PRIMARY KEY, stability REAL NOT NULL, difficulty REAL NOT NULL, due TEXT NOT NULL,
                        last_review TEXT, reps INTEGER NOT NULL, lapses INTEGER NOT NULL, scheduled_days INTEGER NOT NULL,
                        elapsed_days INTEGER NOT NULL, state INTEGER NOT NULL);
                    CREATE TABLE reviews (id INTEGER PRIMARY KEY AUTOINCREMENT, question_id TEXT NOT NULL, category TEXT NOT NULL,
                        reviewed_at TEXT NOT NULL, rating INTEGER NOT NULL, coverage REAL, content_version TEXT NOT NULL,
                        UNIQUE (question_id, reviewed_at));
                    """);
                create.ExecuteNonQuery();
                SetMeta("schema_version", SchemaVersion.ToString(CultureInfo.InvariantCulture));
            }
        }

        string? version = Meta("schema_version");
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < 1)
        {
            throw new ProgressStoreException($"{Path}: not a progress store (schema_version '{version}')");
        }

        if (v > SchemaVersion)
        {
            throw new ProgressStoreException($"{Path}: written by a newer version (schema {v}; this version reads up to {SchemaVersion})");
        }
    }

    private void PutCard(string id, ReviewCard c)
    {
        using var cmd = Command(
            "INSERT OR REPLACE INTO cards VALUES ($id, $s, $d, $due, $last, $reps, $lapses, $sched, $elapsed, $state)",
            ("$id", id), ("$s", c.Stability), ("$d", c.Difficulty), ("$due", FormatTime(c.Due)), ("$last", c.LastReview is { } l ? FormatTime(l) : null),
            ("$reps", c.Reps), ("$lapses", c.Lapses), ("$sched", c.ScheduledDays), ("$elapsed", c.ElapsedDays), ("$state", (int)c.State));
        cmd.ExecuteNonQuery();
    }

    private int InsertReview(ReviewRecord r)
    {
        using var cmd = Command(
            "INSERT OR IGNORE INTO reviews (question_id, category, reviewed_at, rating, coverage, content_version) VALUES ($id, $cat, $at, $rating, $cov, $cv)",
            ("$id", r.QuestionId), ("$cat", r.Category), ("$at", FormatTime(r.ReviewedAt)), ("$rating", (int)r.Rating), ("$cov", r.Coverage), ("$cv", r.ContentVersion));
        return cmd.ExecuteNonQuery();
    }

    private string? Meta(string key)
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = $k", ("$k", key));
        return cmd.ExecuteScalar() as string;
    }

    private void SetMeta(string key, string value)
    {
        using var cmd = Command("INSERT OR REPLACE INTO meta VALUES ($k, $v)", ("$k", key), ("$v", value));
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private static string Required(JsonElement element, string name) =>
        element.GetProperty(name).GetString() is { Length: > 0 } value ? value : throw new FormatException($"\"{name}\" is missing or empty");

    private static ReviewCard ReadCard(SqliteDataReader r, int o) => new(
        r.GetDouble(o), r.GetDouble(o + 1), ParseTime(r.GetString(o + 2)), r.IsDBNull(o + 3) ? null : ParseTime(r.GetString(o + 3)),
        r.GetInt32(o + 4), r.GetInt32(o + 5), r.GetInt32(o + 6), r.GetInt32(o + 7), (CardState)r.GetInt32(o + 8));

    private static string FormatTime(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>A progress store or export could not be read; the message says why.</summary>
public sealed class ProgressStoreException : Exception
{
    /// <summary>Creates an exception.</summary>
    public ProgressStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with its cause.</summary>
    public ProgressStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
