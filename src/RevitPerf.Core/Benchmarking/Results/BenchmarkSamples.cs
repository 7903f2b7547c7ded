using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// One benchmark's raw samples as a comparison needs them, whether they come from a result in memory, a results
/// file or a baseline file.
/// </summary>
public sealed class BenchmarkSamples
{
    /// <summary>Creates the samples of benchmark <paramref name="name"/> in <paramref name="suite"/>.</summary>
    public BenchmarkSamples(string name, string suite, IReadOnlyList<double> latencyMs, IReadOnlyList<double>? allocatedBytesPerOp = null, bool timingJudged = true)
    {
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
            : new BenchmarkSamples(result.Name, result.Suite, result.GetSamplesMs(), result.GetAllocatedBytesSamples(), IsTimingJudged(result));

    /// <summary>True when <paramref name="result"/> has a latency or throughput target, or no target at all.</summary>
    public static bool IsTimingJudged(BenchmarkResult result) =>
        result is null ? throw new ArgumentNullException(nameof(result))
            : result.TargetLatencyMs is not null || result.TargetThroughputOpsPerSec is not null
              || (result.TargetMemoryMB is null && result.TargetHitRatio is null);
}
