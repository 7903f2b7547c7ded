using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Tests.Benchmarking;

public class SuitesAndBaselinesTests
{
    private static readonly BenchmarkEnvironment s_environment = new("7.6.9", "Core", "0.1.0");

    private static BenchmarkResult Result(string name, double nanosPerOp, long bytesPerOp = 0, BenchmarkTargets? targets = null, int failOn = 0)
    {
        var clock = new FakeBenchmarkClock();
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
    public void WhenAllSuitesAreCreatedWithoutALauncher_TheInProcessBenchmarksCarryTheConfiguredTargets()
    {
        var configuration = new PerformanceConfiguration();
        configuration.PerformanceTargets.ApiLatencySimpleMs = 0.5;
        var specs = BuiltInSuites.Create(BuiltInSuites.Names, configuration);
        Assert.Equal(
            new[] { "Api/SimpleElementAccess", "Api/ComplexQuery", "Cache/HitLatency", "Cache/HitRatio", "Memory/PeakDuringComplexQuery", "Throughput/SimpleElementAccess" },
            specs.Select(s => s.Suite + "/" + s.Name));
        Assert.Equal(0.5, specs[0].Targets!.LatencyMs);
        Assert.Equal(0.85, specs[3].Targets!.HitRatio);
        Assert.Equal(500, specs[4].Targets!.MemoryMB);
        Assert.Equal(10_000, specs[5].Targets!.ThroughputOpsPerSec);
    }

    [Fact]
    public void WhenALauncherIsGiven_StartupAndIdleMemoryStartChildProcessesWithTheirOwnCounts()
    {
        var specs = BuiltInSuites.Create(new[] { "startup", "MEMORY" }, new PerformanceConfiguration(), new PowerShellLauncher("pwsh"), "/m/RevitPerf.psd1");
        Assert.Equal(new[] { "ModuleImport", "Idle", "PeakDuringComplexQuery" }, specs.Select(s => s.Name));
        Assert.IsType<ChildProcessWorkload>(specs[0].Workload);
        Assert.IsType<ChildProcessWorkload>(specs[0].Overhead);
        Assert.Equal(10, specs[0].Iterations);
        Assert.Equal(1000, specs[0].Targets!.LatencyMs);
        Assert.Equal(50, specs[1].Targets!.MemoryMB);
        Assert.Contains("'/m/RevitPerf.psd1'", BuiltInSuites.ImportScript("/m/RevitPerf.psd1"), StringComparison.Ordinal);
        Assert.Equal("'it''s'", PowerShellLauncher.Literal("it's"));
    }

    [Fact]
    public void WhenMemoryTrackingIsOff_NoBenchmarkReadsTheCounters()
    {
        var configuration = new PerformanceConfiguration();
        configuration.Benchmark.EnableMemoryTracking = false;
        Assert.All(BuiltInSuites.Create(BuiltInSuites.Names, configuration), s => Assert.False(s.TrackMemory));
    }

    [Fact]
    public void WhenTheInProcessSuitesRun_EveryBenchmarkValidatesAndTheSkewedTraceMeetsTheHitRatioTarget()
    {
        var engine = new BenchmarkEngine { MinimumIterationTime = TimeSpan.FromMilliseconds(0.2) };
        foreach (var spec in BuiltInSuites.Create(BuiltInSuites.Names, new PerformanceConfiguration()))
        {
            var hitRatio = spec.Name == "HitRatio";
            spec.Iterations = hitRatio ? 40 : 3;
            spec.WarmupIterations = 1;
            spec.InvocationsPerIteration = hitRatio ? 5_000 : spec.InvocationsPerIteration;
            var measurement = engine.Run(spec);
            Assert.True(measurement.Error is null, spec.Name + ": " + measurement.Error);
            Assert.Equal(spec.Iterations, measurement.Successes);
            if (hitRatio)
            {
                // The trace and the policy are deterministic, so over 200,000 accesses the ratio is a property of the
                // workload, not of timing (the best any cache of 2,000 could do on this trace is 0.895).
                Assert.InRange(measurement.HitRatio!.Value, 0.85, 0.895);
            }
        }
    }

    [Fact]
    public void WhenAZipfTraceIsDrawn_ItIsDeterministicAndSkewed()
    {
        var a = CacheHitRatioWorkload.ZipfTrace(1_000, 1.1, 10_000, 7);
        Assert.Equal(a, CacheHitRatioWorkload.ZipfTrace(1_000, 1.1, 10_000, 7));
        var top = a.GroupBy(k => k).Select(g => g.Count()).OrderByDescending(c => c).Take(10).Sum();
        Assert.True(top > 3_000, $"the 10 hottest of 1,000 keys took {top} of 10,000 accesses");
    }

    [Fact]
    public void WhenABaselineIsSavedAndRead_TheSamplesComeBackAndAnExistingFileIsKept()
    {
        var path = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N"), "baseline.json");
        var results = new[] { Result("Simple", 1_000, 48), Result("Complex", 50_000) };
        BenchmarkBaselineFile.Write(path, results, DateTime.UtcNow, overwrite: false);
        var read = BenchmarkBaselineFile.Read(path);
        Assert.Equal(new[] { "Simple", "Complex" }, read.Select(r => r.Name));
        Assert.Equal(results[0].GetSamplesMs(), read[0].LatencyMs);
        Assert.Equal(results[0].GetAllocatedBytesSamples(), read[0].AllocatedBytesPerOp);
        Assert.All(read[0].AllocatedBytesPerOp, b => Assert.Equal(48, b));

        var before = File.ReadAllText(path);
        Assert.Throws<IOException>(() => BenchmarkBaselineFile.Write(path, results.Take(1).ToList(), DateTime.UtcNow, overwrite: false));
        Assert.Equal(before, File.ReadAllText(path));
        BenchmarkBaselineFile.Write(path, results.Take(1).ToList(), DateTime.UtcNow, overwrite: true);
        Assert.Single(BenchmarkBaselineFile.Read(path));
    }

    [Fact]
    public void WhenAResultsFileIsRead_ItServesAsABaselineToo()
    {
        var directory = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N"));
        var results = new[] { Result("Simple", 1_000) };
        var file = BenchmarkResultsFile.Write(directory, DateTime.UtcNow, new PerformanceConfiguration(), results, 1.5);
        var read = BenchmarkBaselineFile.Read(file);
        Assert.Equal("Api", read[0].Suite);
        Assert.Equal(20, read[0].LatencyMs.Count);
    }

    [Theory]
    [InlineData("{\"benchmarks\": [", "malformed JSON")]
    [InlineData("[1, 2]", "one JSON object")]
    [InlineData("{\"timestamp\": 1}", "no 'benchmarks' list")]
    [InlineData("{\"schema_version\": 2, \"benchmarks\": []}", "baseline schema 2")]
    [InlineData("{\"benchmarks\": [{\"name\": \"a\"}]}", "no 'samples_ms'")]
    [InlineData("{\"benchmarks\": [{\"name\": \"a\", \"samples_ms\": [1, \"x\"]}]}", "not a number")]
    public void WhenAFileIsNotABenchmarkFile_TheErrorSaysWhy(string text, string expected)
    {
        var ex = Assert.Throws<BenchmarkFileException>(() => BenchmarkBaselineFile.Parse("b.json", text));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("b.json", ex.Path);
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

    [Fact]
    public void WhenAWorkloadReportsMetrics_TheyCoverOnlyTheMeasuredIterations()
    {
        var clock = new FakeBenchmarkClock();
        var workload = new CountingMetricsWorkload(clock);
        var measurement = new BenchmarkEngine(clock, new FakeAllocationProbe())
            .Run(new BenchmarkSpec("m", workload) { Iterations = 4, WarmupIterations = 3, InvocationsPerIteration = 2, Targets = new BenchmarkTargets { HitRatio = 0.5 } });
        Assert.Equal(8, workload.Counted); // 4 iterations x 2 invocations; the 3 warm-up runs were forgotten
        Assert.Equal(0.75, measurement.HitRatio);
        Assert.Equal(12.5, measurement.PeakMemoryMB);
        var result = new BenchmarkResult(measurement, null, s_environment, DateTime.UtcNow);
        Assert.True(result.MetHitRatioTarget);
        Assert.Equal(0.5, result.TargetHitRatio);
    }

    private sealed class CountingMetricsWorkload : IBenchmarkWorkload, IBenchmarkMetrics
    {
        private readonly FakeBenchmarkClock _clock;

        public CountingMetricsWorkload(FakeBenchmarkClock clock) => _clock = clock;

        public int Counted { get; private set; }

        public double? MemoryMB => 12.5;

        public double? HitRatio => 0.75;

        public void BeginMeasurement() => Counted = 0;

        public void Setup()
        {
        }

        public void Run(long invocations)
        {
            _clock.Timestamp += 1_000 * invocations;
            Counted += (int)invocations;
        }

        public string? Validate() => null;

        public void Teardown()
        {
        }
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
