using System;

namespace RevitPerf.Core.Benchmarking;

/// <summary>What a run imposes on every benchmark it measures (Invoke-RevitBenchmark's -Iterations, say).</summary>
public sealed class BenchmarkOverrides
{
    /// <summary>Measured iterations of every benchmark, replacing each one's own count; null keeps them.</summary>
    public int? Iterations { get; set; }

    /// <summary>Warm-up runs of every benchmark, replacing each one's own count; null keeps them.</summary>
    public int? WarmupIterations { get; set; }

    /// <summary>The time limit of every benchmark, replacing each one's own; null keeps them.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Read allocation and collection counters (enable_memory_tracking).</summary>
    public bool TrackMemory { get; set; } = true;

    /// <summary>Applies the overrides to <paramref name="spec"/>.</summary>
    public void Apply(BenchmarkSpec spec)
    {
        if (spec is null)
        {
            throw new ArgumentNullException(nameof(spec));
        }

        spec.Iterations = Iterations ?? spec.Iterations;
        spec.WarmupIterations = WarmupIterations ?? spec.WarmupIterations;
        spec.Timeout = Timeout ?? spec.Timeout;
        spec.TrackMemory = TrackMemory;
    }
}
