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

    // One measurement of a workload whose every invocation takes `ms`, on a clock of its own.
    private static BenchmarkMeasurement MeasureAt(double ms)
    {
        var clock = new ManualClock(1_000_000_000);
        return new BenchmarkEngine(clock, new FakeAllocationProbe()) { MinimumWarmupTime = TimeSpan.Zero, MaximumWarmupTime = TimeSpan.Zero }
            .Run(new BenchmarkSpec("s", new SizedWorkload(clock, (long)(ms * 1_000_000))) { Iterations = 3, WarmupIterations = 0, InvocationsPerIteration = 1 });
    }

    [Fact]
    public void WhenRoundsAreAsked_EachVisitsEverySizeStartingOneFurtherAndTheSizesPoolTheirRounds()
    {
        var visits = new List<(int Size, int Round)>();
        var (sizes, fit) = ScalabilityRun.Measure("walls", new[] { 10, 20, 40 }, 3, (n, round) => { visits.Add((n, round)); return MeasureAt(n * 0.01); }, default, null);
        Assert.Equal(new[] { (10, 0), (20, 0), (40, 0), (20, 1), (40, 1), (10, 1), (40, 2), (10, 2), (20, 2) }, visits);
        Assert.All(sizes, s => Assert.Equal(9, s.Iterations));
        Assert.All(sizes, s => Assert.Equal(3, s.Rounds));
        Assert.Equal(3, fit!.Rounds);
        Assert.Equal(ComplexityClass.Linear, fit.Complexity);
        Assert.Equal(1, fit.Confidence);
        Assert.Null(fit.Reason);
    }

    [Fact]
    public void WhenTheRoundsTellDifferentStories_TheClassIsInconclusiveAndTheReasonNamesTheCandidates()
    {
        // Rounds alternate between a linear and a quadratic growth: no class holds in enough resamples.
        var (_, fit) = ScalabilityRun.Measure(
            "noisy", new[] { 10, 20, 40, 80 }, 6,
            (n, round) => MeasureAt(round % 2 == 0 ? n * 0.01 : n * n * 0.0005), default, null);
        Assert.Equal(ComplexityClass.Inconclusive, fit!.Complexity);
        Assert.True(fit.Confidence < ScalabilityRun.RequiredConfidence);
        Assert.Contains("resamples", fit.Reason, StringComparison.Ordinal);
        Assert.Contains("Linear", fit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenNothingGrows_TheClassIsConstantEvenBelowTheEnginesResolution()
    {
        var (_, fit) = ScalabilityRun.Measure("empty", new[] { 10, 100, 1_000, 10_000 }, 3, (n, _) => MeasureAt(n % 3 == 0 ? 0.0002 : 0.0001), default, null);
        Assert.Equal(ComplexityClass.Constant, fit!.Complexity);
    }

    [Fact]
    public void WhenSomeRoundsRunOnASlowerMachine_TheRoundsSpeedIsDividedOutAndTheClassStands()
    {
        // Lower quartiles of a linear PowerShell loop measured on this 2-core machine with nothing else running: the
        // machine switched between two speeds about 1.6x apart during the run, in the middle of rounds too. Fitted
        // pooled, these named Linearithmic with 37 % of the resamples; rows are sizes, columns rounds.
        var recorded = new Dictionary<int, double[]>
        {
            [1_000] = new[] { 0.0823, 0.0753, 0.0445, 0.0440, 0.0456 },
            [2_000] = new[] { 0.1264, 0.1484, 0.1083, 0.1469, 0.0943 },
            [4_000] = new[] { 0.3071, 0.3155, 0.3093, 0.1957, 0.2039 },
            [8_000] = new[] { 0.6481, 0.6187, 0.6214, 0.4609, 0.6102 },
            [16_000] = new[] { 1.2406, 1.2456, 1.2632, 0.9483, 0.8098 },
        };
        var (_, fit) = ScalabilityRun.Measure("loop", recorded.Keys.ToArray(), 5, (n, round) => MeasureAt(recorded[n][round]), default, null);
        Assert.Equal(ComplexityClass.Linear, fit!.Complexity);
        Assert.True(fit.Confidence >= ScalabilityRun.RequiredConfidence, $"confidence {fit.Confidence}");
    }

    [Fact]
    public void WhenEveryRoundRunsAtItsOwnSpeed_TheFiguresAreTheSameAsOnASteadyMachine()
    {
        // Rounds 1 and 3 run twice as slow for every size: the round-adjusted figures are those of the steady rounds.
        var steady = new[] { 1.0, 2.0, 4.0, 8.0 };
        var table = steady.Select(v => new[] { v, 2 * v, v, 2 * v, v }).ToList();
        var figures = ScalabilityRun.RoundAdjusted(table, new[] { 0, 1, 2, 3, 4 });
        Assert.Equal(steady, figures.Select(f => Math.Round(f, 9)));
    }

    [Fact]
    public void WhenAQuadraticIsMeasuredWithNoiseAtTheSmallestSize_ItIsNotCalledConstant()
    {
        // Every growing class needs a negative time for one element here; clear growth is still growth.
        var fit = ScalabilityFit.Fit(new double[] { 10, 20, 40, 80, 160 }, new[] { 0.0045, 0.0285, 0.1115, 0.4288, 1.6966 });
        Assert.NotEqual(ComplexityClass.Constant, fit.Complexity);
    }

    [Fact]
    public void WhenAWarmUpIsGiven_EverySizeWarmsUpBeforeTheFirstRoundAndOnlyTheRoundsCount()
    {
        var visits = new List<string>();
        var (sizes, _) = ScalabilityRun.Measure(
            "walls", new[] { 10, 20, 40 }, 2, (n, round) => { visits.Add($"{n}/{round}"); return MeasureAt(n * 0.01); }, default,
            n => visits.Add($"{n}/warm"));
        Assert.Equal(new[] { "10/warm", "20/warm", "40/warm", "10/0", "20/0", "40/0", "20/1", "40/1", "10/1" }, visits);
        Assert.All(sizes, s => Assert.Equal(2, s.Rounds));
    }
}
