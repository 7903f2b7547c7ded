using System;
using System.Collections.Generic;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Memory;

/// <summary>
/// Decides whether an operation leaks from the managed heap retained after forced full collections, sampled every
/// few iterations: by the trend (the slope of retained bytes per iteration, its r² and 99 % confidence interval), not
/// by one difference; RevitPy's rule (more than 70 % of consecutive samples growing) can only raise suspicion.
/// </summary>
public sealed class LeakAnalysis
{
    /// <summary>RevitPy's MEMORY_LEAK_GROWTH_RATIO.</summary>
    public const double GrowthRatioThreshold = 0.7;

    /// <summary>RevitPy's GC_TRIGGER_INTERVAL: a forced collection (and a sample) every this many operations.</summary>
    public const int CollectionInterval = 50;

    /// <summary>Below this many bytes retained per iteration, growth is noise (runtime caches, JIT data), not a leak.</summary>
    public const double MinimumLeakBytesPerIteration = 256;

    private LeakAnalysis(IReadOnlyList<double> iterations, IReadOnlyList<double> retainedBytes, LinearFit fit, double growthRatio)
    {
        Iterations = iterations;
        RetainedBytes = retainedBytes;
        Fit = fit;
        GrowthRatio = growthRatio;
        BytesPerIteration = fit.Slope;
        ProjectedBytesPer1000Runs = fit.Slope * 1000;
        Verdict = fit.IsSignificantlyPositive && fit.Slope >= MinimumLeakBytesPerIteration && fit.RSquared >= 0.5
            ? LeakVerdict.Leak
            : (fit.IsSignificantlyPositive && fit.Slope >= MinimumLeakBytesPerIteration / 4) || growthRatio > GrowthRatioThreshold
                ? LeakVerdict.Suspected
                : LeakVerdict.NoLeak;
    }

    /// <summary>The iteration each sample was taken after.</summary>
    public IReadOnlyList<double> Iterations { get; }

    /// <summary>Bytes on the managed heap after each forced collection.</summary>
    public IReadOnlyList<double> RetainedBytes { get; }

    /// <summary>The trend of retained bytes against iterations.</summary>
    public LinearFit Fit { get; }

    /// <summary>Bytes retained per iteration (the slope).</summary>
    public double BytesPerIteration { get; }

    /// <summary>Projected growth over 1,000 more runs, bytes.</summary>
    public double ProjectedBytesPer1000Runs { get; }

    /// <summary>The share of consecutive sample pairs in which retained memory grew (RevitPy's measure).</summary>
    public double GrowthRatio { get; }

    /// <summary>Leak when the slope is significantly positive, at least 256 bytes per iteration and r² ≥ 0.5.</summary>
    public LeakVerdict Verdict { get; }

    /// <summary>Analyses samples of retained bytes taken after the given iterations (at least three samples).</summary>
    public static LeakAnalysis Analyze(IReadOnlyList<double> iterations, IReadOnlyList<double> retainedBytes)
    {
        if (retainedBytes is null)
        {
            throw new ArgumentNullException(nameof(retainedBytes));
        }

        if (retainedBytes.Count < 3)
        {
            throw new ArgumentException("A trend needs at least three samples.", nameof(retainedBytes));
        }

        return new LeakAnalysis(iterations, retainedBytes, LinearFit.Fit(iterations, retainedBytes), GrowthRatioOf(retainedBytes));
    }

    /// <summary>RevitPy's measure: the share of consecutive pairs of <paramref name="values"/> in which the value grew.</summary>
    public static double GrowthRatioOf(IReadOnlyList<double> values)
    {
        if (values is null || values.Count < 2)
        {
            return 0;
        }

        var growing = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[i - 1])
            {
                growing++;
            }
        }

        return (double)growing / (values.Count - 1);
    }
}
