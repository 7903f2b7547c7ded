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
    public BenchmarkSamples(string name, string suite, IReadOnlyList<double> latencyMs, IReadOnlyList<double>? allocatedBytesPerOp = null)
    {
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

    /// <summary>The samples of a result.</summary>
    public static BenchmarkSamples From(BenchmarkResult result) =>
        result is null ? throw new ArgumentNullException(nameof(result))
            : new BenchmarkSamples(result.Name, result.Suite, result.GetSamplesMs(), result.GetAllocatedBytesSamples());
}
