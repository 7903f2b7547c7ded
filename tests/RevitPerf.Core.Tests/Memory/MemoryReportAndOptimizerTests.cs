using System;
using System.Linq;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Memory;

public class MemoryReportTests
{
    // Snapshots every 5 minutes on a real calendar date: the fit must run on hours since the first one.
    private static MemorySnapshot[] Series(Func<int, double> megabytes, int count = 25) =>
        Enumerable.Range(0, count).Select(i => new MemorySnapshot
        {
            Timestamp = new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc).AddMinutes(5 * i),
            ProcessId = 7,
            ProcessName = "Revit",
            WorkingSetMB = megabytes(i),
            HandleCount = 100 + i,
            ThreadCount = 40,
        }).ToArray();

    [Fact]
    public void WhenMemoryClimbsSteadily_TheReportSaysRisingWithTheRateAndSuspectsALeak()
    {
        // +10 MB every 5 minutes is 120 MB per hour, with a little jitter.
        var report = MemoryReport.Create("Revit", Series(i => 4000 + (10 * i) + (i % 2 == 0 ? 1 : -1)));
        Assert.Equal(MemoryTrend.Rising, report.Trend);
        Assert.Equal(120, report.GrowthMBPerHour, 0);
        Assert.True(report.GrowthRSquared > 0.99);
        Assert.True(report.LeakSuspected);
        Assert.Equal(2, report.Hours, 9);
        Assert.Equal(4241, report.PeakWorkingSetMB);
        Assert.Equal(124, report.PeakHandleCount);
        Assert.Null(report.PeakManagedHeapMB);
    }

    [Fact]
    public void WhenMemoryOnlyJitters_TheReportSaysStable()
    {
        var jitter = new[] { 0, 12, -8, 5, -3, 9, -11, 2, 7, -6 };
        var report = MemoryReport.Create("Revit", Series(i => 4000 + jitter[i % jitter.Length]));
        Assert.Equal(MemoryTrend.Stable, report.Trend);
        Assert.False(report.LeakSuspected);
        Assert.True(report.VariationPercent < 1);
    }

    [Fact]
    public void WhenMemoryIsReleased_TheReportSaysFalling()
    {
        var report = MemoryReport.Create("Revit", Series(i => 6000 - (20 * i)));
        Assert.Equal(MemoryTrend.Falling, report.Trend);
        Assert.Equal(-240, report.GrowthMBPerHour, 6);
        Assert.False(report.LeakSuspected);
    }

    [Fact]
    public void WhenThereIsTooLittleHistory_TheReportSaysWhy()
    {
        Assert.Throws<ArgumentException>(() => MemoryReport.Create("x", Series(i => 1, 2)));
        var sameTime = Series(i => i, 3).Select(s => { s.Timestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc); return s; }).ToArray();
        Assert.Throws<ArgumentException>(() => MemoryReport.Create("x", sameTime));
    }
}

public class MemoryOptimizerTests
{
    private static PerformanceConfiguration Config(double thresholdMB)
    {
        var config = new PerformanceConfiguration();
        config.Optimization.MemoryCleanupThresholdMB = thresholdMB;
        return config;
    }

    [Fact]
    public void WhenTheHeapIsAboveTheThreshold_ItCollectsAndReportsWhatWasFreed()
    {
        var probe = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(900), BytesAfterCollection = FakeMemoryProbe.MB(300), WorkingSetBytes = FakeMemoryProbe.MB(1200) };
        var clock = new ManualClock();
        using var optimizer = new RevitPerfOptimizer(Config(500), clock, probe);
        optimizer.Caches.Default.Set("old", 1, new Core.Caching.CacheEntryOptions { TimeToLive = TimeSpan.FromSeconds(1) });
        clock.Advance(TimeSpan.FromSeconds(2));

        var result = MemoryOptimizer.Optimize(optimizer, force: false, aggressive: false, probe);
        Assert.True(result.Collected);
        Assert.Equal(1, probe.Collections);
        Assert.Equal(600, result.FreedMB, 9);
        Assert.Equal(1, result.ExpiredEntriesRemoved);
        Assert.Contains("above memory_cleanup_threshold_mb", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheHeapIsBelowTheThreshold_ItCollectsOnlyWhenAsked()
    {
        var probe = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(100), BytesAfterCollection = FakeMemoryProbe.MB(80) };
        using var optimizer = new RevitPerfOptimizer(Config(500), new ManualClock(), probe);
        var result = MemoryOptimizer.Optimize(optimizer, force: false, aggressive: false, probe);
        Assert.False(result.Collected);
        Assert.Equal(0, probe.Collections);
        Assert.Contains("-Force", result.Reason, StringComparison.Ordinal);

        var forced = MemoryOptimizer.Optimize(optimizer, force: true, aggressive: false, probe);
        Assert.True(forced.Collected);
        Assert.Equal(20, forced.FreedMB, 9);

        var aggressive = MemoryOptimizer.Optimize(optimizer, force: false, aggressive: true, probe);
        Assert.True(aggressive.CompactedLargeObjectHeap);
        Assert.Equal(2, probe.Collections);
    }
}
