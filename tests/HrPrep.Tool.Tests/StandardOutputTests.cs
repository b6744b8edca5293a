using System.Text;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>The tool's standard output writer: UTF-8 without a byte-order mark, flushed after every write, in few large writes.</summary>
public class StandardOutputTests
{
    [Fact]
    public void Each_write_reaches_the_stream_at_once_as_utf8_without_a_byte_order_mark()
    {
        var stream = new CountingStream();
        var writer = Program.Buffered(stream);
        writer.Write("é1");
        Assert.Equal("é1"u8.ToArray(), stream.ToArray());
        writer.WriteLine("ü");
        Assert.Equal("é1ü\n"u8.ToArray(), stream.ToArray());
    }

    [Fact]
    public void A_large_block_is_written_in_buffer_sized_chunks_not_256_byte_ones()
    {
        var stream = new CountingStream();
        var writer = Program.Buffered(stream);
        string block = string.Concat(Enumerable.Repeat("questions/pack.yaml:12:5: warning HP201: answer has 74 words\n", 2_000));
        writer.Write(block);
        Assert.Equal(Encoding.UTF8.GetBytes(block), stream.ToArray());
        int expectedWrites = (Encoding.UTF8.GetByteCount(block) + Program.OutputBufferSize - 1) / Program.OutputBufferSize;
        Assert.InRange(stream.Writes, 1, 2 * expectedWrites + 2);

        var console = new CountingStream();
        var small = new StreamWriter(console, new UTF8Encoding(false), 256) { AutoFlush = true };
        small.Write(block);
        Assert.True(console.Writes > 100 * stream.Writes, $"{console.Writes} writes with a 256-byte buffer against {stream.Writes}");
    }

    [Fact]
    public void Writes_from_many_threads_keep_their_lines_whole()
    {
        var stream = new CountingStream();
        var writer = Program.Buffered(stream);
        Parallel.For(0, 400, i => writer.WriteLine(new string((char)('a' + (i % 26)), 300)));
        string[] lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(400, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length == 300 && l.All(c => c == l[0]), "a line was interleaved"));
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }
    }
}
