using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Memory;

/// <summary>
/// What a monitor's history says about a process, flat: peak, average, growth in MB per hour fitted on hours since
/// the first snapshot (never on raw epoch seconds), its trend, stability and whether a leak is suspected.
/// </summary>
public sealed class MemoryReport
{
    private MemoryReport()
    {
    }

    /// <summary>The monitor.</summary>
    public string Monitor { get; private set; } = string.Empty;

    /// <summary>The process.</summary>
    public int ProcessId { get; private set; }

    /// <summary>Its name.</summary>
    public string ProcessName { get; private set; } = string.Empty;

    /// <summary>Snapshots in the history.</summary>
    public int Samples { get; private set; }

    /// <summary>The first snapshot's time (UTC).</summary>
    public DateTime From { get; private set; }

    /// <summary>The last snapshot's time (UTC).</summary>
    public DateTime To { get; private set; }

    /// <summary>Hours covered.</summary>
    public double Hours { get; private set; }

    /// <summary>Working set at the first snapshot, MB.</summary>
    public double StartWorkingSetMB { get; private set; }

    /// <summary>Working set at the last snapshot, MB.</summary>
    public double EndWorkingSetMB { get; private set; }

    /// <summary>The highest working set, MB.</summary>
    public double PeakWorkingSetMB { get; private set; }

    /// <summary>The average working set, MB.</summary>
    public double AverageWorkingSetMB { get; private set; }

    /// <summary>Growth of the working set, MB per hour (slope of the fit).</summary>
    public double GrowthMBPerHour { get; private set; }

    /// <summary>Half-width of the growth's 99 % confidence interval, MB per hour.</summary>
    public double GrowthErrorMBPerHour { get; private set; }

    /// <summary>r² of the growth fit.</summary>
    public double GrowthRSquared { get; private set; }

    /// <summary>Rising, Stable or Falling: significant growth (or decline) of at least 1 % of the average per hour.</summary>
    public MemoryTrend Trend { get; private set; }

    /// <summary>Coefficient of variation of the working set, percent: low is stable.</summary>
    public double VariationPercent { get; private set; }

    /// <summary>The share of consecutive snapshots that grew (RevitPy's measure).</summary>
    public double GrowthRatio { get; private set; }

    /// <summary>Rising with r² ≥ 0.5, or more than 70 % of consecutive snapshots growing while the trend is not falling.</summary>
    public bool LeakSuspected { get; private set; }

    /// <summary>The highest managed heap, MB (this process only).</summary>
    public double? PeakManagedHeapMB { get; private set; }

    /// <summary>The most handles seen.</summary>
    public int PeakHandleCount { get; private set; }

    /// <summary>The most threads seen.</summary>
    public int PeakThreadCount { get; private set; }

    /// <summary>Reports on <paramref name="snapshots"/> (oldest first, at least three, at two different times at least).</summary>
    public static MemoryReport Create(string monitor, IReadOnlyList<MemorySnapshot> snapshots)
    {
        if (snapshots is null || snapshots.Count < 3)
        {
            throw new ArgumentException("A report needs at least three snapshots.", nameof(snapshots));
        }

        var first = snapshots[0].Timestamp;
        var hours = snapshots.Select(s => (s.Timestamp - first).TotalHours).ToList();
        if (hours.Distinct().Count() < 2)
        {
            throw new ArgumentException("The snapshots must span some time.", nameof(snapshots));
        }

        var workingSet = snapshots.Select(s => s.WorkingSetMB).ToList();
        var fit = LinearFit.Fit(hours, workingSet);
        var stats = SampleStatistics.From(workingSet);
        // Significant, and large enough to matter: at least 1 % of the average per hour.
        var meaningful = Math.Abs(fit.Slope) >= stats.Mean * 0.01;
        var trend = meaningful && fit.Slope - fit.SlopeErrorHalfWidth > 0 ? MemoryTrend.Rising
            : meaningful && fit.Slope + fit.SlopeErrorHalfWidth < 0 ? MemoryTrend.Falling
            : MemoryTrend.Stable;
        var ratio = LeakAnalysis.GrowthRatioOf(workingSet);
        var heaps = snapshots.Where(s => s.ManagedHeapMB is not null).Select(s => s.ManagedHeapMB!.Value).ToList();
        return new MemoryReport
        {
            Monitor = monitor ?? string.Empty,
            ProcessId = snapshots[snapshots.Count - 1].ProcessId,
            ProcessName = snapshots[snapshots.Count - 1].ProcessName,
            Samples = snapshots.Count,
            From = first,
            To = snapshots[snapshots.Count - 1].Timestamp,
            Hours = hours[hours.Count - 1],
            StartWorkingSetMB = workingSet[0],
            EndWorkingSetMB = workingSet[workingSet.Count - 1],
            PeakWorkingSetMB = stats.Max,
            AverageWorkingSetMB = stats.Mean,
            GrowthMBPerHour = fit.Slope,
            GrowthErrorMBPerHour = fit.SlopeErrorHalfWidth,
            GrowthRSquared = fit.RSquared,
            Trend = trend,
            VariationPercent = stats.Mean == 0 ? 0 : stats.StdDev / stats.Mean * 100,
            GrowthRatio = ratio,
            LeakSuspected = (trend == MemoryTrend.Rising && fit.RSquared >= 0.5) || (ratio > LeakAnalysis.GrowthRatioThreshold && trend != MemoryTrend.Falling),
            PeakManagedHeapMB = heaps.Count == 0 ? null : heaps.Max(),
            PeakHandleCount = snapshots.Max(s => s.HandleCount),
            PeakThreadCount = snapshots.Max(s => s.ThreadCount),
        };
    }
}
