using Xunit;

namespace HrPrep.Tests.Shared;

/// <summary>
/// Golden-file (snapshot) assertions. Golden files live in <c>tests/golden/</c> and are reviewed
/// like code. A mismatch fails with both texts. A missing golden file fails too: locally it is
/// written first so it can be reviewed and committed; under <c>CI=true</c> nothing is written.
/// Set <c>HRPREP_UPDATE_GOLDEN=1</c> to rewrite changed golden files deliberately.
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual)
    {
        string path = Repo.PathOf("tests", "golden", name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        bool update = Environment.GetEnvironmentVariable("HRPREP_UPDATE_GOLDEN") == "1";
        if (!File.Exists(path))
        {
            if (!ci)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual);
            }

            Assert.Fail($"golden file tests/golden/{name} was missing{(ci ? " (CI: not created)" : "; it has been written: review and commit it")}");
        }

        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual && update && !ci)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.Equal(expected, actual);
    }
}
