using System;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Caching;

/// <summary>
/// Auto-optimisation of the default cache on the background schedule (enable_adaptive_caching): it grows while its
/// hit ratio over enough reads is low and memory has headroom. Runs after the memory cleanup, whose figures it reads.
/// </summary>
internal sealed class AdaptiveCacheSizing : IMaintenanceTask
{
    /// <summary>The fewest reads since the last decision on which sizing may act.</summary>
    public const long MinimumTraffic = 100;

    private readonly CacheRegistry _caches;

    public AdaptiveCacheSizing(CacheRegistry caches) => _caches = caches;

    public string Name => "AdaptiveCacheSizing";

    public void Run(MaintenanceContext context)
    {
        if (context.Request.Trigger != MaintenanceTrigger.Scheduled || !context.Configuration.EnableAdaptiveCaching)
        {
            return;
        }

        var cache = _caches.Default;
        var memory = (long)(context.Result.ManagedHeapAfterMB * Units.BytesPerMB);
        var threshold = (long)(context.Configuration.MemoryCleanupThresholdMB * Units.BytesPerMB);
        context.Result.CacheGrownTo = cache.TryGrowForHitRatio(memory, threshold, Math.Max(MinimumTraffic, cache.MaxSize));
    }
}
