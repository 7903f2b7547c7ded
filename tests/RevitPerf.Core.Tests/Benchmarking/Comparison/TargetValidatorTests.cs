using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Benchmarking;

public class TargetValidatorTests
{
    private static readonly BenchmarkEnvironment s_environment = new("7.6.9", "Core", "0.1.0");

    private static BenchmarkResult Result(string name, double nanosPerOp, long bytesPerOp = 0, BenchmarkTargets? targets = null, int failOn = 0)
    {
        var clock = new ManualClock(1_000_000_000);
        var probe = new FakeAllocationProbe();
        var workload = new FakeWorkload(clock, (long)nanosPerOp, probe) { BytesPerInvocation = bytesPerOp };
        if (failOn > 0)
        {
            workload.FailOnRun.Add(failOn);
        }

        var measurement = new BenchmarkEngine(clock, probe)
            .Run(new BenchmarkSpec(name, workload) { Suite = "Api", Iterations = 20, WarmupIterations = 0, InvocationsPerIteration = 10, Targets = targets });
        return new BenchmarkResult(measurement, null, s_environment, new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void WhenTargetsAreMissed_EachMissNamesTheBenchmarkMetricTargetAndIntervalOfTheMeasurement()
    {
        var result = Result("Simple", 2_000_000, targets: new BenchmarkTargets { LatencyMs = 1, ThroughputOpsPerSec = 1_000, MemoryMB = 100 });
        var misses = TargetValidator.Check(result);
        Assert.Equal(new[] { "LatencyMs", "OpsPerSecond" }, misses.Select(m => m.Metric));
        Assert.Equal("Api/Simple: mean latency 2 ms ± 0 ms (99.9 % CI 2 to 2 ms) is above the target of 1 ms", misses[0].Message);
        Assert.Contains("throughput 500 ops/s", misses[1].Message, StringComparison.Ordinal);
        Assert.Contains("below the target of 1,000 ops/s", misses[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("2 performance targets were missed:", TargetValidator.Describe(misses), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenIterationsFail_TheFailureIsAMissEvenWithoutTargets()
    {
        var misses = TargetValidator.Check(Result("Flaky", 1_000, failOn: 3));
        var miss = Assert.Single(misses);
        Assert.Equal("SuccessRate", miss.Metric);
        Assert.Contains("95.0", miss.Message, StringComparison.Ordinal);
        Assert.Contains("element was deleted", miss.Message, StringComparison.Ordinal);
        Assert.Empty(TargetValidator.Check(Result("Fine", 1_000, targets: new BenchmarkTargets { LatencyMs = 1 })));
    }
}
