using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP602: a pack manifest without authors or description; licence and version are required (reader code PACK002).</summary>
public sealed class PackMetadataRule() : LintRule(RuleDescriptors.PackMetadata)
{
    /// <inheritdoc />
    public override void CheckFile(LintFile file, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        if (file.Manifest is not { } manifest)
        {
            return;
        }

        foreach (var key in new[] { "license", "version", "authors", "description" })
        {
            // license and version are required by the reader (PACK002); report only what it does not.
            if (manifest.Get(key) is null && key is "authors" or "description")
            {
                context.Report(manifest, $"the pack manifest has no '{key}'");
            }
            else if (manifest.Get(key) is YamlScalar { Kind: ScalarKind.String } s && key == "license" && s.Value is "NOASSERTION" or "NONE" or "UNLICENSED")
            {
                context.Report(s, $"the pack's licence is '{s.Value}'; name an SPDX licence so others may reuse the content");
            }
        }
    }
}
