using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Compares benchmarks with their baselines metric by metric: latency, allocated bytes per operation and throughput,
/// each with the <see cref="RegressionAnalyzer"/> (Mann-Whitney on the samples, the relative threshold and an
/// absolute noise floor). Benchmarks are matched by suite and name, ignoring case.
/// </summary>
public sealed class BenchmarkComparer
{
    /// <summary>The latency metric's name.</summary>
    public const string LatencyMetric = "LatencyMs";

    /// <summary>The allocation metric's name.</summary>
    public const string AllocationMetric = "AllocatedBytesPerOp";

    /// <summary>The throughput metric's name.</summary>
    public const string ThroughputMetric = "OpsPerSecond";

    /// <summary>The default latency noise floor: medians closer than half a microsecond never differ.</summary>
    public const double DefaultNoiseFloorMs = 0.0005;

    /// <summary>The allocation noise floor: medians closer than this many bytes per operation never differ.</summary>
    public const double AllocationNoiseFloorBytes = 32;

    private readonly RegressionAnalyzer _analyzer;

    /// <summary>Creates a comparer with the given threshold and latency noise floor.</summary>
    public BenchmarkComparer(double regressionThresholdPercent = 20, double noiseFloorMs = DefaultNoiseFloorMs)
    {
        if (!(noiseFloorMs >= 0) || double.IsInfinity(noiseFloorMs))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseFloorMs), noiseFloorMs, "The noise floor must be zero or more milliseconds.");
        }

        _analyzer = new RegressionAnalyzer(regressionThresholdPercent);
        NoiseFloorMs = noiseFloorMs;
    }

    /// <summary>The latency noise floor, ms.</summary>
    public double NoiseFloorMs { get; }

    /// <summary>The baseline entry matching <paramref name="current"/> (same suite and name, ignoring case), or null.</summary>
    public static BenchmarkSamples? FindBaseline(IEnumerable<BenchmarkSamples> baseline, BenchmarkSamples current)
    {
        if (baseline is null || current is null)
        {
            return null;
        }

        return baseline.FirstOrDefault(b =>
            string.Equals(b.Name, current.Name, StringComparison.OrdinalIgnoreCase)
            && string.Equals(b.Suite, current.Suite, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Compares one benchmark with its baseline. Latency is compared when both sides have samples and the benchmark is
    /// judged by its time (see <see cref="BenchmarkSamples.TimingJudged"/>); allocation when both have allocation
    /// samples; throughput as latency, when every latency sample on both sides is positive (after the overhead
    /// subtraction a sub-nanosecond operation can measure at or below zero, which has no throughput).
    /// </summary>
    public IReadOnlyList<MetricComparison> Compare(BenchmarkSamples baseline, BenchmarkSamples current)
    {
        if (baseline is null)
        {
            throw new ArgumentNullException(nameof(baseline));
        }

        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        var comparisons = new List<MetricComparison>(3);
        if (baseline.LatencyMs.Count == 0 || current.LatencyMs.Count == 0)
        {
            return comparisons;
        }

        var timed = baseline.TimingJudged && current.TimingJudged;
        if (timed)
        {
            comparisons.Add(_analyzer.Compare(LatencyMetric, baseline.LatencyMs, current.LatencyMs, false, NoiseFloorMs, current.Name, current.Suite, baseline.LaunchMediansMs, current.LaunchMediansMs));
        }

        if (baseline.AllocatedBytesPerOp.Count > 0 && current.AllocatedBytesPerOp.Count > 0)
        {
            comparisons.Add(_analyzer.Compare(
                AllocationMetric, baseline.AllocatedBytesPerOp, current.AllocatedBytesPerOp, false, AllocationNoiseFloorBytes, current.Name, current.Suite));
        }

        if (timed && baseline.LatencyMs.All(x => x > 0) && current.LatencyMs.All(x => x > 0))
        {
            var before = baseline.LatencyMs.Select(x => 1000 / x).ToList();
            var after = current.LatencyMs.Select(x => 1000 / x).ToList();

            // The throughput floor is the latency floor seen from the baseline's median: the change in operations per
            // second that a shift of NoiseFloorMs would make there.
            var median = SampleStatistics.From(baseline.LatencyMs).Median;
            var floor = (1000 / median) - (1000 / (median + NoiseFloorMs));
            var launches = baseline.LaunchMediansMs.Where(x => x > 0).Select(x => 1000 / x).ToList();
            var own = current.LaunchMediansMs.Where(x => x > 0).Select(x => 1000 / x).ToList();
            comparisons.Add(_analyzer.Compare(ThroughputMetric, before, after, true, floor, current.Name, current.Suite, launches, own));
        }

        return comparisons;
    }

    /// <summary>
    /// The verdict of a benchmark from its metrics: Slower if any regressed, else Unsure if any might have, else Faster
    /// if latency improved, else Same.
    /// </summary>
    public static ComparisonVerdict Summarize(IReadOnlyList<MetricComparison> comparisons)
    {
        if (comparisons is null)
        {
            throw new ArgumentNullException(nameof(comparisons));
        }

        if (comparisons.Any(c => c.Verdict == ComparisonVerdict.Slower))
        {
            return ComparisonVerdict.Slower;
        }

        if (comparisons.Any(c => c.Verdict == ComparisonVerdict.Unsure))
        {
            return ComparisonVerdict.Unsure;
        }

        return comparisons.Any(c => c.Metric == LatencyMetric && c.Verdict == ComparisonVerdict.Faster) ? ComparisonVerdict.Faster : ComparisonVerdict.Same;
    }
}
