using System;

namespace RevitPerf.Core.Memory;

/// <summary>What one run of the optimizer's background memory maintenance found and did.</summary>
public sealed class MaintenanceResult
{
    internal MaintenanceResult(DateTime timestamp, long managedBytesBefore, long managedBytesAfter, long thresholdBytes, bool warning, bool collected, int expiredEntriesRemoved, int? cacheGrownTo)
    {
        Timestamp = timestamp;
        ManagedBytesBefore = managedBytesBefore;
        ManagedBytesAfter = managedBytesAfter;
        ThresholdBytes = thresholdBytes;
        Warning = warning;
        Collected = collected;
        ExpiredEntriesRemoved = expiredEntriesRemoved;
        CacheGrownTo = cacheGrownTo;
    }

    /// <summary>Expired cache entries removed by this run.</summary>
    public int ExpiredEntriesRemoved { get; }

    /// <summary>The default cache's new maximum size when adaptive sizing grew it; otherwise null.</summary>
    public int? CacheGrownTo { get; }

    /// <summary>When the run took place (UTC).</summary>
    public DateTime Timestamp { get; }

    /// <summary>Managed heap bytes before any action.</summary>
    public long ManagedBytesBefore { get; }

    /// <summary>Managed heap bytes afterwards (the same as before when nothing was collected).</summary>
    public long ManagedBytesAfter { get; }

    /// <summary>The cleanup threshold in bytes (memory_cleanup_threshold_mb).</summary>
    public long ThresholdBytes { get; }

    /// <summary>True when memory was above the warning level (0.9 x the threshold).</summary>
    public bool Warning { get; }

    /// <summary>True when a garbage collection was forced (above the threshold, with gc_optimization_enabled).</summary>
    public bool Collected { get; }
}
