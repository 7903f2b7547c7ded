using System;

namespace RevitPerf.Core.Caching;

/// <summary>
/// One cache's statistics: counted, never estimated. Flat and the same shape every time, so a set of them
/// exports cleanly with Export-Csv.
/// </summary>
public sealed class CacheStatistics
{
    internal CacheStatistics(
        string name, EvictionPolicy policy, long hits, long misses, long[] removals, long count, long memoryBytes,
        int maxSize, long maxMemoryBytes, TimeSpan uptime, DateTime since)
    {
        Name = name;
        Policy = policy.ToString();
        Hits = hits;
        Misses = misses;
        HitRatio = hits + misses == 0 ? 0 : (double)hits / (hits + misses);
        HitRatePercent = HitRatio * 100;
        CapacityEvictions = removals[(int)RemovalReason.Capacity];
        MemoryEvictions = removals[(int)RemovalReason.Memory];
        ExpiredEvictions = removals[(int)RemovalReason.Expired];
        InvalidatedEvictions = removals[(int)RemovalReason.Invalidated];
        RemovedEntries = removals[(int)RemovalReason.Removed];
        Evictions = CapacityEvictions + MemoryEvictions + ExpiredEvictions + InvalidatedEvictions + RemovedEntries;
        Count = count;
        MemoryBytes = memoryBytes;
        MaxSize = maxSize;
        MaxMemoryBytes = maxMemoryBytes;
        UptimeSeconds = uptime.TotalSeconds;
        StatisticsSinceUtc = since;
    }

    /// <summary>The cache's name.</summary>
    public string Name { get; }

    /// <summary>The eviction policy.</summary>
    public string Policy { get; }

    /// <summary>Reads that found a live entry.</summary>
    public long Hits { get; }

    /// <summary>Reads that found nothing (or an expired entry).</summary>
    public long Misses { get; }

    /// <summary>Hits / (Hits + Misses), 0 when there were no reads.</summary>
    public double HitRatio { get; }

    /// <summary>The hit ratio as a percentage.</summary>
    public double HitRatePercent { get; }

    /// <summary>All removals counted below.</summary>
    public long Evictions { get; }

    /// <summary>Evicted because the cache was full.</summary>
    public long CapacityEvictions { get; }

    /// <summary>Evicted because the memory budget was used up.</summary>
    public long MemoryEvictions { get; }

    /// <summary>Removed because their time-to-live ran out.</summary>
    public long ExpiredEvictions { get; }

    /// <summary>Removed by dependency or pattern invalidation.</summary>
    public long InvalidatedEvictions { get; }

    /// <summary>Removed explicitly.</summary>
    public long RemovedEntries { get; }

    /// <summary>Entries now.</summary>
    public long Count { get; }

    /// <summary>Estimated bytes of the entries now.</summary>
    public long MemoryBytes { get; }

    /// <summary>The maximum number of entries.</summary>
    public int MaxSize { get; }

    /// <summary>The memory budget in bytes.</summary>
    public long MaxMemoryBytes { get; }

    /// <summary>Seconds since the cache was created.</summary>
    public double UptimeSeconds { get; }

    /// <summary>When the counters were last reset (or the cache created), UTC.</summary>
    public DateTime StatisticsSinceUtc { get; }
}
