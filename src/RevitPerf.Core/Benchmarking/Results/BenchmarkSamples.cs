using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// One benchmark's raw samples as a comparison needs them, whether they come from a result in memory, a results
/// file or a baseline file.
/// </summary>
public sealed class BenchmarkSamples
{
    /// <summary>Creates the samples of benchmark <paramref name="name"/> in <paramref name="suite"/>.</summary>
    public BenchmarkSamples(string name, string suite, IReadOnlyList<double> latencyMs, IReadOnlyList<double>? allocatedBytesPerOp = null, bool timingJudged = true)
        : this(name, suite, latencyMs, allocatedBytesPerOp, timingJudged, null)
    {
    }

    /// <summary>Creates the samples of a benchmark measured in several launches: their pooled samples and each launch's median.</summary>
    internal BenchmarkSamples(string name, string suite, IReadOnlyList<double> latencyMs, IReadOnlyList<double>? allocatedBytesPerOp, bool timingJudged, IReadOnlyList<double>? launchMediansMs)
    {
        LaunchMediansMs = launchMediansMs ?? (latencyMs is { Count: > 0 } ? new[] { SampleStatistics.From(latencyMs).Median } : Array.Empty<double>());
        TimingJudged = timingJudged;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Suite = suite ?? string.Empty;
        LatencyMs = latencyMs ?? throw new ArgumentNullException(nameof(latencyMs));
        AllocatedBytesPerOp = allocatedBytesPerOp ?? Array.Empty<double>();
    }

    /// <summary>The benchmark's name.</summary>
    public string Name { get; }

    /// <summary>Its suite.</summary>
    public string Suite { get; }

    /// <summary>Milliseconds per operation, one per iteration.</summary>
    public IReadOnlyList<double> LatencyMs { get; }

    /// <summary>
    /// The latency of each launch (fresh process) the samples come from, as its fastest round's median (the median of
    /// its samples when it recorded no rounds): one for a single run; empty when a file did not record them. A change
    /// within their spread is no regression (see <see cref="ComparisonVerdict.Unsure"/>).
    /// </summary>
    public IReadOnlyList<double> LaunchMediansMs { get; }

    /// <summary>Bytes allocated per operation, one per iteration (may be empty).</summary>
    public IReadOnlyList<double> AllocatedBytesPerOp { get; }

    /// <summary>
    /// False for a benchmark judged only by memory or hit ratio (Memory.Idle, Cache.HitRatio): its time is incidental
    /// (a process start, a replayed trace), so its latency and throughput are not compared.
    /// </summary>
    public bool TimingJudged { get; }

    /// <summary>The samples of a result.</summary>
    public static BenchmarkSamples From(BenchmarkResult result) =>
        result is null ? throw new ArgumentNullException(nameof(result))
            : new BenchmarkSamples(result.Name, result.Suite, result.GetSamplesMs(), result.GetAllocatedBytesSamples(), IsTimingJudged(result), LaunchValue(result.GetRoundMediansMs()));

    /// <summary>
    /// What one launch (one run) stands for in a comparison: its fastest round's median, or null to use the median of
    /// its samples (a run that recorded no rounds).
    /// </summary>
    internal static IReadOnlyList<double>? LaunchValue(IReadOnlyList<double>? roundMediansMs) =>
        roundMediansMs is { Count: > 0 } rounds ? new[] { rounds.Min() } : null;

    /// <summary>True when <paramref name="result"/> has a latency or throughput target, or no target at all.</summary>
    public static bool IsTimingJudged(BenchmarkResult result) =>
        result is null ? throw new ArgumentNullException(nameof(result))
            : result.TargetLatencyMs is not null || result.TargetThroughputOpsPerSec is not null
              || (result.TargetMemoryMB is null && result.TargetHitRatio is null);
}
