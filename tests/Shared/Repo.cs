namespace HrPrep.Tests.Shared;

/// <summary>Finds files of the repository from a test's output folder.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HrPrep.Content.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HrPrep.Content.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string MiniPack => PathOf("tests", "fixtures", "packs", "mini");

    public static string ShippedPack => PathOf("questions", "hr-performance-management-specialist");

    /// <summary>The documentation pages: README.md and every Markdown page under docs/ (if there is one).</summary>
    public static IReadOnlyList<string> DocumentationPages()
    {
        var pages = new List<string> { PathOf("README.md") };
        if (Directory.Exists(PathOf("docs")))
        {
            pages.AddRange(Directory.EnumerateFiles(PathOf("docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        }

        return pages;
    }
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hrprep-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        string p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllText(p, content);
        return p;
    }

    public string Bytes(string name, byte[] content)
    {
        string p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllBytes(p, content);
        return p;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
