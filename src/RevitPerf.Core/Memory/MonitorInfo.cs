using System;
using System.Linq;

namespace RevitPerf.Core.Memory;

/// <summary>A monitor as it stands, flat: what it watches, how, and what it has seen.</summary>
public sealed class MonitorInfo
{
    /// <summary>Describes <paramref name="monitor"/> now.</summary>
    public MonitorInfo(MemoryMonitor monitor)
    {
        if (monitor is null)
        {
            throw new ArgumentNullException(nameof(monitor));
        }

        Name = monitor.Name;
        ProcessId = monitor.ProcessId;
        ProcessName = monitor.ProcessName;
        IsCurrentProcess = monitor.IsCurrentProcess;
        IsRunning = monitor.IsRunning;
        IntervalSeconds = monitor.Interval.TotalSeconds;
        SnapshotsTaken = monitor.SnapshotsTaken;
        var latest = monitor.GetSnapshots(last: 1).FirstOrDefault();
        LatestWorkingSetMB = latest?.WorkingSetMB;
        LatestSnapshotAt = latest?.Timestamp;
        ActiveAlerts = monitor.GetAlerts().Count;
        WarningThresholdMB = monitor.Options.WarningThresholdMB;
        CriticalThresholdMB = monitor.Options.CriticalThresholdMB;
        GrowthRateMBPerHour = monitor.Options.GrowthRateMBPerHour;
        StartedAt = monitor.StartedAt;
        StopReason = monitor.StopReason;
    }

    /// <summary>The monitor's name.</summary>
    public string Name { get; }

    /// <summary>The process watched.</summary>
    public int ProcessId { get; }

    /// <summary>Its name.</summary>
    public string ProcessName { get; }

    /// <summary>True when it watches the process it runs in.</summary>
    public bool IsCurrentProcess { get; }

    /// <summary>True while it samples.</summary>
    public bool IsRunning { get; }

    /// <summary>Seconds between snapshots.</summary>
    public double IntervalSeconds { get; }

    /// <summary>Snapshots taken since the start.</summary>
    public long SnapshotsTaken { get; }

    /// <summary>The latest working set, MB.</summary>
    public double? LatestWorkingSetMB { get; }

    /// <summary>When the latest snapshot was taken (UTC).</summary>
    public DateTime? LatestSnapshotAt { get; }

    /// <summary>Alerts now active.</summary>
    public int ActiveAlerts { get; }

    /// <summary>The warning threshold, MB.</summary>
    public double? WarningThresholdMB { get; }

    /// <summary>The critical threshold, MB.</summary>
    public double? CriticalThresholdMB { get; }

    /// <summary>The growth-rate threshold, MB per hour.</summary>
    public double? GrowthRateMBPerHour { get; }

    /// <summary>When it started (UTC).</summary>
    public DateTime? StartedAt { get; }

    /// <summary>Why it stopped by itself, or null.</summary>
    public string? StopReason { get; }
}
