namespace RevitPerf.Core.Kernel;

/// <summary>What started a run of the maintenance routine.</summary>
public enum MaintenanceTrigger
{
    /// <summary>Asked for (Optimize-RevitMemory, or an add-in calling <see cref="RevitPerfOptimizer.Optimize"/>).</summary>
    Manual,

    /// <summary>The background schedule (every pool_cleanup_interval_seconds).</summary>
    Scheduled,

    /// <summary>A memory monitor of this process raised a critical alert.</summary>
    MemoryAlert,
}
