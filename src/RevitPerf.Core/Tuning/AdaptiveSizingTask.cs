using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Tuning;

/// <summary>
/// Auto-optimisation on the background schedule (enable_adaptive_caching): the growth rules of <see cref="AutoTuning"/>
/// for the default cache and every pool. Runs after the memory cleanup, whose figures it reads.
/// </summary>
internal sealed class AdaptiveSizingTask : IMaintenanceTask
{
    private readonly AutoTuning _tuning;

    public AdaptiveSizingTask(AutoTuning tuning) => _tuning = tuning;

    public string Name => "AdaptiveSizing";

    public void Run(MaintenanceContext context)
    {
        if (context.Request.Trigger != MaintenanceTrigger.Scheduled || !context.Configuration.EnableAdaptiveCaching)
        {
            return;
        }

        var memory = (long)(context.Result.ManagedHeapAfterMB * Units.BytesPerMB);
        var threshold = (long)(context.Configuration.MemoryCleanupThresholdMB * Units.BytesPerMB);
        (context.Result.CacheGrownTo, context.Result.PoolsGrown) = _tuning.RunGrowth(memory, threshold);
    }
}
