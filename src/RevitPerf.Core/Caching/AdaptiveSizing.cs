using System;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tuning;

namespace RevitPerf.Core.Caching;

/// <summary>
/// RevitPy's adaptive cache sizing, without its defect of doubling an idle cache: it decides on the reads since its
/// last decision only, and only when there were enough of them. Not thread-safe: the cache calls it under its lock.
/// </summary>
internal sealed class AdaptiveSizing
{
    private long _hitsAtLastDecision;
    private long _missesAtLastDecision;

    /// <summary>
    /// What to do, without deciding: at least <paramref name="minimumTraffic"/> reads since the last decision, a hit
    /// ratio below <see cref="RevitCache.LowHitRatioThreshold"/> over them, memory below
    /// <see cref="RevitCache.MemoryHeadroomFactor"/> x the cleanup threshold and a size below
    /// <see cref="RevitCache.MaxAdaptiveSize"/> double the size (to at most that).
    /// </summary>
    public GrowthDecision Evaluate(long hits, long misses, int maxSize, long memoryBytes, long cleanupThresholdBytes, long minimumTraffic)
    {
        var needed = Math.Max(1, minimumTraffic);
        var traffic = hits - _hitsAtLastDecision + misses - _missesAtLastDecision;
        double? ratio = traffic > 0 ? (double)(hits - _hitsAtLastDecision) / traffic : null;
        string reason;
        int? grown = null;
        if (traffic < needed)
        {
            reason = $"{traffic:N0} reads since the last decision, {needed:N0} needed: not enough to judge";
        }
        else if (ratio >= RevitCache.LowHitRatioThreshold)
        {
            reason = $"the hit ratio {ratio:0.###} is not below {RevitCache.LowHitRatioThreshold}";
        }
        else if (memoryBytes >= cleanupThresholdBytes * RevitCache.MemoryHeadroomFactor)
        {
            reason = $"memory ({memoryBytes / Units.BytesPerMB:N0} MB) is not below {RevitCache.MemoryHeadroomFactor} x memory_cleanup_threshold_mb";
        }
        else if (maxSize >= RevitCache.MaxAdaptiveSize)
        {
            reason = $"the cache is at the adaptive limit of {RevitCache.MaxAdaptiveSize:N0} entries";
        }
        else
        {
            grown = (int)Math.Min(RevitCache.MaxAdaptiveSize, (long)maxSize * 2);
            reason = $"the hit ratio {ratio:0.###} over {traffic:N0} reads is below {RevitCache.LowHitRatioThreshold}";
        }

        return new GrowthDecision(traffic, needed, ratio, RevitCache.LowHitRatioThreshold, maxSize, grown, reason);
    }

    /// <summary>
    /// Decides: <see cref="Evaluate"/>, and when there was enough traffic to judge, the reads so far are spent on this
    /// decision (the next one counts from here).
    /// </summary>
    public GrowthDecision Decide(long hits, long misses, int maxSize, long memoryBytes, long cleanupThresholdBytes, long minimumTraffic)
    {
        var decision = Evaluate(hits, misses, maxSize, memoryBytes, cleanupThresholdBytes, minimumTraffic);
        if (decision.Traffic >= decision.MinimumTraffic)
        {
            _hitsAtLastDecision = hits;
            _missesAtLastDecision = misses;
        }

        return decision;
    }

    /// <summary>Forgets the reads counted so far (the statistics were reset).</summary>
    public void Reset() => _hitsAtLastDecision = _missesAtLastDecision = 0;
}
