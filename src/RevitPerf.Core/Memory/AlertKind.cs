namespace RevitPerf.Core.Memory;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>The process's memory, averaged over the alert window, is above a threshold.</summary>
    Memory,

    /// <summary>The process's memory grows faster than the allowed MB per hour.</summary>
    Growth,
}
