using System;
using System.Collections.Generic;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Decides whether a metric regressed, stayed the same or improved, on the samples rather than on two means: the
/// change must be significant (Mann-Whitney p below <see cref="Alpha"/>), larger than the relative threshold
/// (regression_threshold_percent for worse, RevitPy's IMPROVEMENT_THRESHOLD_PERCENT of 10 for better) and larger than
/// an absolute noise floor. A regression above 50 % is High, else Medium (HIGH_REGRESSION_SEVERITY_PERCENT).
/// </summary>
internal sealed class RegressionAnalyzer
{
    /// <summary>RevitPy's IMPROVEMENT_THRESHOLD_PERCENT.</summary>
    public const double ImprovementThresholdPercent = 10;

    /// <summary>RevitPy's HIGH_REGRESSION_SEVERITY_PERCENT.</summary>
    public const double HighSeverityPercent = 50;

    /// <summary>Creates an analyzer.</summary>
    public RegressionAnalyzer(double regressionThresholdPercent = 20, double alpha = 0.01)
    {
        if (!(regressionThresholdPercent > 0) || double.IsInfinity(regressionThresholdPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(regressionThresholdPercent), regressionThresholdPercent, "The threshold must be a positive percentage.");
        }

        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The significance level must be between 0 and 1.");
        }

        RegressionThresholdPercent = regressionThresholdPercent;
        Alpha = alpha;
    }

    /// <summary>Worse by more than this percentage (and significantly) is a regression.</summary>
    public double RegressionThresholdPercent { get; }

    /// <summary>The significance level of the Mann-Whitney test.</summary>
    public double Alpha { get; }

    /// <summary>
    /// Compares <paramref name="current"/> samples of a metric with <paramref name="baseline"/> samples.
    /// <paramref name="higherIsBetter"/> is true for throughput; <paramref name="noiseFloor"/> is the smallest
    /// absolute difference of medians, in the metric's unit, that can count at all.
    /// </summary>
    public MetricComparison Compare(
        string metric, IReadOnlyList<double> baseline, IReadOnlyList<double> current, bool higherIsBetter = false, double noiseFloor = 0, string benchmark = "", string suite = "")
    {
        var before = SampleStatistics.From(baseline).Median;
        var after = SampleStatistics.From(current).Median;
        var p = MannWhitney.Test(baseline, current).PValue;

        // A zero baseline has no relative change; report 0 or +-100 % rather than an infinity no JSON can hold.
        var change = before != 0 ? (after - before) / Math.Abs(before) * 100 : after == before ? 0 : 100 * Math.Sign(after - before);
        var worsePercent = higherIsBetter ? -change : change;
        var meaningful = p < Alpha && Math.Abs(after - before) > noiseFloor;

        if (meaningful && worsePercent > RegressionThresholdPercent)
        {
            var severity = worsePercent > HighSeverityPercent ? RegressionSeverity.High : RegressionSeverity.Medium;
            return new MetricComparison(benchmark, suite, metric, before, after, change, p, ComparisonVerdict.Slower, severity);
        }

        var verdict = meaningful && -worsePercent > ImprovementThresholdPercent ? ComparisonVerdict.Faster : ComparisonVerdict.Same;
        return new MetricComparison(benchmark, suite, metric, before, after, change, p, verdict, RegressionSeverity.None);
    }
}
