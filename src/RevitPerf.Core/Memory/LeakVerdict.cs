namespace RevitPerf.Core.Memory;

/// <summary>What a leak test concluded.</summary>
public enum LeakVerdict
{
    /// <summary>Retained memory does not grow with the iterations.</summary>
    NoLeak,

    /// <summary>Some sign of growth (RevitPy's consecutive-growth rule, or a small significant slope), not conclusive.</summary>
    Suspected,

    /// <summary>Retained memory grows steadily with the iterations.</summary>
    Leak,
}
