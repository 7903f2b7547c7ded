using System;

namespace RevitPerf.Core.Kernel;

/// <summary>The pinned object of a registry (the default cache, say) was asked to be removed.</summary>
public sealed class NotRemovableException : InvalidOperationException
{
    /// <summary>Creates the exception for the <paramref name="kind"/> named <paramref name="name"/>.</summary>
    public NotRemovableException(string kind, string name)
        : base($"The default {kind} '{name}' cannot be removed.")
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>What kind of object it is ("cache").</summary>
    public string Kind { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }
}
