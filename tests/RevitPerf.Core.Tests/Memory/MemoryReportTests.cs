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
