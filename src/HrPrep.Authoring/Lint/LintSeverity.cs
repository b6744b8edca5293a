namespace HrPrep.Authoring.Lint;

/// <summary>How serious a lint finding is; <see cref="Off"/> disables a rule.</summary>
public enum LintSeverity
{
    /// <summary>The rule does not run.</summary>
    Off = 0,

    /// <summary>Informational; never fails a run.</summary>
    Info = 1,

    /// <summary>Fails a run with <c>--fail-on warning</c>.</summary>
    Warning = 2,

    /// <summary>Fails a run (the default threshold).</summary>
    Error = 3,
}

/// <summary>Names of <see cref="LintSeverity"/> values as written in configuration and output.</summary>
public static class LintSeverityNames
{
    /// <summary>The lower-case name: off, info, warning, error.</summary>
    public static string ToName(this LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        LintSeverity.Info => "info",
        _ => "off",
    };

    /// <summary>Parses a lower-case severity name.</summary>
    public static bool TryParse(string? text, out LintSeverity severity)
    {
        severity = text switch
        {
            "error" => LintSeverity.Error,
            "warning" => LintSeverity.Warning,
            "info" => LintSeverity.Info,
            "off" => LintSeverity.Off,
            _ => (LintSeverity)(-1),
        };
        return (int)severity >= 0;
    }
}
