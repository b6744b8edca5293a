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
    public PackLoadException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, in file and position order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("At least one diagnostic is required.", nameof(diagnostics));
        }

        return diagnostics.Count == 1
            ? diagnostics[0].ToString()
            : $"{diagnostics[0]} (and {diagnostics.Count - 1} more problem{(diagnostics.Count == 2 ? "" : "s")})";
    }
}
