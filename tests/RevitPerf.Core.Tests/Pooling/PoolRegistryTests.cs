using System;
using System.Linq;
using System.Text;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Pooling;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Pooling;

public class PoolRegistryTests
{
    private static RevitPerfOptimizer Optimizer(Action<OptimizationConfig>? configure = null)
    {
        var configuration = new PerformanceConfiguration();
        configuration.Optimization.MemoryMonitoringEnabled = false;
        configure?.Invoke(configuration.Optimization);
        return new RevitPerfOptimizer(configuration, new ManualClock(), new FakeMemoryProbe());
    }

    [Fact]
    public void WhenAPoolIsAskedForTwice_TheSameOneComesBack_AndAnotherTypeUnderItsNameIsRefused()
    {
        using var optimizer = Optimizer();
        var pool = optimizer.Pools.GetOrCreate(() => new StringBuilder());
        Assert.Same(pool, optimizer.Pools.GetOrCreate(() => new StringBuilder()));
        Assert.Equal("System.Text.StringBuilder", pool.Name);
        Assert.True(optimizer.Pools.TryGet("system.text.stringbuilder", out _));

        var ex = Assert.Throws<PoolTypeMismatchException>(() => optimizer.Pools.GetOrCreate(() => new object(), name: "System.Text.StringBuilder"));
        Assert.Equal("System.Text.StringBuilder", ex.PoolName);
    }

    [Fact]
    public void WhenCreatedForATypeKnownAtRunTime_ThePoolHoldsThatTypeAndRefusesAFactoryThatMakesAnother()
    {
        using var optimizer = Optimizer();
        Assert.True(optimizer.Pools.TryCreate(typeof(StringBuilder), () => new StringBuilder(), sb => ((StringBuilder)sb).Clear(), null, null, out var pool));
        Assert.Equal(typeof(StringBuilder), pool.ItemType);
        var item = pool.BorrowObject(null);
        Assert.IsType<StringBuilder>(item);
        Assert.Equal(ReturnOutcome.Pooled, pool.ReturnObject(item, out _));
        Assert.Throws<ArgumentException>(() => pool.ReturnObject("text", out _));

        optimizer.Pools.TryCreate(typeof(StringBuilder), () => "not a builder", null, "Wrong", null, out var wrong);
        var error = Assert.Throws<InvalidOperationException>(() => wrong.BorrowObject(null));
        Assert.Contains("System.String", error.Message);
        Assert.Throws<ArgumentException>(() => optimizer.Pools.TryCreate(typeof(int), () => 1, null, "Ints", null, out _));
    }

    [Fact]
    public void WhenTheConfigurationChanges_PoolsThatFollowItResizeAndPoolingOffEmptiesThem()
    {
        using var optimizer = Optimizer(o => o.PoolMaxSize = 10);
        var following = optimizer.Pools.GetOrCreate(() => new object(), name: "Following");
        var own = optimizer.Pools.GetOrCreate(() => new object(), name: "Own", maxSize: 50);
        Assert.Equal(10, following.MaxSize);
        var items = Enumerable.Range(0, 8).Select(_ => following.Borrow()).ToList();
        items.ForEach(i => following.Return(i));

        var configuration = optimizer.Configuration;
        configuration.Optimization.PoolMaxSize = 4;
        optimizer.ApplyConfiguration(configuration);
        Assert.Equal(4, following.MaxSize);
        Assert.Equal(4, following.Available);
        Assert.Equal(50, own.MaxSize);

        configuration.Optimization.EnableObjectPooling = false;
        optimizer.ApplyConfiguration(configuration);
        Assert.False(own.Enabled);
        Assert.Equal(0, following.Available);
        Assert.Equal(ReturnOutcome.PoolingOff, following.Return(following.Borrow()));
        Assert.False(optimizer.Pools.GetOrCreate(() => new object(), name: "Later").Enabled);
    }

    [Fact]
    public void WhenTheOptimizerOptimizes_IdlePoolsAreTrimmedAndTheResultCountsTheObjects()
    {
        using var optimizer = Optimizer();
        var pool = optimizer.Pools.GetOrCreate(() => new object(), name: "Idle");
        var items = Enumerable.Range(0, 5).Select(_ => pool.Borrow()).ToList();
        items.ForEach(i => pool.Return(i));

        Assert.Equal(0, optimizer.Optimize().PoolsTrimmed); // borrowed since creation: not idle yet
        Assert.Equal(5, optimizer.Optimize().PoolsTrimmed); // nothing borrowed since the last run
        Assert.Equal(0, pool.Available);
    }

    [Fact]
    public void WhenAPoolIsRemovedOrTheOptimizerDisposed_ItIsEmptiedAndLaterReturnsAreDiscarded()
    {
        var optimizer = Optimizer();
        var pool = optimizer.Pools.GetOrCreate(() => new object(), name: "Gone");
        var out1 = pool.Borrow();
        pool.Return(pool.Borrow());
        Assert.True(optimizer.Pools.TryRemove("Gone", out _));
        Assert.Equal(0, pool.Available);
        Assert.Equal(ReturnOutcome.PoolingOff, pool.Return(out1));

        var other = optimizer.Pools.GetOrCreate(() => new object(), name: "Other");
        other.Return(other.Borrow());
        optimizer.Dispose();
        Assert.Equal(0, other.Available);
        Assert.Equal(0, optimizer.Pools.Count);
    }

    [Fact]
    public void WhenSnapshotsAreTaken_PoolCountIsThePools()
    {
        using var optimizer = Optimizer();
        optimizer.Pools.GetOrCreate(() => new object(), name: "A");
        optimizer.Pools.GetOrCreate(() => new object(), name: "B");
        using var probe = RevitPerf.Core.Memory.SystemProcessProbe.ForCurrentProcess(optimizer);
        Assert.Equal(2, probe.Take().PoolCount);
    }
}
