using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using HrPrep.Content;
using Xunit;

namespace HrPrep.Content.Tests;

/// <summary>Model records compare by content (arrays element by element, nested too); locations are not content.</summary>
public class ValueEqualityTests
{
    /// <summary>A question with every property set (arrays non-empty, optional parts present).</summary>
    internal static Question FullQuestion() => new()
    {
        Id = "q-1",
        PackId = "p",
        Prompt = "What is calibration?",
        Category = "c1",
        Type = QuestionType.CaseStudy,
        Level = QuestionLevel.Senior,
        Origin = QuestionOrigin.Brief,
        Tags = ["calibration", "bias"],
        Scenario = new Scenario("A team of five.", new ScenarioTable("Ratings", ["name", "rating"], [["A", "3"], ["B", "4"]])),
        Answer = new ModelAnswer("A meeting where managers compare ratings.", ["evidence", "consistency"]),
        FollowUps = ["How do you prepare?"],
        LookFor = ["evidence"],
        RedFlags = ["forced curve"],
        Jurisdiction = "global",
        Sources = [new SourceReference("A book", "https://example.org/book")],
        Related = ["q-2"],
        LastVerified = new DateOnly(2026, 12, 1),
        ReviewBy = new DateOnly(2027, 6, 1),
        Attribution = new PromptAttribution("A list", "https://example.org/list"),
        Location = new SourceLocation("questions/p.yaml", 3, 5),
    };

    internal static QuestionPack FullPack() => new()
    {
        Id = "p",
        Version = "1.0.0",
        Title = "P",
        Role = "Specialist",
        Description = "About P.",
        Language = "en",
        License = "CC0-1.0",
        Authors = ["A. Author"],
        Disclaimer = "Not legal advice.",
        Homepage = "https://example.org",
        Categories = [new Category("c1", "C1", "First")],
        Retired = ["q-0"],
        Questions = [FullQuestion()],
        Location = new SourceLocation("questions/pack.yaml", 1, 1),
    };

    [Fact]
    public void Model_answers_with_equal_key_points_are_equal()
    {
        Assert.True(new ModelAnswer("s", ["k"]) == new ModelAnswer("s", ["k"]));
        Assert.Equal(new ModelAnswer("s", ["k"]).GetHashCode(), new ModelAnswer("s", ["k"]).GetHashCode());
        Assert.True(new ModelAnswer("s", ["k"]) != new ModelAnswer("s", ["k", "l"]));
        Assert.True(new ModelAnswer("s", ["k"]) != new ModelAnswer("s", ["K"]));
        Assert.True(new ModelAnswer("s", default) == new ModelAnswer("s", []));
    }

    [Fact]
    public void Tables_compare_cell_by_cell_in_nested_rows()
    {
        var a = new ScenarioTable("t", ["x", "y"], [["1", "2"], ["3", "4"]]);
        Assert.True(a == new ScenarioTable("t", ["x", "y"], [["1", "2"], ["3", "4"]]));
        Assert.True(a != new ScenarioTable("t", ["x", "y"], [["1", "2"], ["3", "5"]]));
        Assert.True(a != new ScenarioTable("t", ["x", "y"], [["1", "2"]]));
        Assert.True(new Scenario("s", a) == new Scenario("s", a with { Rows = [["1", "2"], ["3", "4"]] }));
    }

    [Fact]
    public void A_rebuilt_question_is_equal_with_the_same_hash_and_location_is_ignored()
    {
        var q = FullQuestion();
        var copy = Rebuild(q) with { Location = new SourceLocation("elsewhere.yaml", 90, 1) };
        Assert.NotSame(q, copy);
        Assert.True(q == copy);
        Assert.Equal(q.GetHashCode(), copy.GetHashCode());

        var pack = FullPack();
        var packCopy = pack with { Questions = [copy], Categories = [.. pack.Categories.Select(c => c with { })], Location = default };
        Assert.True(pack == packCopy);
        Assert.Equal(pack.GetHashCode(), packCopy.GetHashCode());
        Assert.Single(new[] { pack, packCopy }.Distinct());
    }

    public static TheoryData<string> RecordTypes =>
    [
        nameof(Question), nameof(QuestionPack), nameof(ModelAnswer), nameof(ScenarioTable), nameof(Scenario),
        nameof(Category), nameof(SourceReference), nameof(PromptAttribution),
    ];

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Every_public_property_but_the_location_takes_part_in_equality(string typeName)
    {
        object sample = typeName switch
        {
            nameof(Question) => FullQuestion(),
            nameof(QuestionPack) => FullPack(),
            nameof(ModelAnswer) => FullQuestion().Answer,
            nameof(ScenarioTable) => FullQuestion().Scenario!.Table!,
            nameof(Scenario) => FullQuestion().Scenario!,
            nameof(Category) => new Category("c", "C", "D"),
            nameof(SourceReference) => new SourceReference("t", "https://example.org"),
            _ => new PromptAttribution("t", "https://example.org"),
        };
        var checkedProperties = AssertEveryPropertyCounts(sample);
        Assert.NotEmpty(checkedProperties);
    }

