using System.Reflection;
using System.Text.RegularExpressions;
using HrPrep.Authoring;
using HrPrep.Authoring.Lint;
using HrPrep.Content;
using HrPrep.Tests.Shared;
using HrPrep.Tool.Infrastructure;
using Xunit;

namespace HrPrep.Tool.Tests;

/// <summary>
/// Every diagnostic and error code is a constant (DiagnosticCodes, AuthoringDiagnosticCodes, ToolCodes,
/// RuleDescriptors), every one is documented (README.md or docs/), and no code is spelt out elsewhere in the sources.
/// </summary>
public partial class DiagnosticCodesTests
{
    private static readonly string[] CodeFiles = ["DiagnosticCodes.cs", "AuthoringDiagnosticCodes.cs", "ToolCodes.cs", "RuleDescriptors.cs"];

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static List<string> Codes() =>
        [.. Constants(typeof(DiagnosticCodes)).Concat(Constants(typeof(AuthoringDiagnosticCodes))).Concat(Constants(typeof(ToolCodes))).Concat(RuleDescriptors.All.Select(d => d.Code))];

    public static TheoryData<string> AllCodes() => [.. Codes()];

    private static readonly Lazy<string> Documentation = new(() => string.Join("\n", Repo.DocumentationPages().Select(File.ReadAllText)));

    /// <summary>Codes a documentation range names: "MERGE001–004" names MERGE001 to MERGE004.</summary>
    private static HashSet<string> DocumentedRanges()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Range().Matches(Documentation.Value))
        {
            int from = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            int to = int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
            for (int i = from; i <= to; i++)
            {
                codes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.Groups[1].Value}{i:000}"));
            }
        }

        return codes;
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Every_code_is_documented(string code)
    {
        bool named = Regex.IsMatch(Documentation.Value, $@"(?<![A-Za-z0-9_]){Regex.Escape(code)}(?![A-Za-z0-9_])");
        Assert.True(named || DocumentedRanges().Contains(code), $"{code} is not documented in README.md or docs/");
    }

    [Fact]
    public void Codes_are_unique_across_the_catalogues()
    {
        var codes = Codes();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_reader_code_can_be_explained_and_nothing_else_is_a_reader_code()
    {
        Assert.Equal(
            Constants(typeof(DiagnosticCodes)).Append(AuthoringDiagnosticCodes.Schema).Order(StringComparer.Ordinal),
            RuleCatalogue.ReaderCodes.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.All(RuleCatalogue.ReaderCodes, c => Assert.True(RuleCatalogue.IsReaderCode(c.Code), c.Code));
        Assert.All(RuleDescriptors.All, d => Assert.False(RuleCatalogue.IsReaderCode(d.Code), d.Code));
    }

    [Fact]
    public void No_code_is_spelt_out_outside_its_catalogue()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.PathOf("src"), "*.cs", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            if (rel.Contains("/obj/", StringComparison.Ordinal) || rel.Contains("/bin/", StringComparison.Ordinal) || CodeFiles.Contains(Path.GetFileName(file)))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                if (NumberedCodeLiteral().IsMatch(lines[i]) || CodeArgument().IsMatch(lines[i]))
                {
                    offenders.Add($"{rel}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "codes spelt out instead of a constant:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"\b([A-Z]+)(\d{3})[–-](\d{3})\b")]
    private static partial Regex Range();

    /// <summary>A quoted code such as "PACK005" or an "error HP301:" inside a message.</summary>
    [GeneratedRegex(@"""[A-Z]+\d{3}""|error [A-Z]+\d{3}:")]
    private static partial Regex NumberedCodeLiteral();

    /// <summary>A literal code passed where a code goes: Fail("X", …), ToolExitException(exit, "X", …), Diagnostic.Error(at, "X", …).</summary>
    [GeneratedRegex(@"(Fail\(|ToolExitException\([^,()""]+, |Diagnostic\.(Error|Warning)\([^;""]*?, )""[A-Z]+""")]
    private static partial Regex CodeArgument();
}
