namespace HrPrep.Tool.Infrastructure;

/// <summary>The documented exit codes of <c>dotnet hrprep</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Findings: invalid packs, lint findings at or above the threshold, an unknown id, an incomplete sample.</summary>
    public const int Findings = 1;

    /// <summary>Usage error: unknown command or option, bad option value.</summary>
    public const int Usage = 2;

    /// <summary>Input could not be read: missing file, unreadable, not UTF-8, over the size limit.</summary>
    public const int Unreadable = 3;

    /// <summary>An unexpected internal error (a bug); reported in one line, in full with <c>--verbose</c> or <c>HRPREP_DEBUG=1</c>.</summary>
    public const int Internal = 4;
}
