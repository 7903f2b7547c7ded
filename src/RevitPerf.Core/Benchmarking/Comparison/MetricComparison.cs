namespace RevitPerf.Core.Benchmarking;

/// <summary>One metric of one benchmark against its baseline: flat, for tables and CSV.</summary>
public sealed class MetricComparison
{
    internal MetricComparison(
        string benchmark, string suite, string metric, double baselineMedian, double currentMedian, double changePercent, double pValue,
        ComparisonVerdict verdict, RegressionSeverity severity)
    {
        Benchmark = benchmark;
        Suite = suite;
        Metric = metric;
        BaselineMedian = baselineMedian;
        CurrentMedian = currentMedian;
        ChangePercent = changePercent;
        PValue = pValue;
        Verdict = verdict;
        Severity = severity;
    }

    /// <summary>The benchmark compared.</summary>
    public string Benchmark { get; }

    /// <summary>The benchmark's suite.</summary>
    public string Suite { get; }

    /// <summary>The metric's name (e.g. LatencyMs, AllocatedBytesPerOp, OpsPerSecond).</summary>
    public string Metric { get; }

    /// <summary>The baseline's median.</summary>
    public double BaselineMedian { get; }

    /// <summary>The current median.</summary>
    public double CurrentMedian { get; }

    /// <summary>(current - baseline) / baseline in percent; positive means the number grew.</summary>
    public double ChangePercent { get; }

    /// <summary>The Mann-Whitney two-sided p-value.</summary>
    public double PValue { get; }

    /// <summary>Faster, Same or Slower.</summary>
    public ComparisonVerdict Verdict { get; }

    /// <summary>The severity of a regression (None unless Slower).</summary>
    public RegressionSeverity Severity { get; }
}
