using System;

namespace RevitPerf.Core.Caching;

/// <summary>How a cache is built. Checked when the cache is created or resized.</summary>
public sealed class CacheOptions
{
    /// <summary>The cache's name.</summary>
    public string Name { get; set; } = RevitCache.DefaultName;

    /// <summary>The eviction policy.</summary>
    public EvictionPolicy Policy { get; set; } = EvictionPolicy.LRU;

    /// <summary>The maximum number of entries (at least 1).</summary>
    public int MaxSize { get; set; } = 10_000;

    /// <summary>The memory budget in bytes, by the entries' estimated sizes (at least 1).</summary>
    public long MaxMemoryBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The time-to-live of entries that do not set their own; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan DefaultTimeToLive { get; set; } = TimeSpan.FromHours(1);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("A cache needs a name.", nameof(Name));
        }

        if (MaxSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSize), MaxSize, "The maximum size must be at least 1.");
        }

        if (MaxMemoryBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMemoryBytes), MaxMemoryBytes, "The memory budget must be at least 1 byte.");
        }

        RevitCache.CheckTimeToLive(DefaultTimeToLive, nameof(DefaultTimeToLive));
    }
}
