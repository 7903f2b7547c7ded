using System;

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
    /// The new maximum size, or null to keep it: at least <paramref name="minimumTraffic"/> reads since the last
    /// decision, a hit ratio below <see cref="RevitCache.LowHitRatioThreshold"/> over them, memory below
    /// <see cref="RevitCache.MemoryHeadroomFactor"/> x the cleanup threshold and a size below
    /// <see cref="RevitCache.MaxAdaptiveSize"/> double the size (to at most that).
    /// </summary>
    public int? Decide(long hits, long misses, int maxSize, long memoryBytes, long cleanupThresholdBytes, long minimumTraffic)
    {
        var traffic = hits - _hitsAtLastDecision + misses - _missesAtLastDecision;
        if (traffic < Math.Max(1, minimumTraffic))
        {
            return null; // not enough reads to judge: keep counting, decide later
        }

        var ratio = (double)(hits - _hitsAtLastDecision) / traffic;
        _hitsAtLastDecision = hits;
        _missesAtLastDecision = misses;
        if (ratio >= RevitCache.LowHitRatioThreshold || memoryBytes >= cleanupThresholdBytes * RevitCache.MemoryHeadroomFactor
            || maxSize >= RevitCache.MaxAdaptiveSize)
        {
            return null;
        }

        return (int)Math.Min(RevitCache.MaxAdaptiveSize, (long)maxSize * 2);
    }

    /// <summary>Forgets the reads counted so far (the statistics were reset).</summary>
    public void Reset() => _hitsAtLastDecision = _missesAtLastDecision = 0;
}
