using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Statistics;
using RevitPerf.Core.Tests.Benchmarking;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Memory;

[CollectionDefinition("Real garbage collector", DisableParallelization = true)]
public sealed class RealGarbageCollectorCollection
{
}

public class LeakTestTests
{
    [Fact]
    public void WhenEachCallRetains10KB_TheVerdictIsLeakWithinAFewHundredIterations()
    {
        var probe = new FakeMemoryProbe { BytesAfterCollection = 50_000_000 };
        var result = new LeakTest(probe, new ManualClock()).Run("leaky", () => probe.BytesAfterCollection += 10_240, iterations: 300, duration: null);
        Assert.Equal(LeakVerdict.Leak, result.Verdict);
        Assert.Equal(10_240, result.BytesPerIteration, 6);
        Assert.Equal(300, result.Iterations);
        Assert.Equal(5, result.Samples); // the baseline after 100 warm-up runs, then a forced collection every 50
        Assert.Equal(5, probe.Collections);
        Assert.Equal(10_240 * 1000 / (1024.0 * 1024), result.ProjectedMBPer1000Runs, 9);
    }

    [Fact]
    public void WhenADurationIsGiven_TheTestRunsUntilItHasPassedButTakesAtLeastFourSamples()
    {
        var clock = new ManualClock();
        var probe = new FakeMemoryProbe { BytesAfterCollection = 50_000_000 };
        var result = new LeakTest(probe, clock).Run("timed", () => clock.Advance(TimeSpan.FromMilliseconds(10)), iterations: null, duration: TimeSpan.FromSeconds(5));
        Assert.Equal(500, result.Iterations);
        Assert.Equal(LeakVerdict.NoLeak, result.Verdict);

        var quick = new LeakTest(probe, clock).Run("short", () => clock.Advance(TimeSpan.FromSeconds(1)), iterations: null, duration: TimeSpan.FromSeconds(1));
        Assert.Equal(250, quick.Iterations); // 100 warm-up runs and four samples, whatever the time
    }

    [Fact]
    public void WhenTooFewIterationsOrNoLimitIsGiven_TheTestRefuses()
    {
        var test = new LeakTest(new FakeMemoryProbe(), new ManualClock());
        Assert.Throws<ArgumentOutOfRangeException>(() => test.Run("x", () => { }, iterations: 100, duration: null));
        Assert.Throws<ArgumentException>(() => test.Run("x", () => { }, iterations: null, duration: null));
    }
}

[Collection("Real garbage collector")]
public class LeakTestWithTheRealCollectorTests
{
    [Fact]
    public void WhenABlockRetains10KBPerCall_TheRealHeapSaysLeak()
    {
        var kept = new List<byte[]>();
        var result = new LeakTest().Run("real leak", () => kept.Add(new byte[10_240]), iterations: 400, duration: null);
        Assert.Equal(LeakVerdict.Leak, result.Verdict);
        Assert.InRange(result.BytesPerIteration, 9_000, 12_000);
        GC.KeepAlive(kept);
    }

    [Fact]
    public void WhenABlockAllocatesHeavilyButRetainsNothing_TheRealHeapSaysNoLeak()
    {
        var sink = 0L;
        var result = new LeakTest().Run("churn", () => sink += new byte[200_000].Length + new string('x', 5_000).Length, iterations: 400, duration: null);
        Assert.NotEqual(LeakVerdict.Leak, result.Verdict);
        Assert.True(Math.Abs(result.BytesPerIteration) < 1024, $"{result.BytesPerIteration} bytes per iteration"); // of 200 KB allocated per run
        Assert.True(sink > 0);
    }
}
