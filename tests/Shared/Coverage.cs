using Xunit;

namespace HrPrep.Tests.Shared;

/// <summary>
/// Counts how many generated cases of a property test took the path the test is about, so that a
/// property cannot pass vacuously (for example when nearly every generated merge fails early).
/// Thread-safe: CsCheck runs cases in parallel.
/// </summary>
internal sealed class Coverage(string path)
{
    private int total;
    private int exercised;

    /// <summary>Counts one generated case; <paramref name="took"/> says whether it took the path.</summary>
    public void Count(bool took)
    {
        Interlocked.Increment(ref total);
        if (took)
        {
            Interlocked.Increment(ref exercised);
        }
    }

    /// <summary>Fails unless at least <paramref name="share"/> of the counted cases took the path.</summary>
    public void AssertAtLeast(double share)
    {
        Assert.True(
            total > 0 && exercised >= share * total,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"only {exercised} of {total} generated cases ({(total == 0 ? 0 : (double)exercised / total):P0}) {path}; at least {share:P0} must, or the property passes vacuously"));
    }
}
