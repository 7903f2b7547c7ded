namespace RevitPerf.Core.Memory;

/// <summary>How serious an alert is.</summary>
public enum AlertSeverity
{
    /// <summary>Above the warning threshold (or growing faster than allowed).</summary>
    Warning,

    /// <summary>Above the critical threshold.</summary>
    Critical,
}
