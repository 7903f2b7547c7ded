using System;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Metrics;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Metrics;

public class OperationMetricsTests
{
    [Fact]
    public void WhenTheThousandthDurationArrives_TheWindowIsCutToTheNewest500()
    {
        var metrics = new OperationMetrics(new ManualClock());
        for (var i = 1; i <= 999; i++)
        {
            metrics.Record("op", TimeSpan.FromMilliseconds(i));
        }

        Assert.Equal(999, metrics.Find("op")!.SampleCount);
        metrics.Record("op", TimeSpan.FromMilliseconds(1000));
        Assert.Equal(1000, metrics.Find("op")!.SampleCount);

        // The 1,001st recording finds the window full: the newest 500 (501..1000) stay, then it is added.
        metrics.Record("op", TimeSpan.FromMilliseconds(1001));
        var statistics = metrics.Find("op")!;
        Assert.Equal(501, statistics.SampleCount);
        Assert.Equal(1001, statistics.Count);
        Assert.Equal(751, statistics.P50Ms, 6);
        Assert.Equal(1001, statistics.MaxMs);
        Assert.Equal(Enumerable.Range(1, 1001).Sum(), statistics.TotalMs, 6);
        Assert.Equal(501, statistics.MeanMs, 6);
    }

    [Fact]
    public void WhenDurationsAreOneToTen_PercentilesFollowTheEnginesDefinition()
    {
        var metrics = new OperationMetrics(new ManualClock());
        foreach (var ms in new[] { 7, 3, 10, 1, 5, 2, 9, 4, 8, 6 })
        {
            metrics.Record("op", TimeSpan.FromMilliseconds(ms));
        }

        var statistics = metrics.Find("op")!;
        Assert.Equal(5.5, statistics.P50Ms, 9);
        Assert.Equal(9.55, statistics.P95Ms, 9);
        Assert.Equal(9.91, statistics.P99Ms, 9);
        Assert.Equal(5.5, statistics.MeanMs, 9);
    }

    [Fact]
    public void WhenRunsFail_TheyAreCountedAndStillTimed()
    {
        var clock = new ManualClock();
        var metrics = new OperationMetrics(clock);
        metrics.Record("op", TimeSpan.FromMilliseconds(2), succeeded: false, allocatedBytes: 100);
        clock.Advance(TimeSpan.FromSeconds(5));
        metrics.Record("OP", TimeSpan.FromMilliseconds(4), allocatedBytes: 50);
        var statistics = Assert.Single(metrics.GetStatistics());
        Assert.Equal("op", statistics.Name);
        Assert.Equal(2, statistics.Count);
        Assert.Equal(1, statistics.Failures);
        Assert.Equal(150, statistics.AllocatedBytes);
        Assert.Equal(clock.UtcNow, statistics.LastAt);
        Assert.Equal((2L, 1L), metrics.Totals);
    }

    [Fact]
    public void WhenAllocationsAreUnknown_AllocatedBytesIsNullNotZero()
    {
        var metrics = new OperationMetrics(new ManualClock());
        metrics.Record("op", TimeSpan.FromMilliseconds(1));
        Assert.Null(metrics.Find("op")!.AllocatedBytes);
    }

    [Fact]
    public void WhenDisabled_NothingIsRecorded()
    {
        var metrics = new OperationMetrics(new ManualClock()) { Enabled = false };
        Assert.False(metrics.Record("op", TimeSpan.FromMilliseconds(1)));
        Assert.Empty(metrics.GetStatistics());
        Assert.Null(metrics.Find("op"));
    }

    [Fact]
    public void WhenADurationIsNegative_ItCountsAsZero()
    {
        var metrics = new OperationMetrics(new ManualClock());
        metrics.Record("op", TimeSpan.FromMilliseconds(-3));
        Assert.Equal(0, metrics.Find("op")!.MaxMs);
        Assert.Equal(0, metrics.Find("op")!.TotalMs);
    }

