using System.Globalization;
using System.Runtime;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Memory;

/// <summary>
/// The memory step of the maintenance routine, RevitPy's optimize_memory rules: above 0.9 x memory_cleanup_threshold_mb
/// of managed memory is a warning; above the threshold, with gc_optimization_enabled, a full collection is forced. A
/// request to force (or to compact the large object heap) collects whatever the heap's size. Before and after it reads
/// the working set and the managed heap without forcing a collection of its own.
/// </summary>
internal sealed class MemoryCleanup : IMaintenanceTask
{
    private readonly IMemoryProbe _probe;

    public MemoryCleanup(IMemoryProbe probe) => _probe = probe;

    public string Name => "MemoryCleanup";

    public void Run(MaintenanceContext context)
    {
        var result = context.Result;
        var options = context.Configuration;
        var request = context.Request;
        var threshold = options.MemoryCleanupThresholdMB;
        result.WorkingSetBeforeMB = _probe.WorkingSetBytes / Units.BytesPerMB;
        result.ManagedHeapBeforeMB = _probe.ManagedHeapBytes / Units.BytesPerMB;
        result.Warning = result.ManagedHeapBeforeMB > threshold * RevitPerfOptimizer.MemoryWarningFactor;
        var above = result.ManagedHeapBeforeMB > threshold;
        var heap = result.ManagedHeapBeforeMB.ToString("N1", CultureInfo.InvariantCulture) + " MB";
        var limit = threshold.ToString("N0", CultureInfo.InvariantCulture) + " MB";

        if (request.Aggressive || request.Force || (above && options.GcOptimizationEnabled))
        {
            if (request.Aggressive)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                result.CompactedLargeObjectHeap = true;
            }

            _probe.CollectGarbage();
            result.Collected = true;
            result.Reason = above ? $"the managed heap ({heap}) was above memory_cleanup_threshold_mb ({limit})"
                : request.Aggressive ? "asked for an aggressive collection" : "asked to collect";
        }
        else
        {
            result.Reason = above
                ? $"the managed heap ({heap}) is above memory_cleanup_threshold_mb ({limit}), but gc_optimization_enabled is off; use -Force to collect anyway"
                : $"the managed heap ({heap}) is below memory_cleanup_threshold_mb ({limit}); use -Force to collect anyway";
        }

        result.WorkingSetAfterMB = _probe.WorkingSetBytes / Units.BytesPerMB;
        result.ManagedHeapAfterMB = result.Collected ? _probe.ManagedHeapBytes / Units.BytesPerMB : result.ManagedHeapBeforeMB;
        result.FreedMB = result.ManagedHeapBeforeMB - result.ManagedHeapAfterMB;
        result.WorkingSetFreedMB = result.WorkingSetBeforeMB - result.WorkingSetAfterMB;
    }
}
