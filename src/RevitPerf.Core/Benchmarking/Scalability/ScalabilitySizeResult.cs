using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>One size of a scalability run, flat: its element count and the latency statistics measured there.</summary>
public sealed class ScalabilitySizeResult
{
    internal ScalabilitySizeResult(string name, int elementCount, Benchmarking.BenchmarkMeasurement measurement)
        : this(name, elementCount, new[] { measurement })
    {
    }

    /// <summary>The figures of one size over all the rounds it was measured in, its samples pooled.</summary>
    internal ScalabilitySizeResult(string name, int elementCount, IReadOnlyList<Benchmarking.BenchmarkMeasurement> rounds)
    {
        Name = name;
        ElementCount = elementCount;
        var samples = rounds.SelectMany(r => r.SamplesMs).ToList();
        var stats = samples.Count > 0 ? SampleStatistics.From(samples) : null;
        MeanMs = stats?.Mean ?? 0;
        MedianMs = stats?.Median ?? 0;
        LowerQuartileMs = stats is null ? 0 : Percentile.OfSorted(stats.Sorted, 0.25);
        P95Ms = stats?.P95 ?? 0;
        ErrorMs = stats?.ErrorHalfWidth ?? 0;
        MsPerElement = elementCount > 0 ? MedianMs / elementCount : 0;
        Iterations = samples.Count;
        var attempts = rounds.Sum(r => r.Attempts);
        SuccessRate = attempts == 0 ? 0 : (double)samples.Count / attempts;
        Error = rounds.Select(r => r.Error).FirstOrDefault(e => e is not null);
        Rounds = rounds.Count;
    }

    /// <summary>What was measured.</summary>
    public string Name { get; }

    /// <summary>The number of elements the operation was given.</summary>
    public int ElementCount { get; }

    /// <summary>Mean latency, ms.</summary>
    public double MeanMs { get; }

    /// <summary>Median latency, ms (the figure the fit uses).</summary>
    public double MedianMs { get; }

    /// <summary>The lower quartile, ms: the figure the complexity class is fitted to (other work only adds time).</summary>
    public double LowerQuartileMs { get; }

    /// <summary>95th percentile, ms.</summary>
    public double P95Ms { get; }

    /// <summary>Half-width of the 99.9 % confidence interval of the mean, ms.</summary>
    public double ErrorMs { get; }

    /// <summary>Median latency per element, ms.</summary>
    public double MsPerElement { get; }

    /// <summary>Successful iterations.</summary>
    public int Iterations { get; }

    /// <summary>Successes / attempts, 0..1.</summary>
    public double SuccessRate { get; }

    /// <summary>The first error, or null.</summary>
    public string? Error { get; }

    /// <summary>The rounds the size was measured in (interleaved with the other sizes).</summary>
    public int Rounds { get; }
}
