using System;
using System.Linq;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Memory;

public class MemoryCleanupTests
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

        var result = optimizer.Optimize(new MaintenanceRequest { Force = false, Aggressive = false });
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
        var result = optimizer.Optimize(new MaintenanceRequest { Force = false, Aggressive = false });
        Assert.False(result.Collected);
        Assert.Equal(0, probe.Collections);
        Assert.Contains("-Force", result.Reason, StringComparison.Ordinal);

        var forced = optimizer.Optimize(new MaintenanceRequest { Force = true, Aggressive = false });
        Assert.True(forced.Collected);
        Assert.Equal(20, forced.FreedMB, 9);

        var aggressive = optimizer.Optimize(new MaintenanceRequest { Force = false, Aggressive = true });
        Assert.True(aggressive.CompactedLargeObjectHeap);
        Assert.Equal(2, probe.Collections);
    }
}
