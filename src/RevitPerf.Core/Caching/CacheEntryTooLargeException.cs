using System;
using System.Globalization;

namespace RevitPerf.Core.Caching;

/// <summary>A value larger than the cache's whole memory budget; it was refused and nothing else was touched.</summary>
public sealed class CacheEntryTooLargeException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CacheEntryTooLargeException(string cacheName, string key, long sizeBytes, long maxMemoryBytes)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "The entry for key '{0}' (its value and its key) is estimated at {1:N0} bytes, more than the whole memory budget of cache '{2}' ({3:N0} bytes); it was not cached and no entry was evicted.",
            key is { Length: > 80 } ? key.Substring(0, 80) + "..." : key, sizeBytes, cacheName, maxMemoryBytes))
    {
        CacheName = cacheName;
        Key = key;
        SizeBytes = sizeBytes;
        MaxMemoryBytes = maxMemoryBytes;
    }

    /// <summary>The cache.</summary>
    public string CacheName { get; }

    /// <summary>The refused key.</summary>
    public string Key { get; }

    /// <summary>The value's estimated size.</summary>
    public long SizeBytes { get; }

    /// <summary>The cache's memory budget.</summary>
    public long MaxMemoryBytes { get; }
}
