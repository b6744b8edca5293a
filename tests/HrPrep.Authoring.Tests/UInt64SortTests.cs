using HrPrep.Authoring.Lint.Text;
using Xunit;

namespace HrPrep.Authoring.Tests;

/// <summary>The near-duplicate pass's own sort of 64-bit keys gives exactly Array.Sort's order.</summary>
public class UInt64SortTests
{
    public static TheoryData<string> Shapes => ["random", "few distinct", "sorted", "reversed", "all equal", "extremes", "organ pipe"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sorts_like_Array_Sort_at_every_length(string shape)
    {
        var random = new Random(shape.Length);
        foreach (int length in new[] { 0, 1, 2, 3, 15, 16, 17, 31, 64, 100, 1_000, 20_000 })
        {
            ulong[] values = Make(shape, length, random);
            ulong[] expected = (ulong[])values.Clone();
            Array.Sort(expected);

            ulong[] intro = (ulong[])values.Clone();
            UInt64Sort.Sort(intro);
            Assert.Equal(expected, intro);

            // Depth limit 0: heapsort alone, so that path is checked on every shape too.
            ulong[] heap = (ulong[])values.Clone();
            UInt64Sort.Sort(heap, depthLimit: 0);
            Assert.Equal(expected, heap);

            // A middle slice only: values outside it stay where they were.
            if (length >= 4)
            {
                ulong[] slice = (ulong[])values.Clone();
                UInt64Sort.Sort(slice.AsSpan(1, length - 2));
                ulong[] sliceExpected = (ulong[])values.Clone();
                Array.Sort(sliceExpected, 1, length - 2);
                Assert.Equal(sliceExpected, slice);
            }
        }
    }

    private static ulong[] Make(string shape, int length, Random random)
    {
        var values = new ulong[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = shape switch
            {
                "random" => (ulong)random.NextInt64() * 3UL,
                "few distinct" => (ulong)random.Next(0, 4) << 60,
                "sorted" => (ulong)i * 7,
                "reversed" => (ulong)(length - i),
                "all equal" => 42,
                "extremes" => random.Next(3) switch { 0 => 0, 1 => ulong.MaxValue, _ => 1UL << 63 },
                _ => (ulong)Math.Min(i, length - i),
            };
        }

        return values;
    }
}
