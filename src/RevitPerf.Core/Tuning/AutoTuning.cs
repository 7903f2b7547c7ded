using System;
using System.Collections.Generic;
using System.Globalization;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Tuning;

/// <summary>
/// RevitPy's auto-optimisation rules, on real inputs: grow the default cache (x2, at most 50,000) when its hit ratio
/// over enough reads since the last decision is below 0.7 and memory has headroom; grow each pool (x2, at most 2,000)
/// when its hit ratio over enough borrows is below 0.8; run the memory cleanup above memory_cleanup_threshold_mb; and
/// GC tuning where .NET allows it (benchmark runs use SustainedLowLatency with gc_optimization_enabled). RevitPy
/// doubled an idle cache on every call; here no traffic means no change.
/// </summary>
internal sealed class AutoTuning
{
    /// <summary>The fewest reads or borrows since the last decision on which growth may act (or the size, if larger).</summary>
    public const long MinimumTraffic = 100;

    private readonly RevitPerfOptimizer _optimizer;

    public AutoTuning(RevitPerfOptimizer optimizer) => _optimizer = optimizer;

    /// <summary>
    /// Evaluates every rule and applies each one whose action changes something and that <paramref name="confirm"/>
    /// allows (all when null); returns one decision per rule and target.
    /// </summary>
    public IReadOnlyList<TuningDecision> Run(Func<TuningDecision, bool>? confirm)
    {
        var configuration = _optimizer.Configuration.Optimization;
        var decisions = new List<TuningDecision>();
        var memory = _optimizer.MemoryProbe.ManagedHeapBytes;
        var threshold = (long)(configuration.MemoryCleanupThresholdMB * Units.BytesPerMB);

        var cache = _optimizer.Caches.Default;
        var cacheTraffic = Math.Max(MinimumTraffic, cache.MaxSize);
        var preview = cache.EvaluateGrowth(memory, threshold, cacheTraffic);
        decisions.Add(Apply(Growth("CacheGrowth", cache.Name, preview, "entries"), confirm, () => cache.Grow(memory, threshold, cacheTraffic).NewSize is not null));

        foreach (var pool in _optimizer.Pools.All)
        {
            var borrows = Math.Max(MinimumTraffic, pool.MaxSize);
            decisions.Add(Apply(Growth("PoolGrowth", pool.Name, pool.EvaluateGrowth(borrows), "objects"), confirm, () => pool.Grow(borrows).NewSize is not null));
        }

        decisions.Add(Apply(Cleanup(memory, configuration), confirm, () => _optimizer.Optimize(new MaintenanceRequest()).Collected));
        // The GC rule sets nothing now: applied, it stands for the benchmark runs to come (GcLatencyScope).
        decisions.Add(Apply(GcLatency(configuration.GcOptimizationEnabled), confirm, () => true));
        return decisions;
    }

    /// <summary>The scheduled part (with enable_adaptive_caching): cache and pool growth, applied.</summary>
    public (int? CacheGrownTo, int PoolsGrown) RunGrowth(long memoryBytes, long thresholdBytes)
    {
        var cache = _optimizer.Caches.Default;
        var grownTo = cache.Grow(memoryBytes, thresholdBytes, Math.Max(MinimumTraffic, cache.MaxSize)).NewSize;
        var pools = 0;
        foreach (var pool in _optimizer.Pools.All)
        {
            if (pool.Grow(Math.Max(MinimumTraffic, pool.MaxSize)).NewSize is not null)
            {
                pools++;
            }
        }

        return (grownTo, pools);
    }

    private static TuningDecision Apply(TuningDecision decision, Func<TuningDecision, bool>? confirm, Func<bool> apply)
    {
        if (decision.Changes && (confirm?.Invoke(decision) ?? true))
        {
            decision.Applied = apply();
        }

        return decision;
    }

    private static TuningDecision Growth(string rule, string target, GrowthDecision growth, string unit) => new(
        rule, target, growth.HitRatio, growth.Threshold,
        growth.NewSize is { } size
            ? string.Format(CultureInfo.InvariantCulture, "grow from {0:N0} to {1:N0} {2}", growth.CurrentSize, size, unit)
            : "none",
        growth.Reason, growth.NewSize is not null);

    private static TuningDecision Cleanup(long memoryBytes, Configuration.OptimizationConfig configuration)
    {
        var heapMB = memoryBytes / Units.BytesPerMB;
        var limit = configuration.MemoryCleanupThresholdMB;
        var above = heapMB > limit;
        string reason = !above
            ? string.Format(CultureInfo.InvariantCulture, "the managed heap ({0:N1} MB) is below memory_cleanup_threshold_mb ({1:N0} MB)", heapMB, limit)
            : configuration.GcOptimizationEnabled
                ? string.Format(CultureInfo.InvariantCulture, "the managed heap ({0:N1} MB) is above memory_cleanup_threshold_mb ({1:N0} MB)", heapMB, limit)
                : "the managed heap is above memory_cleanup_threshold_mb, but gc_optimization_enabled is off";
        var acts = above && configuration.GcOptimizationEnabled;
        return new TuningDecision("MemoryCleanup", "process", heapMB, limit, acts ? "run the memory cleanup (a full collection)" : "none", reason, acts);
    }

    private static TuningDecision GcLatency(bool enabled) => new(
        "GcLatencyMode", "benchmark runs", null, null,
        enabled ? "SustainedLowLatency while benchmarks run, restored afterwards" : "none",
        enabled
            ? "gc_optimization_enabled: benchmark runs avoid blocking full collections, so fewer samples carry a pause; the process's own mode is left alone"
            : "gc_optimization_enabled is off: benchmark runs keep the process's latency mode",
        changes: enabled);
}
