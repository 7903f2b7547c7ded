namespace RevitPerf.Core.Memory;

/// <summary>What just happened to an alert.</summary>
public enum AlertChange
{
    /// <summary>It was raised.</summary>
    Raised,

    /// <summary>It went from Warning to Critical (acknowledgement kept).</summary>
    Escalated,

    /// <summary>It was resolved: the condition no longer holds.</summary>
    Resolved,
}
