using System;
using System.Runtime;

namespace RevitPerf.Core.Memory;

/// <summary>
/// Frees what the module can: removes expired cache entries, trims pools, and collects garbage when the managed heap
/// is above memory_cleanup_threshold_mb or when asked (compacting the large object heap when aggressive). Before and
/// after it reads the working set and the managed heap (without forcing a collection of its own).
/// </summary>
public static class MemoryOptimizer
{
    private const double MB = 1024 * 1024;

    /// <summary>Optimizes the current process with the optimizer's caches and threshold.</summary>
    public static OptimizationResult Optimize(RevitPerfOptimizer optimizer, bool force, bool aggressive, IMemoryProbe? probe = null)
    {
        if (optimizer is null)
        {
            throw new ArgumentNullException(nameof(optimizer));
        }

        probe ??= ProcessMemoryProbe.Instance;
        var threshold = optimizer.Configuration.Optimization.MemoryCleanupThresholdMB;
        var result = new OptimizationResult
        {
            WorkingSetBeforeMB = probe.WorkingSetBytes / MB,
            ManagedHeapBeforeMB = probe.ManagedHeapBytes / MB,
            ThresholdMB = threshold,
        };

        foreach (var cache in optimizer.Caches.All)
        {
            result.ExpiredEntriesRemoved += cache.RemoveExpired();
        }

        // The module has no object pools yet; when it does, they are trimmed here.
        result.PoolsTrimmed = 0;

        var above = result.ManagedHeapBeforeMB > threshold;
        if (above || force || aggressive)
        {
            if (aggressive)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                result.CompactedLargeObjectHeap = true;
            }

            probe.CollectGarbage();
            result.Collected = true;
            result.Reason = above ? $"the managed heap ({result.ManagedHeapBeforeMB:N1} MB) was above memory_cleanup_threshold_mb ({threshold:N0} MB)"
                : aggressive ? "asked for an aggressive collection" : "asked to collect";
        }
        else
        {
            result.Reason = $"the managed heap ({result.ManagedHeapBeforeMB:N1} MB) is below memory_cleanup_threshold_mb ({threshold:N0} MB); use -Force to collect anyway";
        }

        result.WorkingSetAfterMB = probe.WorkingSetBytes / MB;
        result.ManagedHeapAfterMB = probe.ManagedHeapBytes / MB;
        result.FreedMB = result.ManagedHeapBeforeMB - result.ManagedHeapAfterMB;
        result.WorkingSetFreedMB = result.WorkingSetBeforeMB - result.WorkingSetAfterMB;
        return result;
    }
}
