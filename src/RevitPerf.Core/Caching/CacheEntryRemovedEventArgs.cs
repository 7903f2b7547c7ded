using System;

namespace RevitPerf.Core.Caching;

/// <summary>An entry left a cache. Raised after the cache's lock is released.</summary>
public sealed class CacheEntryRemovedEventArgs : EventArgs
{
    internal CacheEntryRemovedEventArgs(string cacheName, string key, object? value, RemovalReason reason)
    {
        CacheName = cacheName;
        Key = key;
        Value = value;
        Reason = reason;
    }

    /// <summary>The cache.</summary>
    public string CacheName { get; }

    /// <summary>The full key.</summary>
    public string Key { get; }

    /// <summary>The value the entry held.</summary>
    public object? Value { get; }

    /// <summary>Why it left.</summary>
    public RemovalReason Reason { get; }
}
