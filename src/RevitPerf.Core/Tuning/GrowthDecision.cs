namespace RevitPerf.Core.Tuning;

/// <summary>
/// What adaptive sizing concludes for a cache or a pool from the traffic since its last decision: the hit ratio over
/// it, and the new size when it should grow. Evaluating changes nothing; growing commits the decision.
/// </summary>
public sealed class GrowthDecision
{
    internal GrowthDecision(long traffic, long minimumTraffic, double? hitRatio, double threshold, int currentSize, int? newSize, string reason)
    {
        Traffic = traffic;
        MinimumTraffic = minimumTraffic;
        HitRatio = hitRatio;
        Threshold = threshold;
        CurrentSize = currentSize;
        NewSize = newSize;
        Reason = reason;
    }

    /// <summary>Reads (or borrows) since the last decision.</summary>
    public long Traffic { get; }

    /// <summary>The fewest reads (or borrows) a decision needs.</summary>
    public long MinimumTraffic { get; }

    /// <summary>The hit ratio over <see cref="Traffic"/>; null when there was none.</summary>
    public double? HitRatio { get; }

    /// <summary>The hit ratio below which it grows (0.7 for caches, 0.8 for pools).</summary>
    public double Threshold { get; }

    /// <summary>The size now.</summary>
    public int CurrentSize { get; }

    /// <summary>The size it should have: twice the current one, capped; null to keep it.</summary>
    public int? NewSize { get; }

    /// <summary>Why it grows or not.</summary>
    public string Reason { get; }
}
