using System;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>What Invoke-RevitBenchmark's parameters and the configuration impose on every benchmark of a run.</summary>
internal sealed class BenchmarkSettings
{
    public int? Iterations { get; set; }

    public int? WarmupIterations { get; set; }

    public double? TimeoutSeconds { get; set; }

    public bool TrackMemory { get; set; } = true;

    public void Apply(BenchmarkSpec spec)
    {
        if (Iterations is { } iterations)
        {
            spec.Iterations = iterations;
        }

        if (WarmupIterations is { } warmup)
        {
            spec.WarmupIterations = warmup;
        }

        if (TimeoutSeconds is { } seconds)
        {
            spec.Timeout = TimeSpan.FromSeconds(seconds);
        }

        spec.TrackMemory = TrackMemory;
    }
}
