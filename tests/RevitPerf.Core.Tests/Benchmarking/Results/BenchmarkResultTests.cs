using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Benchmarking;

public class BenchmarkResultTests
{
    private static readonly BenchmarkEnvironment s_environment = new("7.6.9", "Core", "0.1.0");

    private static BenchmarkMeasurement Measure(long nanosPerOp, params int[] failOnRuns)
    {
        var clock = new ManualClock(1_000_000_000);
        var workload = new FakeWorkload(clock, nanosPerOp);
        foreach (var run in failOnRuns)
        {
            workload.FailOnRun.Add(run);
        }

        return new BenchmarkEngine(clock, new FakeAllocationProbe())
            .Run(new BenchmarkSpec("api_simple", workload) { Suite = "Api", Iterations = 10, WarmupIterations = 0, InvocationsPerIteration = 10 });
    }

    [Fact]
    public void WhenTargetsAreMetOrMissed_EachHasItsOwnFlagAndMetTargetsNeedsThemAll()
    {
        var measurement = Measure(500_000); // 0.5 ms per operation, 2,000 per second
        var met = new BenchmarkResult(measurement, new BenchmarkTargets { LatencyMs = 1, ThroughputOpsPerSec = 1_000 }, s_environment, DateTime.UtcNow);
        Assert.True(met.MetLatencyTarget);
        Assert.True(met.MetThroughputTarget);
        Assert.Null(met.MetMemoryTarget);
        Assert.True(met.MetTargets);
        Assert.Equal(0.5, met.MeanMs, 9);
        Assert.Equal(2_000, met.OpsPerSecond, 6);

        var missed = new BenchmarkResult(measurement, new BenchmarkTargets { LatencyMs = 0.1, MemoryMB = 10 }, s_environment, DateTime.UtcNow);
        Assert.False(missed.MetLatencyTarget);
        Assert.True(missed.MetMemoryTarget);
        Assert.False(missed.MetTargets);
    }

    [Fact]
    public void WhenABenchmarkHasSeveralTargets_ItIsJudgedByTheFirstItMissedElseTheMostSpecific()
    {
        var measurement = Measure(500_000); // 0.5 ms per operation, 2,000 per second
        var allMet = new BenchmarkResult(measurement, new BenchmarkTargets { LatencyMs = 1, ThroughputOpsPerSec = 1_000, MemoryMB = 10_000 }, s_environment, DateTime.UtcNow);
        Assert.Equal(("PeakMemoryMB", 10_000.0), (allMet.JudgedBy, allMet.JudgedTarget!.Value));
        Assert.Equal(allMet.PeakMemoryMB, allMet.JudgedValue);

        var latencyMissed = new BenchmarkResult(measurement, new BenchmarkTargets { LatencyMs = 0.1, ThroughputOpsPerSec = 1_000 }, s_environment, DateTime.UtcNow);
        Assert.Equal(("MeanMs", 0.5, 0.1), (latencyMissed.JudgedBy, latencyMissed.JudgedValue!.Value, latencyMissed.JudgedTarget!.Value));

        var none = new BenchmarkResult(measurement, null, s_environment, DateTime.UtcNow);
        Assert.Null(none.JudgedBy);
        Assert.Null(none.JudgedValue);
    }

    [Fact]
    public void WhenIterationsFailed_TargetsAreNotMetEvenIfTheTimesAre()
    {
        var result = new BenchmarkResult(Measure(1_000, 2), new BenchmarkTargets { LatencyMs = 1 }, s_environment, DateTime.UtcNow);
        Assert.True(result.MetLatencyTarget);
        Assert.False(result.MetTargets);
        Assert.Equal(0.9, result.SuccessRate, 12);
        Assert.Equal("element was deleted", result.Error);
    }

    [Fact]
    public void WhenAResultIsBuilt_ItIsFlatWithNameAndSuiteFirstAndSamplesBehindAMethod()
    {
        var result = new BenchmarkResult(Measure(1_000), null, s_environment, DateTime.UtcNow);
        var properties = typeof(BenchmarkResult).GetProperties();
        Assert.Equal("Name", properties[0].Name);
        Assert.Equal("Suite", properties[1].Name);
        Assert.All(properties, p => Assert.True(
            p.PropertyType.IsPrimitive || p.PropertyType == typeof(string) || p.PropertyType == typeof(DateTime)
            || Nullable.GetUnderlyingType(p.PropertyType) is { IsPrimitive: true },
            $"{p.Name} is a {p.PropertyType}"));
        Assert.Equal(10, result.GetSamplesMs().Length);
        Assert.Equal("7.6.9", result.PowerShellVersion);
        Assert.True(result.MetTargets); // no targets: nothing to miss
    }
}
