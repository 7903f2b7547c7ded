using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Benchmarking;

public class BenchmarkResultsFileTests
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
    public void WhenResultsAreWritten_TheFileHasTheSeedKeysAndParses()
    {
        var directory = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            var timestamp = new DateTime(2026, 11, 24, 22, 5, 7, 123, DateTimeKind.Utc);
            var results = new[] { new BenchmarkResult(Measure(1_000), new BenchmarkTargets { LatencyMs = 1 }, s_environment, timestamp) };
            var comparison = new RegressionAnalyzer().Compare("LatencyMs", new double[] { 1, 1.1, 0.9 }, new double[] { 1, 1, 1 }, benchmark: "api_simple");
            var path = BenchmarkResultsFile.Write(directory, timestamp, new PerformanceConfiguration(), results, 12.5, new[] { comparison });
            Assert.Equal("benchmark_results_20261124_220507_123.json", Path.GetFileName(path));

            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            Assert.Equal(
                new[] { "timestamp", "config", "benchmarks", "summary", "regression_analysis", "memory_analysis", "total_runtime_seconds" },
                root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(20, root.GetProperty("config").GetProperty("regression_threshold_percent").GetDouble());
            Assert.Equal(0.85, root.GetProperty("config").GetProperty("performance_targets").GetProperty("cache_hit_ratio").GetDouble());
            var benchmark = root.GetProperty("benchmarks")[0];
            Assert.Equal("api_simple", benchmark.GetProperty("name").GetString());
            Assert.Equal(10, benchmark.GetProperty("samples_ms").GetArrayLength());
            Assert.True(benchmark.GetProperty("met_latency_target").GetBoolean());
            Assert.Equal(1, root.GetProperty("summary").GetProperty("met_targets").GetInt32());
            Assert.Equal("api_simple", root.GetProperty("regression_analysis")[0].GetProperty("benchmark").GetString());
            Assert.Equal(12.5, root.GetProperty("total_runtime_seconds").GetDouble());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    [Fact]
    public void WhenTwoRunsShareAMillisecond_NeitherFileIsOverwritten()
    {
        var directory = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N"));
        try
        {
            var timestamp = DateTime.UtcNow;
            var config = new PerformanceConfiguration();
            var first = BenchmarkResultsFile.Write(directory, timestamp, config, Array.Empty<BenchmarkResult>(), 1);
            var second = BenchmarkResultsFile.Write(directory, timestamp, config, Array.Empty<BenchmarkResult>(), 2);
            Assert.NotEqual(first, second);
            Assert.EndsWith("_1.json", second, StringComparison.Ordinal);
            Assert.Contains("\"total_runtime_seconds\": 1", File.ReadAllText(first), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
