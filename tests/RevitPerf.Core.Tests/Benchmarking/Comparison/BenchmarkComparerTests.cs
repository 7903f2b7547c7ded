using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Benchmarking;

public class BenchmarkComparerTests
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
    public void WhenABenchmarkIsClearlySlower_EveryMetricSaysSoAndTheResultRecordsTheVerdict()
    {
        var baseline = BenchmarkSamples.From(Result("Simple", 1_000, 100));
        var slowerResult = Result("Simple", 2_000, 400);
        var comparisons = new BenchmarkComparer().Compare(baseline, BenchmarkSamples.From(slowerResult));
        Assert.Equal(new[] { "LatencyMs", "AllocatedBytesPerOp", "OpsPerSecond" }, comparisons.Select(c => c.Metric));
        Assert.All(comparisons, c => Assert.Equal(ComparisonVerdict.Slower, c.Verdict));
        Assert.All(comparisons, c => Assert.Equal("Api", c.Suite));
        Assert.Equal(100, comparisons[0].ChangePercent, 9);
        Assert.Equal(-50, comparisons[2].ChangePercent, 9);
        slowerResult.RecordComparison(comparisons);
        Assert.Equal("Slower", slowerResult.BaselineVerdict);
        Assert.Equal(100, slowerResult.BaselineChangePercent!.Value, 9);
    }

    [Fact]
    public void WhenADifferenceIsBelowTheNoiseFloor_ItIsSameHoweverSignificant()
    {
        // 0.1 us to 0.2 us is +100 % and perfectly consistent, but below the half-microsecond floor.
        var comparisons = new BenchmarkComparer().Compare(BenchmarkSamples.From(Result("Tiny", 100)), BenchmarkSamples.From(Result("Tiny", 200)));
        Assert.All(comparisons, c => Assert.Equal(ComparisonVerdict.Same, c.Verdict));
        Assert.Equal(ComparisonVerdict.Same, BenchmarkComparer.Summarize(comparisons));
    }

    [Fact]
    public void WhenBaselinesAreMatched_SuiteAndNameMustAgreeIgnoringCase()
    {
        var entries = new[] { new BenchmarkSamples("simple", "API", new[] { 1.0 }), new BenchmarkSamples("Simple", "Cache", new[] { 2.0 }) };
        Assert.Equal(1.0, BenchmarkComparer.FindBaseline(entries, new BenchmarkSamples("Simple", "Api", new[] { 1.0 }))!.LatencyMs[0]);
        Assert.Null(BenchmarkComparer.FindBaseline(entries, new BenchmarkSamples("Simple", "Memory", new[] { 1.0 })));
    }

    [Fact]
    public void WhenABenchmarkIsJudgedOnlyByMemory_ItsIncidentalTimeIsNotCompared()
    {
        var memoryOnly = new BenchmarkTargets { MemoryMB = 50 };
        var before = Result("Idle", 1_000_000, 64, memoryOnly);
        var after = Result("Idle", 3_000_000, 64, memoryOnly); // three times slower, but time is not what it measures
        Assert.False(BenchmarkSamples.From(after).TimingJudged);
        var comparisons = new BenchmarkComparer().Compare(BenchmarkSamples.From(before), BenchmarkSamples.From(after));
        Assert.Equal(new[] { "AllocatedBytesPerOp" }, comparisons.Select(c => c.Metric));

        // The flag survives a baseline file.
        var path = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N") + ".json");
        BenchmarkBaselineFile.Write(path, new[] { before, Result("Timed", 1_000) }, DateTime.UtcNow, overwrite: false);
        Assert.Equal(new[] { false, true }, BenchmarkBaselineFile.Read(path).Select(b => b.TimingJudged));
    }
}
