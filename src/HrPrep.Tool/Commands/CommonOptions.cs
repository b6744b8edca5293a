using System.CommandLine;
using HrPrep.Content;

namespace HrPrep.Tool.Commands;

/// <summary>The pack paths argument and the question filters shared by list, export and others.</summary>
internal sealed class CommonOptions
{
    /// <summary>Pack files or directories; none means the embedded packs.</summary>
    public Argument<string[]> Paths { get; } = new("paths")
    {
        Description = "Pack files or directories to read (default: the packs shipped in HrPrep.Content).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>--pack filter.</summary>
    public Option<string[]> Pack { get; } = new("--pack") { Description = "Only questions of this pack id (repeatable).", Arity = ArgumentArity.OneOrMore };

    /// <summary>--category filter.</summary>
    public Option<string[]> Category { get; } = new("--category") { Description = "Only questions of this category id (repeatable).", Arity = ArgumentArity.OneOrMore };

    /// <summary>--level filter.</summary>
    public Option<string[]> Level { get; } = new("--level") { Description = "Only questions at this level: entry, mid, senior (repeatable).", Arity = ArgumentArity.OneOrMore };

    /// <summary>--type filter.</summary>
    public Option<string[]> Type { get; } = new("--type") { Description = "Only questions of this type: role-knowledge, technical, behavioral, situational, case-study (repeatable).", Arity = ArgumentArity.OneOrMore };

    /// <summary>--tag filter.</summary>
    public Option<string[]> Tag { get; } = new("--tag") { Description = "Only questions carrying this tag (repeatable; all must match).", Arity = ArgumentArity.OneOrMore };

    /// <summary>--search text.</summary>
    public Option<string?> Search { get; } = new("--search") { Description = "Ranked text search over prompt, tags and answer (case- and accent-insensitive); every word must match." };

    /// <summary>Creates the options and their validators.</summary>
    public CommonOptions()
    {
        Level.AcceptOnlyFromAmong([.. SchemaNames.Levels]);
        Type.AcceptOnlyFromAmong([.. SchemaNames.QuestionTypes]);
    }

    /// <summary>Adds the paths argument and the filter options to a command.</summary>
    public void AddTo(Command command, bool filters = true)
    {
        command.Arguments.Add(Paths);
        if (filters)
        {
            foreach (var option in new Option[] { Pack, Category, Level, Type, Tag, Search })
            {
                command.Options.Add(option);
            }
        }
    }

    /// <summary>Builds the query the filters describe.</summary>
    public QuestionQuery Query(QuestionBank bank, ParseResult parse)
    {
        var query = bank.Query();
        if (parse.GetValue(Pack) is { Length: > 0 } packs)
        {
            query = query.InPack(packs);
        }

        if (parse.GetValue(Category) is { Length: > 0 } categories)
        {
            query = query.InCategory(categories);
        }

        if (parse.GetValue(Level) is { Length: > 0 } levels)
        {
            query = query.AtLevel(levels.Select(l => SchemaNames.TryParseLevel(l, out var v) ? v : default).ToArray());
        }

        if (parse.GetValue(Type) is { Length: > 0 } types)
        {
            query = query.WithType(types.Select(t => SchemaNames.TryParseType(t, out var v) ? v : default).ToArray());
        }

        if (parse.GetValue(Tag) is { Length: > 0 } tags)
        {
            query = query.WithTag(tags);
        }

        return query.Matching(parse.GetValue(Search));
    }

    /// <summary>A --format option with the given choices, the first being the default.</summary>
    public static Option<string> Format(params string[] choices)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", choices)} (default {choices[0]}).",
            DefaultValueFactory = _ => choices[0],
        };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }
}
