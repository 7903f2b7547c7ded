using System;
using System.Threading;

namespace RevitPerf.Core.Caching;

/// <summary>A cache's settings and fill level, flat for tables and CSV.</summary>
public sealed class CacheInfo
{
    internal CacheInfo(RevitCache cache)
    {
        Name = cache.Name;
        Policy = cache.Policy.ToString();
        IsDefault = string.Equals(cache.Name, RevitCache.DefaultName, StringComparison.OrdinalIgnoreCase);
        Count = cache.Count;
        MaxSize = cache.MaxSize;
        MemoryBytes = cache.MemoryBytes;
        MaxMemoryMB = cache.MaxMemoryBytes / (1024.0 * 1024.0);
        var ttl = cache.DefaultTimeToLive;
        TtlSeconds = ttl == Timeout.InfiniteTimeSpan ? null : ttl.TotalSeconds;
        CreatedUtc = cache.CreatedUtc;
    }

    /// <summary>The cache's name.</summary>
    public string Name { get; }

    /// <summary>The eviction policy.</summary>
    public string Policy { get; }

    /// <summary>True for the module's default cache (sized from the configuration; cannot be removed).</summary>
    public bool IsDefault { get; }

    /// <summary>Entries now.</summary>
    public long Count { get; }

    /// <summary>The maximum number of entries.</summary>
    public int MaxSize { get; }

    /// <summary>Estimated bytes of the entries now.</summary>
    public long MemoryBytes { get; }

    /// <summary>The memory budget in MB.</summary>
    public double MaxMemoryMB { get; }

    /// <summary>The default time-to-live in seconds; null when entries do not expire by default.</summary>
    public double? TtlSeconds { get; }

    /// <summary>When the cache was created (UTC).</summary>
    public DateTime CreatedUtc { get; }
}
