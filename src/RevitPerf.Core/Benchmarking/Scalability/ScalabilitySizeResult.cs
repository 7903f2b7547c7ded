namespace RevitPerf.Core.Benchmarking;

/// <summary>One size of a scalability run, flat: its element count and the latency statistics measured there.</summary>
public sealed class ScalabilitySizeResult
{
    internal ScalabilitySizeResult(string name, int elementCount, Benchmarking.BenchmarkMeasurement measurement)
    {
        Name = name;
        ElementCount = elementCount;
        var stats = measurement.Statistics;
        MeanMs = stats?.Mean ?? 0;
        MedianMs = stats?.Median ?? 0;
        P95Ms = stats?.P95 ?? 0;
        ErrorMs = stats?.ErrorHalfWidth ?? 0;
        MsPerElement = elementCount > 0 ? MedianMs / elementCount : 0;
        Iterations = measurement.Successes;
        SuccessRate = measurement.SuccessRate;
        Error = measurement.Error;
    }

    /// <summary>What was measured.</summary>
    public string Name { get; }

    /// <summary>The number of elements the operation was given.</summary>
    public int ElementCount { get; }

    /// <summary>Mean latency, ms.</summary>
    public double MeanMs { get; }

    /// <summary>Median latency, ms (the figure the fit uses).</summary>
    public double MedianMs { get; }

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
}
