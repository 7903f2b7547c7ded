namespace RevitPerf.Core.Memory;

/// <summary>Which way a process's memory goes over a monitor's history.</summary>
public enum MemoryTrend
{
    /// <summary>No significant growth or decline.</summary>
    Stable,

    /// <summary>Significantly growing.</summary>
    Rising,

    /// <summary>Significantly shrinking.</summary>
    Falling,
}
