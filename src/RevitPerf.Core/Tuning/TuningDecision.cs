namespace RevitPerf.Core.Tuning;

/// <summary>
/// One auto-optimisation rule applied to one target: what it observed against its threshold, what it does (or would
/// do), and whether it did. Flat, for tables and CSV.
/// </summary>
public sealed class TuningDecision
{
    internal TuningDecision(string rule, string target, double? observed, double? threshold, string action, string reason, bool changes)
    {
        Rule = rule;
        Target = target;
        Observed = observed;
        Threshold = threshold;
        Action = action;
        Reason = reason;
        Changes = changes;
    }

    /// <summary>The rule: CacheGrowth, PoolGrowth, MemoryCleanup or GcLatencyMode.</summary>
    public string Rule { get; }

    /// <summary>What it looked at: a cache, a pool, the process, benchmark runs.</summary>
    public string Target { get; }

    /// <summary>The figure the rule judged (a hit ratio, the managed heap in MB); null when there was none.</summary>
    public double? Observed { get; }

    /// <summary>The rule's threshold in the same unit; null when it has none.</summary>
    public double? Threshold { get; }

    /// <summary>What it does: "grow to 2,000", "collect", or "none".</summary>
    public string Action { get; }

    /// <summary>True when it changed something (not with -WhatIf, and not when the action is none).</summary>
    public bool Applied { get; internal set; }

    /// <summary>Why.</summary>
    public string Reason { get; }

    /// <summary>True when the action changes something if applied.</summary>
    internal bool Changes { get; }
}
