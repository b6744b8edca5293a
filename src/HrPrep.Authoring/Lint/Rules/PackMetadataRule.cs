using HrPrep.Packs.Yaml;

namespace HrPrep.Authoring.Lint.Rules;

/// <summary>HP602: a pack manifest without authors or description; licence and version are required (reader code PACK002).</summary>
public sealed class PackMetadataRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "HP602";

    /// <inheritdoc />
    public override string Name => "pack-metadata";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Pack;

    /// <inheritdoc />
    public override LintSeverity DefaultSeverity => LintSeverity.Warning;

    /// <inheritdoc />
    public override string Summary => "The pack manifest has no 'authors' or no 'description'. A missing 'license' or 'version' is always an error, reported by the reader as PACK002.";

    /// <inheritdoc />
    public override string Rationale => "Packs are shared and re-published: without a licence nobody may reuse them, without a version nobody can tell releases apart, and without authors and a description nobody knows who to ask or what the pack is for.";

    /// <inheritdoc />
    public override string BadExample => "pack:\n  id: my-pack\n  version: 1.0.0\n  title: My pack\n  language: en\n  license: CC-BY-4.0\n  categories: [...]";

    /// <inheritdoc />
    public override string GoodExample => "pack:\n  id: my-pack\n  ...\n  description: Interview preparation for ...\n  authors: [Jane Doe]";

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
