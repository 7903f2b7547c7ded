using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests;

/// <summary>Instances, and the process-wide facade: the latter share static state, so these tests run one at a time.</summary>
[Collection(nameof(RevitPerfOptimizerTests))]
[CollectionDefinition(nameof(RevitPerfOptimizerTests), DisableParallelization = true)]
public class RevitPerfOptimizerTests : IDisposable
{
    // What the background schedule runs: the maintenance routine, adaptive sizing included.
    private static OptimizationResult Scheduled(RevitPerfOptimizer optimizer) =>
        optimizer.Optimize(new MaintenanceRequest { Trigger = MaintenanceTrigger.Scheduled });

    // The maintenance schedule; the metrics sampling job runs beside it (see OperationMetricsTests).
    private static System.Collections.Generic.List<ScheduledJob> OptimizeJobs(RevitPerfOptimizer optimizer) =>
        optimizer.Scheduler.Jobs.Where(j => j.Name == RevitPerfOptimizer.OptimizationJobName).ToList();

    private static PerformanceConfiguration Config(double thresholdMB = 400, bool gc = true, bool monitoring = true)
    {
        var config = new PerformanceConfiguration();
        config.Optimization.MemoryCleanupThresholdMB = thresholdMB;
        config.Optimization.GcOptimizationEnabled = gc;
        config.Optimization.MemoryMonitoringEnabled = monitoring;
        return config;
    }

