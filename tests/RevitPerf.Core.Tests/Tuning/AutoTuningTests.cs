using System;
using System.Linq;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tests.Fakes;
using RevitPerf.Core.Tuning;

namespace RevitPerf.Core.Tests.Tuning;

public class AutoTuningTests
{
    private static RevitPerfOptimizer Optimizer(FakeMemoryProbe probe, Action<OptimizationConfig>? configure = null)
    {
        var configuration = new PerformanceConfiguration();
        configuration.Optimization.MemoryMonitoringEnabled = false;
        configuration.Optimization.CacheMaxSize = 100;
        configuration.Optimization.MemoryCleanupThresholdMB = 500;
        configure?.Invoke(configuration.Optimization);
        return new RevitPerfOptimizer(configuration, new ManualClock(), probe);
    }

    private static TuningDecision Rule(System.Collections.Generic.IReadOnlyList<TuningDecision> decisions, string rule, string? target = null) =>
        decisions.Single(d => d.Rule == rule && (target is null || d.Target == target));

    [Fact]
    public void WhenThereIsNoTraffic_NothingGrows_HoweverOftenItRuns()
    {
        // RevitPy doubled the cache on every call without traffic.
        using var optimizer = Optimizer(new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(10) });
        optimizer.Pools.GetOrCreate(() => new object(), name: "Idle", maxSize: 10);
        for (var i = 0; i < 5; i++)
        {
            var decisions = optimizer.AutoOptimize();
            Assert.False(Rule(decisions, "CacheGrowth").Applied);
            Assert.Equal("none", Rule(decisions, "CacheGrowth").Action);
            Assert.Contains("not enough to judge", Rule(decisions, "CacheGrowth").Reason);
            Assert.Null(Rule(decisions, "CacheGrowth").Observed);
            Assert.False(Rule(decisions, "PoolGrowth", "Idle").Applied);
        }

