namespace RevitPerf.Core.Kernel;

/// <summary>
/// One step of the maintenance routine that a capability plugs in: the cache's expiry sweep, pool trimming, memory
/// cleanup. Steps run in the order they were added, one run at a time, on the background schedule and when asked.
/// </summary>
public interface IMaintenanceTask
{
    /// <summary>The step's name (for the result's record of what ran).</summary>
    string Name { get; }

    /// <summary>Does the step's work and records what it did in <paramref name="context"/>'s result.</summary>
    void Run(MaintenanceContext context);
}
