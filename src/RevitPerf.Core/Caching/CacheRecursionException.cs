using System;

namespace RevitPerf.Core.Caching;

/// <summary>
/// A cached operation asked for its own key while computing it (the value cannot depend on itself), or operations in
/// different threads (runspaces) wait for each other's keys: either would wait for good.
/// </summary>
public sealed class CacheRecursionException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public CacheRecursionException(string key)
        : base($"The operation cached under '{key}' asked for its own key while computing it: the value cannot depend on itself.")
    {
        Key = key;
    }

    /// <summary>Creates the exception for a wait on <paramref name="key"/> whose owner waits, directly or not, for <paramref name="waitedFor"/>, which this thread computes.</summary>
    public CacheRecursionException(string key, string waitedFor)
        : base($"The operation cached under '{key}' is computed by another runspace that waits for '{waitedFor}', which this one computes: they would wait for each other for good. Compute one before the other, or cache them under one key.")
    {
        Key = key;
        WaitedFor = waitedFor;
    }

    /// <summary>In a cycle across runspaces, the key the other side waits for; null when an operation asked for its own key.</summary>
    public string? WaitedFor { get; }

    /// <summary>The key.</summary>
    public string Key { get; }
}
