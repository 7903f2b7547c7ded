using System;
using RevitPerf.Core.Tuning;

namespace RevitPerf.Core.Pooling;

/// <summary>
/// A pool's adaptive sizing (RevitPy's rule, with real effect): over enough borrows since the last decision, a hit
/// ratio below <see cref="ObjectPoolDefaults.LowHitRatioThreshold"/> doubles the size, to at most
/// <see cref="ObjectPoolDefaults.MaxAdaptiveSize"/>. Not thread-safe: the pool calls it under its lock.
/// </summary>
internal sealed class PoolGrowthRule
{
    private long _borrowedAtDecision;
    private long _createdAtDecision;

    /// <summary>The decision from the pool's totals; with <paramref name="commit"/> the borrows so far are spent on it.</summary>
    public GrowthDecision Decide(bool enabled, long borrowed, long created, int maxSize, long minimumBorrows, bool commit)
    {
        var needed = Math.Max(1, minimumBorrows);
        var traffic = borrowed - _borrowedAtDecision;
        double? ratio = traffic > 0 ? (double)Math.Max(0, traffic - (created - _createdAtDecision)) / traffic : null;
        int? grown = null;
        string reason;
        if (!enabled)
        {
            reason = "pooling is off (enable_object_pooling): every borrow creates by design";
        }
        else if (traffic < needed)
        {
            reason = $"{traffic:N0} borrows since the last decision, {needed:N0} needed: not enough to judge";
        }
        else if (ratio >= ObjectPoolDefaults.LowHitRatioThreshold)
        {
            reason = $"the hit ratio {ratio:0.###} is not below {ObjectPoolDefaults.LowHitRatioThreshold}";
        }
        else if (maxSize >= ObjectPoolDefaults.MaxAdaptiveSize)
        {
            reason = $"the pool is at the adaptive limit of {ObjectPoolDefaults.MaxAdaptiveSize:N0} objects";
        }
        else
        {
            grown = (int)Math.Min(ObjectPoolDefaults.MaxAdaptiveSize, (long)maxSize * 2);
            reason = $"the hit ratio {ratio:0.###} over {traffic:N0} borrows is below {ObjectPoolDefaults.LowHitRatioThreshold}";
        }

        if (commit && enabled && traffic >= needed)
        {
            Reset(borrowed, created);
        }

        return new GrowthDecision(traffic, needed, ratio, ObjectPoolDefaults.LowHitRatioThreshold, maxSize, grown, reason);
    }

    /// <summary>Counts the next decision's borrows from these totals.</summary>
    public void Reset(long borrowed, long created)
    {
        _borrowedAtDecision = borrowed;
        _createdAtDecision = created;
    }
}
