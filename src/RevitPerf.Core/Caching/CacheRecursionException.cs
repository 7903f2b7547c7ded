using System;

namespace RevitPerf.Core.Caching;

/// <summary>A cache factory asked for its own key while computing it: the value cannot depend on itself.</summary>
public sealed class CacheRecursionException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public CacheRecursionException(string key)
        : base($"The operation cached under '{key}' asked for its own key while computing it: the value cannot depend on itself.")
    {
        Key = key;
    }

    /// <summary>The key.</summary>
    public string Key { get; }
}
