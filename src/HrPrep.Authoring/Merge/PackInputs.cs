using HrPrep.Content;
using HrPrep.Packs;
using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Merge;

/// <summary>Reads the inputs of merge and diff: each path (a pack file or directory) must hold exactly one pack.</summary>
public static class PackInputs
{
    /// <summary>Reads each path on its own; returns the packs and every problem (MERGE004 for a path without exactly one pack).</summary>
    public static (IReadOnlyList<MergeInput> Inputs, IReadOnlyList<Diagnostic> Errors) ReadEach(IReadOnlyList<string> paths, YamlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var inputs = new List<MergeInput>(paths.Count);
        var errors = new List<Diagnostic>();
        foreach (var path in paths)
        {
            var read = PackReader.ReadPaths([path], options);
            var pathErrors = read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (pathErrors.Count > 0)
            {
                errors.AddRange(pathErrors);
                continue;
            }

            if (read.Packs.Length != 1)
            {
                errors.Add(Diagnostic.Error(new SourceLocation(path, 0, 0), AuthoringDiagnosticCodes.MergeInput, read.Packs.Length == 0
                    ? "no pack found here; give a pack file or a pack directory"
                    : $"this path holds {read.Packs.Length} packs ({string.Join(", ", read.Packs.Select(p => p.Id))}); give each pack's own path"));
                continue;
            }

            inputs.Add(new MergeInput(path, read.Packs[0]));
        }

        return (inputs, errors);
    }
}