    [Fact]
    public void WhenSelectingByWildcard_OnlyMatchingOperationsComeBackSortedByName()
    {
        var metrics = new OperationMetrics(new ManualClock());
        foreach (var name in new[] { "Load.Walls", "Export", "load.doors" })
        {
            metrics.Record(name, TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(new[] { "load.doors", "Load.Walls" }, metrics.GetStatistics(new[] { "load.*" }).Select(s => s.Name));
        Assert.Equal(new[] { "Export", "load.doors", "Load.Walls" }, metrics.Names);
        Assert.Throws<InvalidWildcardPatternException>(() => metrics.GetStatistics(new[] { "[z-a]*" }));
    }

    [Fact]
    public void WhenResettingSome_OnlyThoseAreForgotten_AndResettingAllRestartsTheUptimeAndHistory()
    {
        var clock = new ManualClock();
        var metrics = new OperationMetrics(clock);
        metrics.Record("a1", TimeSpan.FromMilliseconds(1));
        metrics.Record("a2", TimeSpan.FromMilliseconds(1));
        metrics.Record("b", TimeSpan.FromMilliseconds(1));
        clock.Advance(TimeSpan.FromSeconds(10));
        using var optimizer = new RevitPerfOptimizer(new PerformanceConfiguration(), clock, new FakeMemoryProbe());
        metrics.AddSample(optimizer.GetMetricsSummary());

        Assert.Equal(2, metrics.Reset(new[] { "a*" }));
        Assert.Equal(new[] { "b" }, metrics.Names);
        Assert.Single(metrics.History);
        Assert.Equal(10, metrics.Uptime.TotalSeconds, 6);

        Assert.Equal(1, metrics.Reset());
        Assert.Empty(metrics.Names);
        Assert.Empty(metrics.History);
        Assert.Equal(TimeSpan.Zero, metrics.Uptime);
    }

    [Fact]
    public void WhenMoreSamplesThanTheRingHolds_TheOldestAreDropped()
    {
        var clock = new ManualClock();
        using var optimizer = new RevitPerfOptimizer(new PerformanceConfiguration(), clock, new FakeMemoryProbe());
        for (var i = 0; i < OperationMetrics.SampleCapacity + 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            optimizer.SampleMetrics();
        }

        var history = optimizer.Metrics.History;
        Assert.Equal(OperationMetrics.SampleCapacity, history.Count);
        Assert.Equal(6, history[0].UptimeSeconds, 6);
    }

    [Fact]
    public void WhenSampling_TheRateCoversTheIntervalSinceThePreviousSample()
    {
        var clock = new ManualClock();
        var probe = new FakeMemoryProbe { WorkingSetBytes = FakeMemoryProbe.MB(300), ManagedHeapBytes = FakeMemoryProbe.MB(40) };
        using var optimizer = new RevitPerfOptimizer(new PerformanceConfiguration(), clock, probe);
        for (var i = 0; i < 10; i++)
        {
            optimizer.Metrics.Record("op", TimeSpan.FromMilliseconds(1));
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        var first = optimizer.SampleMetrics();
        Assert.Equal(1.0, first.OperationsPerSecond, 9);
        for (var i = 0; i < 40; i++)
        {
            optimizer.Metrics.Record("op", TimeSpan.FromMilliseconds(1), succeeded: i % 2 == 0);
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        var second = optimizer.SampleMetrics();
        Assert.Equal(4.0, second.OperationsPerSecond, 9);
        Assert.Equal(50, second.Operations);
        Assert.Equal(20, second.Failures);
        Assert.Equal(2.5, optimizer.GetMetricsSummary().OperationsPerSecond, 9);
        Assert.Equal(300, second.WorkingSetMB, 6);
        Assert.Equal(40, second.ManagedMemoryMB, 6);
    }

    [Fact]
    public void WhenPoolsServeBorrows_TheSummaryHitRatioIsServedOverBorrowed()
    {
        using var optimizer = new RevitPerfOptimizer(new PerformanceConfiguration(), new ManualClock(), new FakeMemoryProbe());
        var pool = optimizer.Pools.GetOrCreate(() => new object(), name: "p");
        for (var i = 0; i < 4; i++)
        {
            pool.Return(pool.Borrow());
        }

        var summary = optimizer.GetMetricsSummary();
        Assert.Equal(1, summary.Pools);
        Assert.Equal(0.75, summary.PoolHitRatio, 9);
    }

    [Fact]
    public void WhenTheConfigurationTurnsCollectionOff_RecordingStopsAndTheSamplingJobGoes()
    {
        using var optimizer = new RevitPerfOptimizer(new PerformanceConfiguration(), new ManualClock(), new FakeMemoryProbe());
        Assert.Contains(optimizer.Scheduler.Jobs, j => j.Name == RevitPerfOptimizer.MetricsJobName);
        var off = new PerformanceConfiguration();
        off.Optimization.EnableMetricsCollection = false;
        optimizer.ApplyConfiguration(off);
        Assert.False(optimizer.Metrics.Record("op", TimeSpan.FromMilliseconds(1)));
        Assert.DoesNotContain(optimizer.Scheduler.Jobs, j => j.Name == RevitPerfOptimizer.MetricsJobName);

        var on = new PerformanceConfiguration();
        on.Optimization.MetricsCollectionIntervalSeconds = 5;
        optimizer.ApplyConfiguration(on);
        Assert.True(optimizer.Metrics.Record("op", TimeSpan.FromMilliseconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(5), optimizer.Scheduler.Jobs.Single(j => j.Name == RevitPerfOptimizer.MetricsJobName).Interval);
    }

    [Fact]
    public void WhenFourThreadsRecordAtOnce_NothingIsLost()
    {
        var metrics = new OperationMetrics(new ManualClock());
        const int perThread = 25_000;
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                metrics.Record(i % 2 == 0 ? "even" : "odd", TimeSpan.FromMilliseconds(t + 1), succeeded: i % 10 != 0);
                if (i % 1000 == 0)
                {
                    _ = metrics.GetStatistics();
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var rows = metrics.GetStatistics();
        Assert.Equal(2 * perThread, rows.Single(r => r.Name == "even").Count);
        Assert.Equal(2 * perThread, rows.Single(r => r.Name == "odd").Count);
        Assert.Equal(4 * perThread / 10, rows.Sum(r => r.Failures));
        Assert.Equal(perThread * (1 + 2 + 3 + 4), rows.Sum(r => r.TotalMs), 3);
        Assert.All(rows, r => Assert.InRange(r.SampleCount, OperationMetrics.HistoryKept, OperationMetrics.HistoryCapacity));
        Assert.All(rows, r => Assert.InRange(r.P99Ms, 1, 4));
    }
}