    [Fact]
    public void WhenMemoryIsBelowTheWarningLevel_MaintenanceDoesNothing()
    {
        var probe = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(350) };
        using var optimizer = new RevitPerfOptimizer(Config(), new ManualClock(), probe);
        var result = Scheduled(optimizer);
        Assert.False(result.Warning);
        Assert.False(result.Collected);
        Assert.Equal(0, probe.Collections);
        Assert.Equal(1, optimizer.Optimizations);
    }

    [Fact]
    public void WhenMemoryIsAboveTheWarningLevelButBelowTheThreshold_ItWarnsWithoutCollecting()
    {
        var probe = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(370) };
        using var optimizer = new RevitPerfOptimizer(Config(), new ManualClock(), probe);
        var result = Scheduled(optimizer);
        Assert.True(result.Warning);
        Assert.False(result.Collected);
        Assert.Equal(1, optimizer.MemoryWarnings);
        Assert.Equal(0, optimizer.GarbageCollectionsTriggered);
    }

    [Fact]
    public void WhenMemoryIsAboveTheThreshold_ACollectionIsForcedAndMeasured()
    {
        var clock = new ManualClock();
        var probe = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(500), BytesAfterCollection = FakeMemoryProbe.MB(100) };
        using var optimizer = new RevitPerfOptimizer(Config(), clock, probe);
        var result = Scheduled(optimizer);
        Assert.True(result.Collected);
        Assert.Equal(500, result.ManagedHeapBeforeMB);
        Assert.Equal(100, result.ManagedHeapAfterMB);
        Assert.Equal(400, result.ThresholdMB);
        Assert.Equal(clock.UtcNow, result.Timestamp);
        Assert.Same(result, optimizer.LastOptimization);
        Assert.Equal(1, probe.Collections);
    }

    [Fact]
    public void WhenGcOptimizationIsOff_MaintenanceNeverCollects()
    {
        var probe = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(900) };
        using var optimizer = new RevitPerfOptimizer(Config(gc: false), new ManualClock(), probe);
        Assert.False(Scheduled(optimizer).Collected);
        Assert.Equal(0, probe.Collections);
    }

    [Fact]
    public void WhenMonitoringIsOn_MaintenanceIsScheduledAtTheCleanupInterval()
    {
        using var optimizer = new RevitPerfOptimizer(Config(), new ManualClock(), new FakeMemoryProbe());
        var job = Assert.Single(OptimizeJobs(optimizer));
        Assert.Equal(RevitPerfOptimizer.OptimizationJobName, job.Name);
        Assert.Equal(TimeSpan.FromSeconds(300), job.Interval);
    }

    [Fact]
    public void WhenConfigurationChanges_TheLiveOptimizerReschedulesAndStopsWork()
    {
        using var optimizer = new RevitPerfOptimizer(Config(), new ManualClock(), new FakeMemoryProbe());
        var job = Assert.Single(OptimizeJobs(optimizer));

        var faster = Config();
        faster.Optimization.PoolCleanupIntervalSeconds = 60;
        optimizer.ApplyConfiguration(faster);
        Assert.Same(job, Assert.Single(OptimizeJobs(optimizer)));
        Assert.Equal(TimeSpan.FromSeconds(60), job.Interval);
        Assert.Equal(60, optimizer.Configuration.Optimization.PoolCleanupIntervalSeconds);

        optimizer.ApplyConfiguration(Config(monitoring: false));
        Assert.Empty(OptimizeJobs(optimizer));
        Assert.True(job.IsStopped);

        optimizer.ApplyConfiguration(Config());
        Assert.Single(OptimizeJobs(optimizer));
    }

    [Fact]
    public void WhenTheBackgroundJobRuns_ItUsesTheLiveConfiguration()
    {
        var probe = new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(500) };
        var config = Config();
        config.Optimization.PoolCleanupIntervalSeconds = 0.01;
        using var optimizer = new RevitPerfOptimizer(config, new ManualClock(), probe);
        Assert.True(SpinWait.SpinUntil(() => optimizer.Optimizations >= 2, TimeSpan.FromSeconds(10)));
        Assert.True(probe.Collections >= 1);
    }

    [Fact]
    public void WhenDisposed_NoBackgroundWorkIsLeftAndMaintenanceIsRefused()
    {
        var config = Config();
        config.Optimization.PoolCleanupIntervalSeconds = 0.01;
        var optimizer = new RevitPerfOptimizer(config, new ManualClock(), new FakeMemoryProbe());
        var job = Assert.Single(OptimizeJobs(optimizer));
        SpinWait.SpinUntil(() => optimizer.Optimizations >= 1, TimeSpan.FromSeconds(10));

        optimizer.Dispose();
        var runs = optimizer.Optimizations;
        Assert.True(optimizer.IsDisposed);
        Assert.True(job.IsStopped);
        Assert.Empty(optimizer.Scheduler.Jobs);
        Assert.Throws<ObjectDisposedException>(() => optimizer.Optimize());
        optimizer.ApplyConfiguration(Config());
        Assert.Empty(optimizer.Scheduler.Jobs);
        Assert.Equal(runs, optimizer.Optimizations);
        optimizer.Dispose();
    }

    [Fact]
    public void WhenCreated_TheDefaultCacheIsSizedFromTheConfigurationAndFollowsChanges()
    {
        using var optimizer = new RevitPerfOptimizer(Config(), new ManualClock(), new FakeMemoryProbe());
        var cache = optimizer.Caches.Default;
        Assert.Equal("Default", cache.Name);
        Assert.Equal(10_000, cache.MaxSize);
        Assert.Equal(100L * 1024 * 1024, cache.MaxMemoryBytes);
        Assert.Equal(TimeSpan.FromHours(1), cache.DefaultTimeToLive);

        var changed = Config();
        changed.Optimization.CacheMaxSize = 3;
        changed.Optimization.CacheMaxMemoryMB = 1;
        changed.Optimization.CacheTtlSeconds = 60;
        for (var i = 0; i < 5; i++)
        {
            cache.Set("k" + i, i);
        }

        optimizer.ApplyConfiguration(changed);
        Assert.Same(cache, optimizer.Caches.Default);
        Assert.Equal(3, cache.MaxSize);
        Assert.Equal(3, cache.Count);
        Assert.Equal(1024 * 1024, cache.MaxMemoryBytes);
        Assert.Equal(TimeSpan.FromMinutes(1), cache.DefaultTimeToLive);
    }

    [Fact]
    public void WhenOptimizations_ExpiredEntriesOfEveryCacheAreRemoved()
    {
        var clock = new ManualClock();
        using var optimizer = new RevitPerfOptimizer(Config(), clock, new FakeMemoryProbe());
        Assert.True(optimizer.Caches.TryCreate(new Core.Caching.CacheOptions { Name = "named", DefaultTimeToLive = TimeSpan.FromSeconds(1) }, out var named));
        named.Set("a", 1);
        optimizer.Caches.Default.Set("b", 1, new Core.Caching.CacheEntryOptions { TimeToLive = TimeSpan.FromSeconds(1) });
        optimizer.Caches.Default.Set("c", 1);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, Scheduled(optimizer).ExpiredEntriesRemoved);
        Assert.Equal(1, optimizer.Caches.Default.Count);
        Assert.Equal(0, named.Count);
    }

    [Fact]
    public void WhenTheDefaultCacheMissesAlotUnderTraffic_MaintenanceGrowsItOnlyThen()
    {
        var config = Config();
        config.Optimization.CacheMaxSize = 100;
        using var optimizer = new RevitPerfOptimizer(config, new ManualClock(), new FakeMemoryProbe { ManagedHeapBytes = FakeMemoryProbe.MB(10) });
        Assert.Null(Scheduled(optimizer).CacheGrownTo);
        for (var i = 0; i < 150; i++)
        {
            optimizer.Caches.Default.TryGet("k" + i, out _);
        }

        Assert.Equal(200, Scheduled(optimizer).CacheGrownTo);
        Assert.Null(Scheduled(optimizer).CacheGrownTo);

        config.Optimization.EnableAdaptiveCaching = false;
        optimizer.ApplyConfiguration(config);
        for (var i = 0; i < 150; i++)
        {
            optimizer.Caches.Default.TryGet("k" + i, out _);
        }

        Assert.Null(Scheduled(optimizer).CacheGrownTo);
        Assert.Equal(100, optimizer.Caches.Default.MaxSize);
    }

    [Fact]
    public void WhenTheCallersConfigurationChangesLater_TheOptimizerKeepsItsCopy()
    {
        var config = Config();
        using var optimizer = new RevitPerfOptimizer(config, new ManualClock(), new FakeMemoryProbe());
        config.Optimization.CacheMaxSize = 1;
        optimizer.Configuration.Optimization.CacheMaxSize = 2;
        Assert.Equal(10_000, optimizer.Configuration.Optimization.CacheMaxSize);
    }

    public RevitPerfOptimizerTests()
    {
        RevitPerfOptimizer.ShutdownCurrent();
        RevitPerfOptimizer.Configure(new PerformanceConfiguration());
    }

    public void Dispose()
    {
        RevitPerfOptimizer.ShutdownCurrent();
        RevitPerfOptimizer.Configure(new PerformanceConfiguration());
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void WhenManyThreadsAskAtOnce_ExactlyOneOptimizerIsCreated()
    {
        Assert.False(RevitPerfOptimizer.IsCurrentCreated);
        using var start = new Barrier(8);
        var seen = new RevitPerfOptimizer[8];
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            seen[i] = RevitPerfOptimizer.Current;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.All(seen, o => Assert.Same(seen[0], o));
        Assert.True(RevitPerfOptimizer.IsCurrentCreated);
    }

    [Fact]
    public void WhenConfigured_TheLiveInstanceIsKeptAndFollowsTheNewConfiguration()
    {
        var optimizer = RevitPerfOptimizer.Current;
        var config = new PerformanceConfiguration();
        config.Optimization.PoolCleanupIntervalSeconds = 42;
        RevitPerfOptimizer.Configure(config);
        Assert.Same(optimizer, RevitPerfOptimizer.Current);
        Assert.Equal(42, optimizer.Configuration.Optimization.PoolCleanupIntervalSeconds);
        Assert.Equal(TimeSpan.FromSeconds(42), Assert.Single(OptimizeJobs(optimizer)).Interval);
        Assert.Equal(42, RevitPerfOptimizer.CurrentConfiguration.Optimization.PoolCleanupIntervalSeconds);
    }

    [Fact]
    public void WhenConfiguredBeforeCreation_TheInstanceIsCreatedFromThatConfiguration()
    {
        var config = new PerformanceConfiguration();
        config.Optimization.MemoryMonitoringEnabled = false;
        RevitPerfOptimizer.Configure(config);
        Assert.False(RevitPerfOptimizer.IsCurrentCreated);
        Assert.Empty(OptimizeJobs(RevitPerfOptimizer.Current));
    }

    [Fact]
    public void WhenShutDown_TheOldInstanceIsDisposedAndTheNextReadCreatesANewOne()
    {
        var first = RevitPerfOptimizer.Current;
        var job = Assert.Single(OptimizeJobs(first));
        RevitPerfOptimizer.ShutdownCurrent();
        Assert.True(first.IsDisposed);
        Assert.True(job.IsStopped);
        Assert.False(RevitPerfOptimizer.IsCurrentCreated);
        var second = RevitPerfOptimizer.Current;
        Assert.NotSame(first, second);
        Assert.False(second.IsDisposed);
    }

    [Fact]
    public async Task WhenConfiguredConcurrently_TheLastConfigurationWinsEverywhere()
    {
        var optimizer = RevitPerfOptimizer.Current;
        var tasks = Enumerable.Range(1, 20).Select(i => Task.Run(() =>
        {
            var config = new PerformanceConfiguration();
            config.Optimization.CacheMaxSize = i;
            RevitPerfOptimizer.Configure(config);
        }));
        await Task.WhenAll(tasks);
        Assert.Equal(RevitPerfOptimizer.CurrentConfiguration.Optimization.CacheMaxSize, optimizer.Configuration.Optimization.CacheMaxSize);
    }

    [Fact]
    public void WhenTheCurrentConfigurationIsRead_ItIsACopy()
    {
        RevitPerfOptimizer.CurrentConfiguration.Optimization.CacheMaxSize = 3;
        Assert.Equal(10_000, RevitPerfOptimizer.CurrentConfiguration.Optimization.CacheMaxSize);
    }
}
