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
    [InlineData("HrPrep.Packs", "MIT")]
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
        Assert.Equal(packages.Version, Meta(nuspec, "version"));
        Assert.Equal($"Content version {packages.ContentVersion} (hr-performance-management-specialist {packages.ContentVersion}).", Meta(nuspec, "releaseNotes"));
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
            // Plain IL on every build host (no ReadyToRun code): the package is the same wherever it is built.
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size == 0, $"lib/{tfm}/HrPrep.Content.dll carries ReadyToRun code");
            Assert.True((pe.PEHeaders.CorHeader.Flags & CorFlags.ILOnly) != 0, $"lib/{tfm}/HrPrep.Content.dll is not IL only");

            var md = pe.GetMetadataReader();
            Assert.Contains(md.ManifestResources.Select(h => md.GetString(md.GetManifestResource(h).Name)), n => n == "HrPrep.Content.packs.bin");
        }

        // The reader moved to HrPrep.Packs: Content depends on it (and through it on YamlDotNet) only.
        var deps = Nuspec("HrPrep.Content").Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct();
        Assert.Equal(["HrPrep.Packs"], deps);
        var packsDeps = Nuspec("HrPrep.Packs").Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct();
        Assert.Equal(["YamlDotNet"], packsDeps);
    }

    /// <summary>The packages that move together depend on each other at exactly the same version, in every framework group.</summary>
    [Theory]
    [InlineData("HrPrep.Content", "HrPrep.Packs")]
    [InlineData("HrPrep.Authoring", "HrPrep.Content,HrPrep.Packs")]
    [InlineData("HrPrep.Practice", "HrPrep.Content")]
    public void Library_packages_pin_each_other_to_the_exact_same_version(string id, string dependsOn)
    {
        var groups = Nuspec(id).Descendants().Where(e => e.Name.LocalName == "group").ToList();
        Assert.Equal(["net10.0", "net8.0"], groups.Select(g => g.Attribute("targetFramework")!.Value).Order(StringComparer.Ordinal));
        foreach (var group in groups)
        {
            var ours = group.Elements().Where(e => e.Attribute("id")!.Value.StartsWith("HrPrep.", StringComparison.Ordinal))
                .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);
            Assert.Equal(dependsOn.Split(','), ours.Keys.Order(StringComparer.Ordinal));
            Assert.All(ours.Values, range => Assert.Equal($"[{packages.Version}]", range));
        }
    }

    [Fact]
    public void Packs_package_ships_both_frameworks_with_xml_docs_and_no_internals_granted_to_shipped_assemblies()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"HrPrep.Packs.{packages.Version}.nupkg"));
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.NotNull(zip.GetEntry($"lib/{tfm}/HrPrep.Packs.xml"));
        }

        // No shipped assembly grants another access to its internals (tests and benches only).
        string[] shipped = ["HrPrep.Packs", "HrPrep.Content", "HrPrep.Authoring", "HrPrep.Practice", "HrPrep.Tool"];
        foreach (var id in shipped.Take(4))
        {
            using var package = ZipFile.OpenRead(Path.Combine(packages.Feed, $"{id}.{packages.Version}.nupkg"));
            using var dll = new MemoryStream();
            using (var stream = package.GetEntry($"lib/net10.0/{id}.dll")!.Open())
            {
                stream.CopyTo(dll);
            }

            dll.Position = 0;
            using var pe = new PEReader(dll);
            var md = pe.GetMetadataReader();
            var granted = md.CustomAttributes.Select(md.GetCustomAttribute)
                .Where(a => AttributeName(md, a) == "InternalsVisibleToAttribute")
                .Select(a =>
                {
                    var blob = md.GetBlobReader(a.Value);
                    blob.ReadUInt16(); // prolog
                    return blob.ReadSerializedString()!.Split(',')[0].Trim();
                })
                .ToList();
            Assert.NotEmpty(granted); // the test assemblies are granted access: the check reads the attributes
            Assert.Empty(granted.Intersect(shipped));
        }
    }

    private static string AttributeName(MetadataReader md, CustomAttribute a) => a.Constructor.Kind switch
    {
        HandleKind.MemberReference => md.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent is var parent && parent.Kind == HandleKind.TypeReference
            ? md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name)
            : string.Empty,
        _ => string.Empty,
    };

    private static XDocument ToolSettings(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        return XDocument.Load(stream);
    }

    private static bool IsReadyToRun(ZipArchive zip, string path)
    {
        using var dll = new MemoryStream();
        using (var s = zip.GetEntry(path)!.Open())
        {
            s.CopyTo(dll);
        }

        dll.Position = 0;
        using var pe = new PEReader(dll);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static readonly string[] ToolAssemblies = ["HrPrep.Tool", "HrPrep.Authoring", "HrPrep.Content", "System.CommandLine", "NJsonSchema", "Newtonsoft.Json", "YamlDotNet", "Markdig"];

    [Fact]
    public void Tool_package_points_to_a_linux_x64_and_an_any_package_and_holds_no_implementation()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"HrPrep.Tool.{packages.Version}.nupkg"));
        var settings = ToolSettings(zip, "tools/any/any/DotnetToolSettings.xml");
        Assert.Equal("dotnet-hrprep", settings.Descendants().Single(e => e.Name.LocalName == "Command").Attribute("Name")!.Value);
        var rids = settings.Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
            .Select(e => (e.Attribute("RuntimeIdentifier")!.Value, e.Attribute("Id")!.Value)).ToList();
        Assert.Equal([("linux-x64", "HrPrep.Tool.linux-x64"), ("any", "HrPrep.Tool.any")], rids);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Any_tool_package_is_plain_il_run_by_dotnet()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"HrPrep.Tool.any.{packages.Version}.nupkg"));
        const string dir = "tools/net10.0/any/";
        var command = ToolSettings(zip, dir + "DotnetToolSettings.xml").Descendants().Single(e => e.Name.LocalName == "Command");
        Assert.Equal("dotnet-hrprep", command.Attribute("Name")!.Value);
        Assert.Equal("dotnet", command.Attribute("Runner")!.Value);
        Assert.Equal("HrPrep.Tool.dll", command.Attribute("EntryPoint")!.Value);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("PackCompiler", StringComparison.Ordinal));
        foreach (var name in ToolAssemblies)
        {
            Assert.False(IsReadyToRun(zip, $"{dir}{name}.dll"), $"{dir}{name}.dll carries ReadyToRun code");
        }
    }
}
