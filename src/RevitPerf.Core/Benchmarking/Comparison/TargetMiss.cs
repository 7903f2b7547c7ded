namespace RevitPerf.Core.Benchmarking;

/// <summary>One target a benchmark missed: which, by how much, and a sentence saying so.</summary>
public sealed class TargetMiss
{
    internal TargetMiss(string benchmark, string suite, string metric, double? target, double? measured, string message)
    {
        Benchmark = benchmark;
        Suite = suite;
        Metric = metric;
        Target = target;
        Measured = measured;
        Message = message;
    }

    /// <summary>The benchmark.</summary>
    public string Benchmark { get; }

    /// <summary>Its suite.</summary>
    public string Suite { get; }

    /// <summary>LatencyMs, MemoryMB, OpsPerSecond, HitRatio, or SuccessRate when iterations failed.</summary>
    public string Metric { get; }

    /// <summary>The target (null for a failure).</summary>
    public double? Target { get; }

    /// <summary>The measured value (null when nothing was measured).</summary>
    public double? Measured { get; }

    /// <summary>The benchmark, the metric, the target and the measured value with its confidence interval.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => Message;
}
