using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Caching;

/// <summary>The caches' step of the maintenance routine: RevitPy's optimize_memory starts by dropping expired entries.</summary>
internal sealed class ExpiredEntriesSweep : IMaintenanceTask
{
    private readonly CacheRegistry _caches;

    public ExpiredEntriesSweep(CacheRegistry caches) => _caches = caches;

    public string Name => "ExpiredEntries";

    public void Run(MaintenanceContext context)
    {
        foreach (var cache in _caches.All)
        {
            context.Result.ExpiredEntriesRemoved += cache.RemoveExpired();
        }
    }
}
