using System.Collections.Immutable;

namespace HrPrep.Content;

/// <summary>
/// Thrown when question packs cannot be loaded. Carries every problem found, each located as
/// <c>path:line:col: error CODE: message</c>; <see cref="Exception.Message"/> is the first of them
/// (plus a count of the others).
/// </summary>
public sealed class PackLoadException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    public PackLoadException(IEnumerable<Diagnostic> diagnostics)
        : this(diagnostics is null ? throw new ArgumentNullException(nameof(diagnostics)) : [.. diagnostics])
    {
    }

    private PackLoadException(ImmutableArray<Diagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, in file and position order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    private static string Describe(ImmutableArray<Diagnostic> diagnostics)
    {
        if (diagnostics.Length == 0)
        {
            throw new ArgumentException("At least one diagnostic is required.", nameof(diagnostics));
        }

        return diagnostics.Length == 1
            ? diagnostics[0].ToString()
            : $"{diagnostics[0]} (and {diagnostics.Length - 1} more problem{(diagnostics.Length == 2 ? "" : "s")})";
    }
}
