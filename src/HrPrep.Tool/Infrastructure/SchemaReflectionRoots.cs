using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using NJsonSchema;

namespace HrPrep.Tool.Infrastructure;

/// <summary>
/// Keeps, in the Native AOT build, the members of the closed collection types that NJsonSchema's
/// model declares: Newtonsoft.Json finds their constructors, indexers and Add methods by reflection
/// while it reads a custom schema (<c>lint --schema FILE</c>). A closed generic type's members are
/// only kept when something names that instantiation; these attributes do. No effect on a JIT build.
/// </summary>
internal static class SchemaReflectionRoots
{
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ObservableCollection<JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IReadOnlyCollection<JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Collection<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ObservableCollection<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IEnumerable<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ObservableCollection<object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, JsonSchemaProperty>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IReadOnlyDictionary<string, JsonSchemaProperty>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, JsonSchemaProperty>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(decimal?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(int?))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(bool?))]
    internal static void Keep()
    {
    }
}
