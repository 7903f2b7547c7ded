using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Statistics;
using RevitPerf.Core.Tests.Benchmarking;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Benchmarking;

public class ScalabilityRunTests
{
    private sealed class SizedWorkload : IBenchmarkWorkload
    {
        private readonly ManualClock _clock;
        private readonly long _nanos;

        public SizedWorkload(ManualClock clock, long nanos)
        {
            _clock = clock;
            _nanos = nanos;
        }

        public void Setup()
        {
        }

        public void Run(long invocations) => _clock.Timestamp += _nanos * invocations;

        public string? Validate() => null;

        public void Teardown()
        {
        }
    }

    [Fact]
    public void WhenLatencyIsLinearInTheSize_EachSizeHasARowAndTheFitSaysLinear()
    {
        var clock = new ManualClock(1_000_000_000);
        var engine = new BenchmarkEngine(clock, new FakeAllocationProbe()) { MinimumWarmupTime = TimeSpan.Zero, MaximumWarmupTime = TimeSpan.Zero };
        var started = new List<int>();
        var (sizes, fit) = ScalabilityRun.Measure("walls", ScalabilityRun.DefaultElementCounts, n => new SizedWorkload(clock, 200_000 + (1_000L * n)), null, engine,
            starting: (n, _) => started.Add(n));
        Assert.Equal(new[] { 100, 1_000, 5_000, 10_000, 50_000 }, sizes.Select(s => s.ElementCount));
        Assert.Equal(started, sizes.Select(s => s.ElementCount));
        Assert.All(sizes, s => Assert.Equal(10, s.Iterations));
        Assert.Equal(0.2 + (0.001 * 5_000), sizes[2].MedianMs, 9);
        Assert.NotNull(fit);
        Assert.Equal(0.001, fit!.SlopeMsPerElement, 9);
        Assert.Equal(0.2, fit.InterceptMs, 6);
        Assert.True(fit.IsLinear);
        Assert.Equal(ComplexityClass.Linear, fit.Complexity);
    }

    [Fact]
    public void WhenLatencyIsQuadratic_TheFitSaysSoAndNotLinear()
    {
        var clock = new ManualClock(1_000_000_000);
        var engine = new BenchmarkEngine(clock, new FakeAllocationProbe()) { MinimumWarmupTime = TimeSpan.Zero, MaximumWarmupTime = TimeSpan.Zero };
        var (_, fit) = ScalabilityRun.Measure("pairs", ScalabilityRun.DefaultElementCounts, n => new SizedWorkload(clock, 10L * n * n), null, engine, iterations: 3, warmupIterations: 0);
        Assert.Equal(ComplexityClass.Quadratic, fit!.Complexity);
        Assert.False(fit.IsLinear); // the straight line climbs about 0.5 ms per element, above RevitPy's 0.1
    }

    [Fact]
    public void WhenFewerThanThreeSizesSucceed_ThereIsNoFit()
    {
        var clock = new ManualClock(1_000_000_000);
        var engine = new BenchmarkEngine(clock, new FakeAllocationProbe());
        var (sizes, fit) = ScalabilityRun.Measure("two", new[] { 10, 20 }, n => new SizedWorkload(clock, n), null, engine, iterations: 2, warmupIterations: 0);
        Assert.Equal(2, sizes.Count);
        Assert.Null(fit);
    }
}
