namespace RevitPerf.Core.Benchmarking;

/// <summary>How a metric moved against its baseline (for throughput, higher is faster; for the rest, lower).</summary>
public enum ComparisonVerdict
{
    /// <summary>Significantly better, by more than the improvement threshold (10 %) and the noise floor.</summary>
    Faster,

    /// <summary>No significant change beyond the thresholds.</summary>
    Same,

    /// <summary>
    /// Significantly worse, by more than the regression threshold (20 %) and the noise floor, and beyond what separate
    /// launches of the baseline differed by.
    /// </summary>
    Slower,

    /// <summary>
    /// Worse beyond the threshold within this run, but not beyond how much separate launches of the same code differ
    /// (or the baseline has one launch, which cannot tell): save the baseline from several launches to decide.
    /// </summary>
    Unsure,
}
