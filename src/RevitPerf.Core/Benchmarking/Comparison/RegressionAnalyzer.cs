using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Decides whether a metric regressed, stayed the same or improved, on the samples rather than on two means: the
/// change must be significant (Mann-Whitney p below <see cref="Alpha"/>), larger than the relative threshold
/// (regression_threshold_percent for worse, RevitPy's IMPROVEMENT_THRESHOLD_PERCENT of 10 for better) and larger than
/// an absolute noise floor. A regression above 50 % is High, else Medium (HIGH_REGRESSION_SEVERITY_PERCENT).
/// </summary>
/// <remarks>
/// Samples of one run understate how far another run of the same code falls: a fresh process lays out memory, tiers
/// its JIT and meets the machine differently, and a shared machine changes speed for seconds at a time. A run stands
/// for itself by its fastest round (see <see cref="BenchmarkResult.GetRoundMediansMs"/>), and a baseline saved from
/// several launches keeps each launch's figure; a change is then Slower only when the current run's figure lies beyond
/// the worst of those launches by the threshold too, and within that it is Unsure. A baseline of one launch cannot
/// tell its spread: a change is Slower only beyond the threshold plus <see cref="SingleLaunchAllowancePercent"/>, and
/// Unsure below (as BenchmarkDotNet's launch count).
/// </remarks>
internal sealed class RegressionAnalyzer
{
    /// <summary>RevitPy's IMPROVEMENT_THRESHOLD_PERCENT.</summary>
    public const double ImprovementThresholdPercent = 10;

    /// <summary>RevitPy's HIGH_REGRESSION_SEVERITY_PERCENT.</summary>
    public const double HighSeverityPercent = 50;

    /// <summary>What a baseline of one launch allows for the spread between launches, in percent, before Slower.</summary>
    public const double SingleLaunchAllowancePercent = 30;

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
    /// <remarks>
    /// <paramref name="launchValues"/> are the baseline's per-launch figures of the metric; null or empty when unknown,
    /// and then the threshold alone decides. <paramref name="currentLaunchValues"/> are the current side's (its fastest
    /// round's median for a run); null or empty uses the median of its samples.
    /// </remarks>
    public MetricComparison Compare(
        string metric, IReadOnlyList<double> baseline, IReadOnlyList<double> current, bool higherIsBetter = false, double noiseFloor = 0,
        string benchmark = "", string suite = "", IReadOnlyList<double>? launchValues = null, IReadOnlyList<double>? currentLaunchValues = null)
    {
        var before = SampleStatistics.From(baseline).Median;
        var after = SampleStatistics.From(current).Median;
        var p = MannWhitney.Test(baseline, current).PValue;

        // A zero baseline has no relative change; report 0 or +-100 % rather than an infinity no JSON can hold.
        var change = before != 0 ? (after - before) / Math.Abs(before) * 100 : after == before ? 0 : 100 * Math.Sign(after - before);
        var worsePercent = higherIsBetter ? -change : change;
        var meaningful = p < Alpha && Math.Abs(after - before) > noiseFloor;

        var launches = launchValues is { Count: >= 2 } known ? known : null;
        if (meaningful && worsePercent > RegressionThresholdPercent)
        {
            // The current run at its best (of its launches, its fastest round) beyond the worst launch by the threshold
            // as well, or, with one launch, beyond the threshold plus the allowance for a spread one launch cannot show
            // (as a ratio of times, so throughput judges as latency does). Without launch information the threshold
            // alone decides.
            var best = currentLaunchValues is { Count: > 0 } own ? higherIsBetter ? own.Max() : own.Min() : after;
            var factor = 1 + (RegressionThresholdPercent / 100);
            var beyondLaunches = launches is not null
                ? higherIsBetter ? best * factor < launches.Min() : best > launches.Max() * factor
                : launchValues is not { Count: 1 } single
                  || (higherIsBetter ? single[0] / best : best / single[0]) > 1 + ((RegressionThresholdPercent + SingleLaunchAllowancePercent) / 100);
            var severity = worsePercent > HighSeverityPercent ? RegressionSeverity.High : RegressionSeverity.Medium;
            return beyondLaunches
                ? new MetricComparison(benchmark, suite, metric, before, after, change, p, ComparisonVerdict.Slower, severity)
                : new MetricComparison(benchmark, suite, metric, before, after, change, p, ComparisonVerdict.Unsure, RegressionSeverity.None);
        }

        var better = meaningful && -worsePercent > ImprovementThresholdPercent
            && (launches is null || (higherIsBetter ? after > launches.Max() : after < launches.Min()));
        return new MetricComparison(benchmark, suite, metric, before, after, change, p, better ? ComparisonVerdict.Faster : ComparisonVerdict.Same, RegressionSeverity.None);
    }
}
