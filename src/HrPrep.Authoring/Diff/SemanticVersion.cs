using System.Globalization;
using HrPrep.Packs;

namespace HrPrep.Authoring.Diff;

/// <summary>How much a pack changed, in semantic-versioning terms.</summary>
public enum ChangeLevel
{
    /// <summary>No change to the content.</summary>
    None = 0,

    /// <summary>Wording or metadata changed; no id added or removed.</summary>
    Patch = 1,

    /// <summary>Questions or categories added.</summary>
    Minor = 2,

    /// <summary>A question id or category removed or renamed (consumers holding ids break).</summary>
    Major = 3,
}

/// <summary>A parsed semantic version (MAJOR.MINOR.PATCH[-prerelease][+build]) with SemVer 2.0 precedence.</summary>
/// <param name="Major">Major number.</param>
/// <param name="Minor">Minor number.</param>
/// <param name="Patch">Patch number.</param>
/// <param name="Prerelease">Pre-release identifiers, or empty.</param>
public sealed record SemanticVersion(long Major, long Minor, long Patch, string Prerelease) : IComparable<SemanticVersion>
{
    /// <summary>Parses a version the pack schema accepts; returns null otherwise.</summary>
    public static SemanticVersion? TryParse(string? text)
    {
        if (text is null || !Patterns.SemVer().IsMatch(text))
        {
            return null;
        }

        string core = text;
        int plus = core.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            core = core[..plus];
        }

        string pre = string.Empty;
        int dash = core.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            pre = core[(dash + 1)..];
            core = core[..dash];
        }

        var parts = core.Split('.');
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long major)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long minor)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long patch))
        {
            return null;
        }

        return new SemanticVersion(major, minor, patch, pre);
    }

    /// <summary>Compares by SemVer 2.0 precedence (build metadata ignored).</summary>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        int c = Major.CompareTo(other.Major);
        if (c == 0)
        {
            c = Minor.CompareTo(other.Minor);
        }

        if (c == 0)
        {
            c = Patch.CompareTo(other.Patch);
        }

        if (c != 0)
        {
            return c;
        }

        if (Prerelease.Length == 0 || other.Prerelease.Length == 0)
        {
            return (Prerelease.Length == 0 ? 1 : 0) - (other.Prerelease.Length == 0 ? 1 : 0);
        }

        var a = Prerelease.Split('.');
        var b = other.Prerelease.Split('.');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            bool an = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out long ai);
            bool bn = long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out long bi);
            c = an && bn ? ai.CompareTo(bi) : an ? -1 : bn ? 1 : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>
    /// The bump from <paramref name="older"/> to this version: major, minor or patch by the first
    /// numeric part that grew; a pre-release step with equal numbers counts as patch; equal is none.
    /// Returns null when this version is lower than <paramref name="older"/>.
    /// </summary>
    public ChangeLevel? BumpFrom(SemanticVersion older)
    {
        ArgumentNullException.ThrowIfNull(older);
        int c = CompareTo(older);
        if (c < 0)
        {
            return null;
        }

        if (c == 0)
        {
            return ChangeLevel.None;
        }

        return Major > older.Major ? ChangeLevel.Major : Minor > older.Minor ? ChangeLevel.Minor : ChangeLevel.Patch;
    }

    /// <summary>The next version for a change of the given level (pre-release and build dropped); itself for none.</summary>
    public SemanticVersion Bump(ChangeLevel level) => level switch
    {
        ChangeLevel.Major => new SemanticVersion(Major + 1, 0, 0, string.Empty),
        ChangeLevel.Minor => new SemanticVersion(Major, Minor + 1, 0, string.Empty),
        ChangeLevel.Patch => new SemanticVersion(Major, Minor, Patch + 1, string.Empty),
        _ => this,
    };

    /// <summary>Formats as MAJOR.MINOR.PATCH[-prerelease].</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}{(Prerelease.Length > 0 ? "-" + Prerelease : string.Empty)}");
}
