using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace HrPrep.Packaging.Tests;

public class PackageTests(PackagesFixture packages)
{
    private XDocument Nuspec(string id)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"{id}.{packages.Version}.nupkg"));
        using var stream = zip.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream);
    }

    private static string? Meta(XDocument nuspec, string name) =>
        nuspec.Root!.Elements().First(e => e.Name.LocalName == "metadata").Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    [Theory]
    [InlineData("HrPrep.Content", "MIT AND CC-BY-4.0")]
    [InlineData("HrPrep.Authoring", "MIT")]
    [InlineData("HrPrep.Practice", "MIT")]
    [InlineData("HrPrep.Tool", "MIT")]
    public void Packages_carry_metadata_licences_readme_and_content_version(string id, string licence)
    {
        var nuspec = Nuspec(id);
        Assert.Equal(licence, Meta(nuspec, "license"));
        Assert.Equal("PACKAGE.md", Meta(nuspec, "readme"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(nuspec, "description")));
        Assert.False(string.IsNullOrWhiteSpace(Meta(nuspec, "tags")));
        Assert.Equal($"Content version {packages.Version} (hr-performance-management-specialist {packages.Version}).", Meta(nuspec, "releaseNotes"));
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"{id}.{packages.Version}.nupkg"));
        Assert.NotNull(zip.GetEntry("PACKAGE.md"));
        Assert.NotNull(zip.GetEntry("LICENSE"));
    }

    [Fact]
    public void Content_package_ships_both_frameworks_with_xml_docs_embedded_pdbs_and_the_content_licence()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"HrPrep.Content.{packages.Version}.nupkg"));
        Assert.NotNull(zip.GetEntry("LICENSE-CONTENT.md"));
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.NotNull(zip.GetEntry($"lib/{tfm}/HrPrep.Content.xml"));
            using var dll = new MemoryStream();
            using (var s = zip.GetEntry($"lib/{tfm}/HrPrep.Content.dll")!.Open())
            {
                s.CopyTo(dll);
            }

            dll.Position = 0;
            using var pe = new PEReader(dll);
            Assert.Contains(pe.ReadDebugDirectory(), e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            Assert.Contains(pe.ReadDebugDirectory(), e => e.Type == DebugDirectoryEntryType.Reproducible);
            if (tfm == "net10.0" && OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64)
            {
                // Built on linux-x64: the net10.0 assembly carries ReadyToRun code (cold start of QuestionBank.Default).
                Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "lib/net10.0/HrPrep.Content.dll is not ReadyToRun");
            }

            var md = pe.GetMetadataReader();
            Assert.Contains(md.ManifestResources.Select(h => md.GetString(md.GetManifestResource(h).Name)), n => n == "HrPrep.Content.packs.bin");
        }

        var deps = Nuspec("HrPrep.Content").Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct();
        Assert.Equal(["YamlDotNet"], deps);
    }

    [Fact]
    public void Tool_package_is_a_dotnet_tool_named_dotnet_hrprep()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"HrPrep.Tool.{packages.Version}.nupkg"));
        using var stream = zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        var settings = XDocument.Load(stream);
        Assert.Equal("dotnet-hrprep", settings.Descendants().Single(e => e.Name.LocalName == "Command").Attribute("Name")!.Value);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("PackCompiler", StringComparison.Ordinal));
        if (OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64)
        {
            // Built on linux-x64: the tool and its dependencies carry ReadyToRun code (start-up of every command).
            foreach (var name in new[] { "HrPrep.Tool", "HrPrep.Authoring", "HrPrep.Content", "System.CommandLine", "NJsonSchema", "Newtonsoft.Json", "YamlDotNet", "Markdig" })
            {
                using var dll = new MemoryStream();
                using (var s = zip.GetEntry($"tools/net10.0/any/{name}.dll")!.Open())
                {
                    s.CopyTo(dll);
                }

                dll.Position = 0;
                using var pe = new PEReader(dll);
                Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"tools/net10.0/any/{name}.dll in the tool package is not ReadyToRun");
            }
        }
    }
}
