using System;
using System.Collections.Generic;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Kernel;

/// <summary>
/// The one maintenance routine: the steps capabilities plugged in, run in order, one run at a time, whether the
/// background schedule or a caller started it. A failing step is recorded in the result and the others still run.
/// </summary>
public sealed class MaintenanceRoutine
{
    private readonly object _gate = new();
    private readonly object _run = new();
    private readonly List<IMaintenanceTask> _tasks = new();
    private readonly IClock _clock;

    internal MaintenanceRoutine(IClock clock) => _clock = clock;

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<IMaintenanceTask> Tasks
    {
        get
        {
            lock (_gate)
            {
                return _tasks.ToArray();
            }
        }
    }

    /// <summary>Adds a step at the end (a capability does this once, when it is created).</summary>
    public void Add(IMaintenanceTask task)
    {
        lock (_gate)
        {
            _tasks.Add(task ?? throw new ArgumentNullException(nameof(task)));
        }
    }

    /// <summary>Runs every step once and returns what they did.</summary>
    public OptimizationResult Run(MaintenanceRequest request, OptimizationConfig configuration)
    {
        var result = new OptimizationResult
        {
            Timestamp = _clock.UtcNow,
            Trigger = (request ?? throw new ArgumentNullException(nameof(request))).Trigger,
            ThresholdMB = (configuration ?? throw new ArgumentNullException(nameof(configuration))).MemoryCleanupThresholdMB,
        };
        var context = new MaintenanceContext(request, configuration, result);

        // One run at a time: a scheduled run and Optimize-RevitMemory must not collect or sweep twice at once.
        lock (_run)
        {
            foreach (var task in Tasks)
            {
                try
                {
                    task.Run(context);
                }
#pragma warning disable CA1031 // One step's failure is reported in the result; the other steps still run.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    result.AddFailure(task.Name, ex);
                }
            }
        }

        return result;
    }
}
