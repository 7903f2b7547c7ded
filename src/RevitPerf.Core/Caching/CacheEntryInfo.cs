using System;

namespace RevitPerf.Core.Caching;

/// <summary>A snapshot of one entry, flat for tables and CSV; reading it does not count as a hit.</summary>
public sealed class CacheEntryInfo
{
    internal CacheEntryInfo(string cacheName, string key, object? value, long sizeBytes, long keyBytes, DateTime createdUtc, DateTime? expiresUtc, string[] dependencies)
    {
        CacheName = cacheName;
        Key = key;
        Value = value;
        SizeBytes = sizeBytes;
        KeyBytes = keyBytes;
        CreatedUtc = createdUtc;
        ExpiresUtc = expiresUtc;
        DependencyList = string.Join(", ", dependencies);
        _dependencies = dependencies;
    }

    private readonly string[] _dependencies;

    /// <summary>The cache holding the entry.</summary>
    public string CacheName { get; }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>The cached value.</summary>
    public object? Value { get; }

    /// <summary>The size estimated at insertion.</summary>
    public long SizeBytes { get; }

    /// <summary>The key's estimated bytes (its UTF-8 length), which count against the memory budget beside the value's.</summary>
    public long KeyBytes { get; }

    /// <summary>When the entry was written (UTC).</summary>
    public DateTime CreatedUtc { get; }

    /// <summary>When it expires (UTC); null when it never does.</summary>
    public DateTime? ExpiresUtc { get; }

    /// <summary>The dependencies, comma-separated (flat for CSV).</summary>
    public string DependencyList { get; }

    /// <summary>The dependencies as an array.</summary>
    public string[] GetDependencies() => (string[])_dependencies.Clone();
}
