using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Pooling;

/// <summary>The maintenance step that drops the pools' idle surplus (every pool_cleanup_interval_seconds on the schedule).</summary>
internal sealed class PoolTrimming : IMaintenanceTask
{
    private readonly PoolRegistry _pools;

    public PoolTrimming(PoolRegistry pools) => _pools = pools;

    public string Name => "PoolTrimming";

    public void Run(MaintenanceContext context) => context.Result.PoolsTrimmed += _pools.TrimAll();
}
