using System;

namespace RevitPerf.Core.Metrics;

/// <summary>
/// One operation's figures, flat and the same shape every time. Count, Failures, MeanMs, MaxMs, TotalMs and
/// AllocatedBytes cover every recording since the operation was first measured (or the metrics were reset); the
/// percentiles cover the newest durations kept (<see cref="SampleCount"/>, at most 1,000).
/// </summary>
public sealed class OperationStatistics
{
    internal OperationStatistics(
        string name, long count, long failures, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs,
        double totalMs, int sampleCount, long? allocatedBytes, DateTime lastAt)
    {
        Name = name;
        Count = count;
        Failures = failures;
        MeanMs = meanMs;
        P50Ms = p50Ms;
        P95Ms = p95Ms;
        P99Ms = p99Ms;
        MaxMs = maxMs;
        TotalMs = totalMs;
        SampleCount = sampleCount;
        AllocatedBytes = allocatedBytes;
        LastAt = lastAt;
    }

    /// <summary>The operation's name.</summary>
    public string Name { get; }

    /// <summary>Runs recorded, failed ones included.</summary>
    public long Count { get; }

    /// <summary>Runs that failed.</summary>
    public long Failures { get; }

    /// <summary>Mean duration over every run, in milliseconds.</summary>
    public double MeanMs { get; }

    /// <summary>Median of the kept durations (the one percentile definition RevitPerf uses), in milliseconds.</summary>
    public double P50Ms { get; }

    /// <summary>95th percentile of the kept durations, in milliseconds.</summary>
    public double P95Ms { get; }

    /// <summary>99th percentile of the kept durations, in milliseconds.</summary>
    public double P99Ms { get; }

    /// <summary>Longest run, in milliseconds.</summary>
    public double MaxMs { get; }

    /// <summary>Time of all runs together, in milliseconds.</summary>
    public double TotalMs { get; }

    /// <summary>How many of the newest durations the percentiles are computed from.</summary>
    public int SampleCount { get; }

    /// <summary>Bytes allocated by all runs on their thread, or null where the runtime does not tell.</summary>
    public long? AllocatedBytes { get; }

    /// <summary>When the last run ended (UTC).</summary>
    public DateTime LastAt { get; }
}
