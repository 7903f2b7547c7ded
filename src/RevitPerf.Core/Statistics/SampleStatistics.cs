using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Statistics;

/// <summary>
/// The statistics of a set of samples (times in milliseconds, say), computed once: mean, median, sample standard
/// deviation, extremes, p50/p90/p95/p99 (see <see cref="Percentile"/>), the half-width of the 99.9 % confidence
/// interval of the mean (Student's t), the coefficient of variation, and Tukey's fences for outliers.
/// </summary>
public sealed class SampleStatistics
{
    /// <summary>The confidence level of <see cref="ErrorHalfWidth"/>.</summary>
    public const double ConfidenceLevel = 0.999;

    /// <summary>Tukey's multiplier of the interquartile range for the outlier fences.</summary>
    public const double TukeyK = 1.5;

    private readonly double[] _sorted;

    private SampleStatistics(double[] sorted)
    {
        _sorted = sorted;
        Count = sorted.Length;
        Mean = sorted.Average();
        Min = sorted[0];
        Max = sorted[sorted.Length - 1];
        Median = P50 = Percentile.OfSorted(sorted, 0.50);
        P90 = Percentile.OfSorted(sorted, 0.90);
        P95 = Percentile.OfSorted(sorted, 0.95);
        P99 = Percentile.OfSorted(sorted, 0.99);
        var mean = Mean;
        StdDev = Count > 1 ? Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / (Count - 1)) : 0;
        StandardError = Count > 1 ? StdDev / Math.Sqrt(Count) : 0;
        ErrorHalfWidth = Count > 1 ? StudentT.Quantile(1 - ((1 - ConfidenceLevel) / 2), Count - 1) * StandardError : 0;
        CoefficientOfVariation = Mean != 0 ? StdDev / Math.Abs(Mean) : 0;
        var q1 = Percentile.OfSorted(sorted, 0.25);
        var q3 = Percentile.OfSorted(sorted, 0.75);
        LowerFence = q1 - (TukeyK * (q3 - q1));
        UpperFence = q3 + (TukeyK * (q3 - q1));
        Outliers = sorted.Count(x => x < LowerFence || x > UpperFence);
    }

    /// <summary>How many samples.</summary>
    public int Count { get; }

    /// <summary>The arithmetic mean.</summary>
    public double Mean { get; }

    /// <summary>The median (= <see cref="P50"/>).</summary>
    public double Median { get; }

    /// <summary>The sample standard deviation (n - 1); 0 for one sample.</summary>
    public double StdDev { get; }

    /// <summary>The standard error of the mean.</summary>
    public double StandardError { get; }

    /// <summary>Half the width of the 99.9 % confidence interval of the mean.</summary>
    public double ErrorHalfWidth { get; }

    /// <summary>StdDev / |Mean|.</summary>
    public double CoefficientOfVariation { get; }

    /// <summary>The smallest sample.</summary>
    public double Min { get; }

    /// <summary>The largest sample.</summary>
    public double Max { get; }

    /// <summary>The 50th percentile.</summary>
    public double P50 { get; }

    /// <summary>The 90th percentile.</summary>
    public double P90 { get; }

    /// <summary>The 95th percentile.</summary>
    public double P95 { get; }

    /// <summary>The 99th percentile.</summary>
    public double P99 { get; }

    /// <summary>Q1 - 1.5 IQR: samples below are outliers.</summary>
    public double LowerFence { get; }

    /// <summary>Q3 + 1.5 IQR: samples above are outliers.</summary>
    public double UpperFence { get; }

    /// <summary>How many samples lie outside Tukey's fences.</summary>
    public int Outliers { get; }

    /// <summary>The samples, sorted ascending.</summary>
    public IReadOnlyList<double> Sorted => _sorted;

    /// <summary>Computes the statistics of <paramref name="samples"/> (at least one, all finite).</summary>
    public static SampleStatistics From(IEnumerable<double> samples)
    {
        var sorted = (samples ?? throw new ArgumentNullException(nameof(samples))).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("There are no samples.", nameof(samples));
        }

        if (sorted.Any(x => double.IsNaN(x) || double.IsInfinity(x)))
        {
            throw new ArgumentException("Samples must be finite numbers.", nameof(samples));
        }

        Array.Sort(sorted);
        return new SampleStatistics(sorted);
    }

    /// <summary>The statistics of the samples inside Tukey's fences (this instance when there are no outliers).</summary>
    public SampleStatistics WithoutOutliers() =>
        Outliers == 0 ? this : new SampleStatistics(_sorted.Where(x => x >= LowerFence && x <= UpperFence).ToArray());
}