        Assert.Equal(100, optimizer.Caches.Default.MaxSize);
        Assert.Equal(10, optimizer.Pools.All.Single().MaxSize);
    }

    [Fact]
    public void WhenTheCacheMissesOftenOverEnoughReads_ItDoubles_AndTheNextDecisionCountsFromThere()
    {
        using var optimizer = Optimizer(new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(10) });
        var cache = optimizer.Caches.Default;
        for (var i = 0; i < 150; i++)
        {
            cache.TryGet("k" + i, out _);
        }

        var growth = Rule(optimizer.AutoOptimize(), "CacheGrowth");
        Assert.True(growth.Applied);
        Assert.Equal(0, growth.Observed);
        Assert.Equal(0.7, growth.Threshold);
        Assert.Equal("grow from 100 to 200 entries", growth.Action);
        Assert.Equal(200, cache.MaxSize);

        // Those reads were spent on that decision.
        Assert.False(Rule(optimizer.AutoOptimize(), "CacheGrowth").Applied);
        Assert.Equal(200, cache.MaxSize);
    }

    [Fact]
    public void WhenMemoryHasNoHeadroom_TheCacheDoesNotGrow()
    {
        using var optimizer = Optimizer(new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(450) });
        for (var i = 0; i < 150; i++)
        {
            optimizer.Caches.Default.TryGet("k" + i, out _);
        }

        var growth = Rule(optimizer.AutoOptimize(), "CacheGrowth");
        Assert.False(growth.Applied);
        Assert.Contains("memory", growth.Reason);
    }

    [Fact]
    public void WhenAPoolRunsDryTooOften_ItDoublesUpToTheLimit()
    {
        using var optimizer = Optimizer(new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(10) });
        var pool = optimizer.Pools.GetOrCreate(() => new object(), name: "Short", maxSize: 2);
        for (var round = 0; round < 40; round++)
        {
            var held = Enumerable.Range(0, 4).Select(_ => pool.Borrow()).ToList();
            held.ForEach(o => pool.Return(o));
        }

        var growth = Rule(optimizer.AutoOptimize(), "PoolGrowth", "Short");
        Assert.True(growth.Applied);
        Assert.InRange(growth.Observed!.Value, 0.4, 0.6);
        Assert.Equal(0.8, growth.Threshold);
        Assert.Equal(4, pool.MaxSize);

        // RevitPy's growth changed a number; this pool really keeps more now.
        var four = Enumerable.Range(0, 4).Select(_ => pool.Borrow()).ToList();
        four.ForEach(o => pool.Return(o));
        Assert.Equal(4, pool.Available);
    }

    [Fact]
    public void WhenConfirmationIsRefused_NothingChangesAndNothingIsSpent()
    {
        var probe = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(10) };
        using var optimizer = Optimizer(probe);
        for (var i = 0; i < 150; i++)
        {
            optimizer.Caches.Default.TryGet("k" + i, out _);
        }

        var asked = new System.Collections.Generic.List<string>();
        var preview = optimizer.AutoOptimize(d =>
        {
            asked.Add(d.Rule);
            return false;
        });
        Assert.All(preview, d => Assert.False(d.Applied));
        Assert.Equal(new[] { "CacheGrowth", "GcLatencyMode" }, asked);
        Assert.Equal(100, optimizer.Caches.Default.MaxSize);

        probe.ManagedHeapBytes = FakeMemoryProbe.MB(600);
        Assert.False(Rule(optimizer.AutoOptimize(_ => false), "MemoryCleanup").Applied);
        Assert.Equal(0, probe.Collections);
        probe.ManagedHeapBytes = FakeMemoryProbe.MB(10);

        // The same reads still decide afterwards, when it is allowed.
        Assert.True(Rule(optimizer.AutoOptimize(), "CacheGrowth").Applied);
    }

    [Fact]
    public void WhenMemoryIsAboveTheThreshold_TheCleanupCollects_UnlessGcOptimizationIsOff()
    {
        var probe = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(600), BytesAfterCollection = FakeMemoryProbe.MB(100) };
        using var optimizer = Optimizer(probe);
        var cleanup = Rule(optimizer.AutoOptimize(), "MemoryCleanup");
        Assert.True(cleanup.Applied);
        Assert.Equal(600, cleanup.Observed!.Value, 3);
        Assert.Equal(500, cleanup.Threshold);
        Assert.Equal(1, probe.Collections);

        var below = Rule(optimizer.AutoOptimize(), "MemoryCleanup");
        Assert.False(below.Applied);
        Assert.Contains("below", below.Reason);

        var off = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(600) };
        using var disabled = Optimizer(off, o => o.GcOptimizationEnabled = false);
        var refused = Rule(disabled.AutoOptimize(), "MemoryCleanup");
        Assert.False(refused.Applied);
        Assert.Contains("gc_optimization_enabled is off", refused.Reason);
        Assert.Equal(0, off.Collections);
        Assert.False(Rule(disabled.AutoOptimize(), "GcLatencyMode").Applied);
    }

    [Fact]
    public void WhenScheduledWithAdaptiveCaching_TheCacheAndThePoolsGrow()
    {
        using var optimizer = Optimizer(new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(10) });
        var pool = optimizer.Pools.GetOrCreate(() => new object(), name: "Short", maxSize: 2);
        for (var round = 0; round < 40; round++)
        {
            var held = Enumerable.Range(0, 4).Select(_ => pool.Borrow()).ToList();
            held.ForEach(o => pool.Return(o));
        }

        for (var i = 0; i < 150; i++)
        {
            optimizer.Caches.Default.TryGet("k" + i, out _);
        }

        Assert.Equal(0, optimizer.Optimize().PoolsGrown); // asked for: no sizing
        var scheduled = optimizer.Optimize(new MaintenanceRequest { Trigger = MaintenanceTrigger.Scheduled });
        Assert.Equal(200, scheduled.CacheGrownTo);
        Assert.Equal(1, scheduled.PoolsGrown);
        Assert.Equal(4, pool.MaxSize);
    }
}
