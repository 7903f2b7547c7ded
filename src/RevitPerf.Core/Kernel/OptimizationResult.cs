using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Kernel;

/// <summary>
/// What one run of the maintenance routine did and what it freed, flat: the one result of Optimize-RevitMemory, of
/// the background schedule and of <see cref="RevitPerfOptimizer.Optimize"/>.
/// </summary>
public sealed class OptimizationResult
{
    private readonly List<string> _failures = new();

    /// <summary>When the run started (UTC).</summary>
    public DateTime Timestamp { get; internal set; }

    /// <summary>What started it: Manual, Scheduled or MemoryAlert.</summary>
    public MaintenanceTrigger Trigger { get; internal set; }

    /// <summary>Working set before, MB.</summary>
    public double WorkingSetBeforeMB { get; internal set; }

    /// <summary>Working set after, MB.</summary>
    public double WorkingSetAfterMB { get; internal set; }

    /// <summary>Managed heap before, MB.</summary>
    public double ManagedHeapBeforeMB { get; internal set; }

    /// <summary>Managed heap after, MB (the same as before when nothing was collected).</summary>
    public double ManagedHeapAfterMB { get; internal set; }

    /// <summary>Managed heap freed, MB (before - after; can be negative when other threads allocate meanwhile).</summary>
    public double FreedMB { get; internal set; }

    /// <summary>Working set given back, MB.</summary>
    public double WorkingSetFreedMB { get; internal set; }

    /// <summary>Expired cache entries removed.</summary>
    public int ExpiredEntriesRemoved { get; internal set; }

    /// <summary>Idle objects dropped from object pools.</summary>
    public int PoolsTrimmed { get; internal set; }

    /// <summary>True when the managed heap was above the warning level (0.9 x memory_cleanup_threshold_mb).</summary>
    public bool Warning { get; internal set; }

    /// <summary>True when a full garbage collection ran.</summary>
    public bool Collected { get; internal set; }

    /// <summary>True when the large object heap was compacted too (-Aggressive).</summary>
    public bool CompactedLargeObjectHeap { get; internal set; }

    /// <summary>The default cache's new maximum size when adaptive sizing grew it; otherwise null.</summary>
    public int? CacheGrownTo { get; internal set; }

    /// <summary>Object pools adaptive sizing grew (on the schedule, with enable_adaptive_caching).</summary>
    public int PoolsGrown { get; internal set; }

    /// <summary>memory_cleanup_threshold_mb at the time, MB.</summary>
    public double ThresholdMB { get; internal set; }

    /// <summary>Why it collected, or why not.</summary>
    public string Reason { get; internal set; } = string.Empty;

    /// <summary>Steps that failed, as "step: message"; empty when every step ran.</summary>
    public string? Failures => _failures.Count == 0 ? null : string.Join("; ", _failures);

    internal void AddFailure(string task, Exception error) => _failures.Add(task + ": " + error.Message);
}
