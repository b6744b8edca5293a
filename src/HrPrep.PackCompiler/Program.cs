using HrPrep.Content;
using HrPrep.Packs;

namespace HrPrep.PackCompiler;

/// <summary>
/// <c>HrPrep.PackCompiler OUT.bin DIR...</c>: reads the packs under the directories (paths are
/// reported relative to the working directory), prints every problem in MSBuild format and exits 1,
/// or writes the compiled packs atomically and exits 0.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: HrPrep.PackCompiler OUT.bin DIR...");
            return 2;
        }

        // The reader's checks across packs (PACK006 duplicate question ids, PACK014 duplicate pack
        // ids) are the ones QuestionBank's constructor makes, so what compiles here also loads.
        var result = PackReader.ReadPaths(args.Skip(1));
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        if (errors.Count > 0)
        {
            foreach (var d in errors)
            {
                Console.Error.WriteLine($"{d.Path}({Math.Max(d.Line, 1)},{Math.Max(d.Column, 1)}): error {d.Code}: {d.Message}");
            }

            return 1;
        }

        var packs = result.Packs.Select(Normalize).ToList();
        string output = args[0];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        string temp = output + ".tmp";
        using (var stream = File.Create(temp))
        {
            CompiledPacksWriter.Write(stream, packs);
        }

        File.Move(temp, output, overwrite: true);
        Console.WriteLine($"HrPrep.PackCompiler: {packs.Count} pack(s), {packs.Sum(p => p.Questions.Length)} questions -> {output}");
        return 0;
    }

    private static QuestionPack Normalize(QuestionPack pack) => pack with
    {
        Location = pack.Location with { Path = Slash(pack.Location.Path) },
        Questions = [.. pack.Questions.Select(q => q with { Location = q.Location with { Path = Slash(q.Location.Path) } })],
    };

    private static string Slash(string path) => path.Replace('\\', '/');
}
