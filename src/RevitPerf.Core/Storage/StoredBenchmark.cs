using System;
using System.Collections.Generic;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Storage;

/// <summary>One benchmark of a stored run: its figures and its samples.</summary>
public sealed class StoredBenchmark
{
    /// <summary>Creates a stored benchmark.</summary>
    public StoredBenchmark(string suite, string name, double meanMs, double medianMs, double p95Ms, double opsPerSecond, double? allocatedBytesPerOp, int iterations, IReadOnlyList<double> samplesMs)
    {
        Suite = suite ?? string.Empty;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        MeanMs = meanMs;
        MedianMs = medianMs;
        P95Ms = p95Ms;
        OpsPerSecond = opsPerSecond;
        AllocatedBytesPerOp = allocatedBytesPerOp;
        Iterations = iterations;
        SamplesMs = samplesMs ?? Array.Empty<double>();
    }

    /// <summary>The suite.</summary>
    public string Suite { get; }

    /// <summary>The benchmark.</summary>
    public string Name { get; }

    /// <summary>Mean latency, ms.</summary>
    public double MeanMs { get; }

    /// <summary>Median latency, ms.</summary>
    public double MedianMs { get; }

    /// <summary>95th percentile, ms.</summary>
    public double P95Ms { get; }

    /// <summary>Operations per second.</summary>
    public double OpsPerSecond { get; }

    /// <summary>Bytes allocated per operation, where tracked.</summary>
    public double? AllocatedBytesPerOp { get; }

    /// <summary>Successful iterations.</summary>
    public int Iterations { get; }

    /// <summary>Every sample, ms per operation, in run order.</summary>
    public IReadOnlyList<double> SamplesMs { get; }

    /// <summary>The stored form of a result.</summary>
    public static StoredBenchmark From(BenchmarkResult result)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        return new StoredBenchmark(result.Suite, result.Name, result.MeanMs, result.MedianMs, result.P95Ms, result.OpsPerSecond, result.AllocatedBytesPerOp, result.Iterations, result.GetSamplesMs());
    }
}
