namespace RevitPerf.Core.Memory;

/// <summary>What Optimize-RevitMemory did and what it freed, flat.</summary>
public sealed class OptimizationResult
{
    /// <summary>Working set before, MB.</summary>
    public double WorkingSetBeforeMB { get; internal set; }

    /// <summary>Working set after, MB.</summary>
    public double WorkingSetAfterMB { get; internal set; }

    /// <summary>Managed heap before, MB.</summary>
    public double ManagedHeapBeforeMB { get; internal set; }

    /// <summary>Managed heap after, MB.</summary>
    public double ManagedHeapAfterMB { get; internal set; }

    /// <summary>Managed heap freed, MB (before - after; can be negative when other threads allocate meanwhile).</summary>
    public double FreedMB { get; internal set; }

    /// <summary>Working set given back, MB.</summary>
    public double WorkingSetFreedMB { get; internal set; }

    /// <summary>Expired cache entries removed.</summary>
    public int ExpiredEntriesRemoved { get; internal set; }

    /// <summary>Object pools trimmed.</summary>
    public int PoolsTrimmed { get; internal set; }

    /// <summary>True when a full garbage collection ran.</summary>
    public bool Collected { get; internal set; }

    /// <summary>True when the large object heap was compacted too (-Aggressive).</summary>
    public bool CompactedLargeObjectHeap { get; internal set; }

    /// <summary>memory_cleanup_threshold_mb at the time, MB.</summary>
    public double ThresholdMB { get; internal set; }

    /// <summary>Why it collected, or why not.</summary>
    public string Reason { get; internal set; } = string.Empty;
}
