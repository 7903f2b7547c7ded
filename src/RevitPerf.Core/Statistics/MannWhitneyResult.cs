namespace RevitPerf.Core.Statistics;

/// <summary>The outcome of a Mann-Whitney U test of two independent samples.</summary>
internal sealed class MannWhitneyResult
{
    internal MannWhitneyResult(double u, double pValue, bool exact)
    {
        U = u;
        PValue = pValue;
        Exact = exact;
    }

    /// <summary>U of the first sample: how many (first, second) pairs have the first value larger (ties count half).</summary>
    public double U { get; }

    /// <summary>The two-sided p-value: the chance of a difference at least this large if both come from one distribution.</summary>
    public double PValue { get; }

    /// <summary>True when the p-value comes from the exact distribution of U (small samples without ties).</summary>
    public bool Exact { get; }
}