    /// <summary>
    /// Changes each public settable property of a record in turn (by reflection, so a property added
    /// later is covered) and asserts the copy is no longer equal, except for <c>Location</c>, which
    /// must not matter. Returns the names of the properties checked.
    /// </summary>
    internal static List<string> AssertEveryPropertyCounts(object sample)
    {
        var type = sample.GetType();
        var clone = type.GetMethod("<Clone>$") ?? throw new InvalidOperationException($"{type.Name} is not a record");
        var names = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var copy = clone.Invoke(sample, null)!;
            Assert.True(sample.Equals(copy), $"{type.Name}: a plain copy is not equal");
            property.SetValue(copy, Change(property.PropertyType, property.GetValue(sample)));
            if (property.Name == "Location")
            {
                Assert.True(sample.Equals(copy), $"{type.Name}.Location must not take part in equality");
                Assert.Equal(sample.GetHashCode(), copy.GetHashCode());
            }
            else
            {
                Assert.False(sample.Equals(copy), $"{type.Name}.{property.Name} does not take part in equality");
                names.Add(property.Name);
            }
        }

        // Every public property is settable (records of init properties), so none was skipped.
        Assert.Equal(
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Where(n => n != "Location" && n != "EqualityContract").Order(),
            names.Order());
        return names;
    }

    /// <summary>A different value of the same type: a changed string, the next enum value, an array with one more or one changed element, a changed nested record.</summary>
    private static object? Change(Type type, object? value)
    {
        if (type == typeof(string))
        {
            return value is null ? "x" : value + "~";
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return value is null ? Change(inner, Activator.CreateInstance(inner)) : null;
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            int index = Array.IndexOf(values, value);
            return values.GetValue((index + 1) % values.Length);
        }

        if (type == typeof(DateOnly))
        {
            return ((DateOnly)value!).AddDays(1);
        }

        if (type == typeof(SourceLocation))
        {
            return new SourceLocation("other.yaml", 99, 9);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            // Same length, last element changed: only an element-wise comparison notices.
            var elementType = type.GetGenericArguments()[0];
            var items = ((IEnumerable)value!).Cast<object?>().ToList();
            if (items.Count == 0)
            {
                items.Add(Change(elementType, elementType == typeof(string) ? null : Sample(elementType)));
            }
            else
            {
                items[^1] = Change(elementType, items[^1]);
            }

            var create = typeof(ImmutableArray).GetMethods().Single(m => m.Name == nameof(ImmutableArray.CreateRange) && m.GetParameters().Length == 1).MakeGenericMethod(elementType);
            var typed = typeof(Enumerable).GetMethod(nameof(Enumerable.Cast))!.MakeGenericMethod(elementType).Invoke(null, [items]);
            return create.Invoke(null, [typed]);
        }

        if (type.GetMethod("<Clone>$") is { } clone)
        {
            // A nested record: change its first property deep inside.
            if (value is null)
            {
                return Sample(type);
            }

            var copy = clone.Invoke(value, null)!;
            var first = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).First(p => p.CanWrite && p.Name != "Location");
            first.SetValue(copy, Change(first.PropertyType, first.GetValue(value)));
            return copy;
        }

        throw new NotSupportedException($"no change for {type}");
    }

    private static object Sample(Type type) => type.Name switch
    {
        nameof(Question) => FullQuestion(),
        nameof(ModelAnswer) => new ModelAnswer("a", ["k"]),
        nameof(Scenario) => new Scenario("s", null),
        nameof(ScenarioTable) => new ScenarioTable(null, ["c"], [["v"]]),
        nameof(Category) => new Category("c", "C", null),
        nameof(SourceReference) => new SourceReference("t", null),
        nameof(PromptAttribution) => new PromptAttribution("t", null),
        _ => throw new NotSupportedException($"no sample for {type}"),
    };

    private static Question Rebuild(Question q) => q with
    {
        Id = new string(q.Id.AsSpan()),
        Prompt = new string(q.Prompt.AsSpan()),
        Tags = [.. q.Tags],
        Scenario = q.Scenario is null ? null : new Scenario(q.Scenario.Text, q.Scenario.Table is null ? null : new ScenarioTable(q.Scenario.Table.Caption, [.. q.Scenario.Table.Columns], [.. q.Scenario.Table.Rows.Select(r => ImmutableArray.CreateRange(r))])),
        Answer = new ModelAnswer(new string(q.Answer.Summary.AsSpan()), [.. q.Answer.KeyPoints]),
        FollowUps = [.. q.FollowUps],
        LookFor = [.. q.LookFor],
        RedFlags = [.. q.RedFlags],
        Sources = [.. q.Sources.Select(s => new SourceReference(s.Title, s.Url))],
        Related = [.. q.Related],
        Attribution = q.Attribution is null ? null : new PromptAttribution(q.Attribution.Title, q.Attribution.Url),
    };
}
