using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Writes a run's results as strict JSON to <c>results_directory/benchmark_results_yyyyMMdd_HHmmss_fff.json</c>, with
/// RevitPy's top-level keys (timestamp, config, benchmarks, summary, regression_analysis, memory_analysis) and
/// total_runtime_seconds. Folders are created as needed and no file is ever overwritten: a name already taken gets
/// a numbered suffix.
/// </summary>
public static class BenchmarkResultsFile
{
    /// <summary>The file name's prefix.</summary>
    public const string Prefix = "benchmark_results_";

    /// <summary>Writes the file and returns its full path.</summary>
    public static string Write(
        string directory, DateTime timestamp, PerformanceConfiguration configuration, IReadOnlyList<BenchmarkResult> results,
        double totalRuntimeSeconds, IReadOnlyList<MetricComparison>? regressions = null, IEnumerable<KeyValuePair<string, object?>>? memoryAnalysis = null)
    {
        var text = Serialize(timestamp, configuration, results, totalRuntimeSeconds, regressions, memoryAnalysis);
        Directory.CreateDirectory(directory);
        var stem = Prefix + timestamp.ToUniversalTime().ToString("yyyyMMdd_HHmmss_fff", CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            var path = Path.GetFullPath(Path.Combine(directory, stem + (attempt == 0 ? string.Empty : "_" + attempt.ToString(CultureInfo.InvariantCulture)) + ".json"));
            try
            {
                // CreateNew fails if the file exists, even when another process made it a moment ago.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                var bytes = new UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
                return path;
            }
            catch (IOException) when (File.Exists(path) && attempt < 1000)
            {
            }
        }
    }

    /// <summary>The JSON text of a run.</summary>
    public static string Serialize(
        DateTime timestamp, PerformanceConfiguration configuration, IReadOnlyList<BenchmarkResult> results, double totalRuntimeSeconds,
        IReadOnlyList<MetricComparison>? regressions = null, IEnumerable<KeyValuePair<string, object?>>? memoryAnalysis = null)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        var document = new List<KeyValuePair<string, object?>>
        {
            new("timestamp", timestamp),
            new("config", Config(configuration)),
            new("benchmarks", results.Select(Benchmark).ToList()),
            new("summary", Summary(results)),
            new("regression_analysis", (regressions ?? Array.Empty<MetricComparison>()).Select(Regression).ToList()),
            new("memory_analysis", memoryAnalysis?.ToList() ?? new List<KeyValuePair<string, object?>>()),
            new("total_runtime_seconds", totalRuntimeSeconds),
        };
        return StrictJson.Write(document);
    }

    private static List<KeyValuePair<string, object?>> Config(PerformanceConfiguration configuration)
    {
        var section = ConfigurationSchema.InSection(ConfigSection.Benchmark)
            .Select(s => new KeyValuePair<string, object?>(s.Key, s.GetValue(configuration)))
            .ToList();
        section.Add(new KeyValuePair<string, object?>(
            ConfigurationSchema.PerformanceTargetsKey,
            ConfigurationSchema.InSection(ConfigSection.PerformanceTargets)
                .Select(s => new KeyValuePair<string, object?>(s.Key, s.GetValue(configuration)))
                .ToList()));
        return section;
    }

    /// <summary>One benchmark's entry, every figure and sample: the same in results and baseline files.</summary>
    internal static List<KeyValuePair<string, object?>> Benchmark(BenchmarkResult r) => new()
    {
        new("name", r.Name),
        new("suite", r.Suite),
        new("mean_ms", r.MeanMs),
        new("median_ms", r.MedianMs),
        new("p95_ms", r.P95Ms),
        new("p99_ms", r.P99Ms),
        new("min_ms", r.MinMs),
        new("max_ms", r.MaxMs),
        new("std_dev_ms", r.StdDevMs),
        new("error_ms", r.ErrorMs),
        new("ops_per_second", r.OpsPerSecond),
        new("allocated_bytes_per_op", r.AllocatedBytesPerOp),
        new("peak_memory_mb", r.PeakMemoryMB),
        new("retained_memory_mb", r.RetainedMemoryMB),
        new("note", r.Note),
        new("hit_ratio", r.HitRatio),
        new("gen0_per_1000_ops", r.Gen0Per1000Ops),
        new("gen1_per_1000_ops", r.Gen1Per1000Ops),
        new("gen2_per_1000_ops", r.Gen2Per1000Ops),
        new("iterations", r.Iterations),
        new("invocations_per_iteration", r.InvocationsPerIteration),
        new("overhead_ms_per_op", r.OverheadMsPerOp),
        new("success_rate", r.SuccessRate),
        new("outliers", r.Outliers),
        new("target_latency_ms", r.TargetLatencyMs),
        new("target_memory_mb", r.TargetMemoryMB),
        new("target_throughput_ops_per_sec", r.TargetThroughputOpsPerSec),
        new("target_hit_ratio", r.TargetHitRatio),
        new("met_latency_target", r.MetLatencyTarget),
        new("met_memory_target", r.MetMemoryTarget),
        new("met_throughput_target", r.MetThroughputTarget),
        new("met_hit_ratio_target", r.MetHitRatioTarget),
        new("met_targets", r.MetTargets),
        new("baseline_verdict", r.BaselineVerdict),
        new("baseline_change_percent", r.BaselineChangePercent),
        new("timed_out", r.TimedOut),
        new("error", r.Error),
        new("timestamp", r.Timestamp),
        new("environment", new List<KeyValuePair<string, object?>>
        {
            new("machine", r.MachineName),
            new("powershell_version", r.PowerShellVersion),
            new("powershell_edition", r.PowerShellEdition),
            new("os", r.OS),
            new("module_version", r.ModuleVersion),
        }),
        new("timing_judged", BenchmarkSamples.IsTimingJudged(r)),
        new("samples_ms", r.GetSamplesMs()),
        new("allocated_bytes_samples", r.GetAllocatedBytesSamples()),
        new("rounds", r.Rounds),
        new("round_medians_ms", r.GetRoundMediansMs()),
    };

    private static List<KeyValuePair<string, object?>> Summary(IReadOnlyList<BenchmarkResult> results)
    {
        static object Count(IEnumerable<BenchmarkResult> items, Func<BenchmarkResult, bool?> met) => new List<KeyValuePair<string, object?>>
        {
            new("judged", items.Count(r => met(r) is not null)),
            new("met", items.Count(r => met(r) == true)),
        };

        return new List<KeyValuePair<string, object?>>
        {
            new("total", results.Count),
            new("met_targets", results.Count(r => r.MetTargets)),
            new("missed_targets", results.Count(r => !r.MetTargets)),
            new("with_failures", results.Count(r => r.SuccessRate < 1 || r.Error is not null)),
            new("timed_out", results.Count(r => r.TimedOut)),
            new("latency_targets", Count(results, r => r.MetLatencyTarget)),
            new("memory_targets", Count(results, r => r.MetMemoryTarget)),
            new("throughput_targets", Count(results, r => r.MetThroughputTarget)),
            new("hit_ratio_targets", Count(results, r => r.MetHitRatioTarget)),
        };
    }

    private static List<KeyValuePair<string, object?>> Regression(MetricComparison c) => new()
    {
        new("benchmark", c.Benchmark),
        new("suite", c.Suite),
        new("metric", c.Metric),
        new("baseline_median", c.BaselineMedian),
        new("current_median", c.CurrentMedian),
        new("change_percent", c.ChangePercent),
        new("p_value", c.PValue),
        new("verdict", c.Verdict),
        new("severity", c.Severity),
    };
}
