using System;

namespace RevitPerf.Core.Metrics;

/// <summary>
/// The optimizer at a glance (RevitPy's performance summary): operations measured, the default cache's and the pools'
/// hit ratios and the process's memory. Taken on demand and every metrics_collection_interval_seconds into a ring.
/// </summary>
public sealed class MetricsSummary
{
    internal MetricsSummary(
        DateTime timestamp, double uptimeSeconds, long operations, long failures, double operationsPerSecond,
        double cacheHitRatio, double poolHitRatio, int pools, double workingSetMB, double managedMemoryMB)
    {
        Timestamp = timestamp;
        UptimeSeconds = uptimeSeconds;
        Operations = operations;
        Failures = failures;
        OperationsPerSecond = operationsPerSecond;
        CacheHitRatio = cacheHitRatio;
        PoolHitRatio = poolHitRatio;
        Pools = pools;
        WorkingSetMB = workingSetMB;
        ManagedMemoryMB = managedMemoryMB;
    }

    /// <summary>When the summary was taken (UTC).</summary>
    public DateTime Timestamp { get; }

    /// <summary>Seconds since the metrics started (the optimizer was created or the metrics were reset).</summary>
    public double UptimeSeconds { get; }

    /// <summary>Operation runs recorded, over all operations.</summary>
    public long Operations { get; }

    /// <summary>Operation runs that failed.</summary>
    public long Failures { get; }

    /// <summary>Operations per second: over the whole uptime for a summary, over the interval since the previous sample for a history sample.</summary>
    public double OperationsPerSecond { get; }

    /// <summary>The default cache's hit ratio (0..1).</summary>
    public double CacheHitRatio { get; }

    /// <summary>Borrows served from a pool rather than created, over all pools (0..1; 0 without borrows).</summary>
    public double PoolHitRatio { get; }

    /// <summary>Object pools that exist.</summary>
    public int Pools { get; }

    /// <summary>The process's working set, in MB.</summary>
    public double WorkingSetMB { get; }

    /// <summary>Bytes on the managed heap, in MB (no collection forced).</summary>
    public double ManagedMemoryMB { get; }
}
