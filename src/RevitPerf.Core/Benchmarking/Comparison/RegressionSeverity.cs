namespace RevitPerf.Core.Benchmarking;

/// <summary>RevitPy's severity of a regression.</summary>
public enum RegressionSeverity
{
    /// <summary>Not a regression.</summary>
    None,

    /// <summary>Worse by up to 50 %.</summary>
    Medium,

    /// <summary>Worse by more than 50 % (HIGH_REGRESSION_SEVERITY_PERCENT).</summary>
    High,
}
