using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Content.Tests;

/// <summary><see cref="QuestionBank.LoadAsync(IEnumerable{string}, CancellationToken)"/> and the stream overload: same result as the synchronous readers, cancellation observed.</summary>
public class LoadAsyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertSameBank(QuestionBank expected, QuestionBank actual)
    {
        Assert.Equal(expected.ContentVersion, actual.ContentVersion);
        Assert.Equal<QuestionPack>(expected.Packs, actual.Packs); // value equality: every field of every pack and question
        Assert.Equal(expected.Questions.Select(q => q.Location), actual.Questions.Select(q => q.Location));
        Assert.Equal(expected.Packs.Select(p => p.Location), actual.Packs.Select(p => p.Location));
    }

    [Fact]
    public async Task Paths_give_the_same_bank_as_FromFiles()
    {
        string[] paths = [Repo.MiniPack, Repo.ShippedPack];
        var sync = QuestionBank.FromFiles(paths);
        var loaded = await QuestionBank.LoadAsync(paths, Ct);
        Assert.True(loaded.Questions.Length > 200);
        AssertSameBank(sync, loaded);
    }

    [Fact]
    public async Task Streams_give_the_same_bank_as_FromStreams()
    {
        var files = Directory.GetFiles(Repo.MiniPack, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var sync = QuestionBank.FromStreams(files.Select(f => new KeyValuePair<string, Stream>(f, new MemoryStream(File.ReadAllBytes(f)))));
        var streams = files.Select(f => new KeyValuePair<string, Stream>(f, new MemoryStream(File.ReadAllBytes(f)))).ToList();
        var loaded = await QuestionBank.LoadAsync(streams, cancellationToken: Ct);
        AssertSameBank(sync, loaded);
        Assert.All(streams, s => Assert.True(s.Value.CanRead, "LoadAsync closed a caller's stream"));
    }

    [Fact]
    public async Task Bad_input_gives_the_same_located_problems_as_FromFiles()
    {
        using var dir = new TempDir();
        dir.File("a.yaml", "pack: {id: Bad}\n");
        dir.File("b.yaml", "a: &x 1\n");
        dir.File("big/c.yaml", new string('#', 200_000) + "\n");
        string missing = Path.Combine(dir.Path, "missing.yaml");
        var options = new YamlReaderOptions { MaxFileBytes = 100_000 };
        var sync = Assert.Throws<PackLoadException>(() => QuestionBank.FromFiles([dir.Path, missing], options));
        var async = await Assert.ThrowsAsync<PackLoadException>(() => QuestionBank.LoadAsync([dir.Path, missing], options, Ct));
        Assert.Equal<Diagnostic>(sync.Diagnostics, async.Diagnostics);
        Assert.Contains(async.Diagnostics, d => d.Code == "IO001" && d.Path == missing);
        Assert.Contains(async.Diagnostics, d => d.Code == "YAML005");
        Assert.Equal(sync.Message, async.Message);

        // The non-throwing reader: the same packs and every diagnostic, warnings included.
        var read = PackReader.ReadPaths([dir.Path, missing, Repo.MiniPack], options);
        var readAsync = await PackReader.ReadPathsAsync([dir.Path, missing, Repo.MiniPack], options, Ct);
        Assert.Equal<Diagnostic>(read.Diagnostics, readAsync.Diagnostics);
        Assert.Equal<QuestionPack>(read.Packs, readAsync.Packs);
        Assert.Single(readAsync.Packs);
    }

    [Fact]
    public async Task An_already_cancelled_token_reads_nothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var stream = new GatedStream(Text("a"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => QuestionBank.LoadAsync([Repo.MiniPack], cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => QuestionBank.LoadAsync([new KeyValuePair<string, Stream>("a.yaml", stream)], cancellationToken: cts.Token));
        Assert.Equal(0, stream.Reads);
    }

    [Fact]
    public async Task Cancellation_during_a_read_stops_the_load_before_the_next_stream()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var first = new GatedStream(Text("mini/pack.yaml"));
        var second = new GatedStream(Text("mini/questions.yaml"));
        var load = QuestionBank.LoadAsync([new("mini/pack.yaml", first), new KeyValuePair<string, Stream>("mini/questions.yaml", second)], cancellationToken: cts.Token);

        await first.Started.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(load.IsCompleted, "the load finished while its first read was still pending: the read is not asynchronous");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => load);
        Assert.Equal(0, second.Reads);
    }

    [Fact]
    public async Task A_pending_read_keeps_the_load_pending_until_data_arrives()
    {
        var pack = new GatedStream(File.ReadAllBytes(Path.Combine(Repo.MiniPack, "pack.yaml")));
        var questions = new GatedStream(File.ReadAllBytes(Path.Combine(Repo.MiniPack, "questions.yaml")));
        var load = QuestionBank.LoadAsync([new("mini/pack.yaml", pack), new KeyValuePair<string, Stream>("mini/questions.yaml", questions)], cancellationToken: Ct);
        await pack.Started.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(load.IsCompleted);
        pack.Open();
        questions.Open();
        var bank = await load;
        Assert.Equal<QuestionPack>(QuestionBank.FromDirectory(Repo.MiniPack).Packs, bank.Packs);
    }

    private static byte[] Text(string name) => System.Text.Encoding.UTF8.GetBytes($"# {name}\n");

    /// <summary>A stream whose asynchronous reads wait until it is opened (or the read is cancelled).</summary>
    private sealed class GatedStream(byte[] data) : Stream
    {
        private readonly MemoryStream inner = new(data);
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Reads { get; private set; }

        public Task Started => started.Task;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Open() => gate.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            started.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return inner.Read(buffer.Span);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("LoadAsync must read asynchronously");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
