namespace RevitPerf.Core.Benchmarking;

/// <summary>The targets a benchmark is judged by; a target left null is not judged.</summary>
public sealed class BenchmarkTargets
{
    /// <summary>The mean operation time must not exceed this, in milliseconds.</summary>
    public double? LatencyMs { get; set; }

    /// <summary>The benchmark's peak managed-memory growth must not exceed this, in MB.</summary>
    public double? MemoryMB { get; set; }

    /// <summary>Operations per second must reach at least this.</summary>
    public double? ThroughputOpsPerSec { get; set; }

    /// <summary>The hit ratio the workload reports (0..1) must reach at least this.</summary>
    public double? HitRatio { get; set; }

    /// <summary>True when no target is set.</summary>
    public bool IsEmpty => LatencyMs is null && MemoryMB is null && ThroughputOpsPerSec is null && HitRatio is null;
}
