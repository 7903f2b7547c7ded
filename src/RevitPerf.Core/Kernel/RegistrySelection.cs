using System.Collections.Generic;

namespace RevitPerf.Core.Kernel;

/// <summary>What names and wildcards selected in a <see cref="NamedRegistry{T}"/>, and the names that matched nothing.</summary>
/// <typeparam name="T">The kind of object.</typeparam>
public sealed class RegistrySelection<T>
    where T : class, INamedObject
{
    internal RegistrySelection(IReadOnlyList<T> items, IReadOnlyList<string> notFound)
    {
        Items = items;
        NotFound = notFound;
    }

    /// <summary>The objects, each once: in the order of the patterns, each pattern's matches in registry order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The names without wildcards that named no object (a wildcard that matches nothing is no error).</summary>
    public IReadOnlyList<string> NotFound { get; }
}
