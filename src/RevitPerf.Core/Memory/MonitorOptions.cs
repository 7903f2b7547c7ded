using System;

namespace RevitPerf.Core.Memory;

/// <summary>How a memory monitor samples and when it alerts. Thresholds apply to the working set, in MB.</summary>
public sealed class MonitorOptions
{
    /// <summary>The shortest sampling interval.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The monitor's name (unique among the monitors that run).</summary>
    public string Name { get; set; } = "Monitor";

    /// <summary>Time between snapshots (metrics_collection_interval_seconds by default; at least 100 ms).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Snapshots kept (the newest; RevitPy kept 1,000).</summary>
    public int Capacity { get; set; } = 1000;

    /// <summary>Average working set at or above which a Warning alert is raised; null for none.</summary>
    public double? WarningThresholdMB { get; set; }

    /// <summary>Average working set at or above which the alert is Critical; null for none.</summary>
    public double? CriticalThresholdMB { get; set; }

    /// <summary>Growth of the working set, MB per hour, at or above which a Growth alert is raised; null for none.</summary>
    public double? GrowthRateMBPerHour { get; set; }

    /// <summary>Snapshots averaged for the thresholds (and fitted for growth: the newest <see cref="GrowthWindow"/>).</summary>
    public int Window { get; set; } = 5;

    /// <summary>Snapshots needed before any alert is judged.</summary>
    public int MinimumSamples { get; set; } = 3;

    /// <summary>Snapshots the growth rate is fitted over (the newest ones).</summary>
    public int GrowthWindow { get; set; } = 30;

    /// <summary>Run when a Memory alert becomes Critical, outside the monitor's lock (the seed's cleanup for this process).</summary>
    public Action? OnCritical { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("A monitor needs a name.", nameof(Name));
        }

        if (Interval < MinimumInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "The interval must be at least 100 ms.");
        }

        if (Capacity < 1 || Window < 1 || MinimumSamples < 1 || GrowthWindow < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), "Capacity, window and minimum samples must be positive; the growth window at least 3.");
        }

        if (WarningThresholdMB is { } warning && CriticalThresholdMB is { } critical && critical < warning)
        {
            throw new ArgumentOutOfRangeException(nameof(CriticalThresholdMB), critical, "The critical threshold cannot be below the warning threshold.");
        }
    }
}
