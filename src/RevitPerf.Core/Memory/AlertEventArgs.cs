using System;

namespace RevitPerf.Core.Memory;

/// <summary>An alert was raised, escalated or resolved; <see cref="Alert"/> is a copy taken at that moment.</summary>
public sealed class AlertEventArgs : EventArgs
{
    internal AlertEventArgs(AlertChange change, PerformanceAlert alert)
    {
        Change = change;
        Alert = alert;
    }

    /// <summary>What happened.</summary>
    public AlertChange Change { get; }

    /// <summary>The alert as it stands after the change.</summary>
    public PerformanceAlert Alert { get; }
}
