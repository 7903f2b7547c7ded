using System;

namespace RevitPerf.Core.Memory;

/// <summary>An alert of a memory monitor, flat for tables and CSV. Readers get copies; the monitor owns the original.</summary>
public sealed class PerformanceAlert
{
    /// <summary>A number unique in the process.</summary>
    public int Id { get; internal set; }

    /// <summary>The monitor that raised it.</summary>
    public string Monitor { get; internal set; } = string.Empty;

    /// <summary>The process watched.</summary>
    public int ProcessId { get; internal set; }

    /// <summary>Its name.</summary>
    public string ProcessName { get; internal set; } = string.Empty;

    /// <summary>Memory or Growth.</summary>
    public AlertKind Kind { get; internal set; }

    /// <summary>Warning or Critical.</summary>
    public AlertSeverity Severity { get; internal set; }

    /// <summary>True until the condition no longer holds.</summary>
    public bool IsActive { get; internal set; } = true;

    /// <summary>Acknowledged by the user (kept through escalation).</summary>
    public bool Acknowledged { get; internal set; }

    /// <summary>The latest value judged: average MB over the window, or MB per hour for growth.</summary>
    public double Value { get; internal set; }

    /// <summary>The threshold crossed, in the same unit.</summary>
    public double Threshold { get; internal set; }

    /// <summary>When it was raised (UTC).</summary>
    public DateTime RaisedAt { get; internal set; }

    /// <summary>When it escalated to Critical (UTC), if it did.</summary>
    public DateTime? EscalatedAt { get; internal set; }

    /// <summary>When it was resolved (UTC), if it was.</summary>
    public DateTime? ResolvedAt { get; internal set; }

    /// <summary>A sentence saying what happened.</summary>
    public string Message { get; internal set; } = string.Empty;

    /// <summary>A copy, for readers outside the monitor's lock.</summary>
    public PerformanceAlert Clone() => (PerformanceAlert)MemberwiseClone();
}
