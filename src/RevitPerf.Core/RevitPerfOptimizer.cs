using System;
using System.Collections.Generic;
using System.Threading;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Metrics;
using RevitPerf.Core.Pooling;
using RevitPerf.Core.Tuning;

namespace RevitPerf.Core;

/// <summary>
/// The optimizer: RevitPy's central coordinator. It owns the configuration in force, the capabilities' registries
/// (caches, pools, monitors), the background scheduler and the maintenance routine; to optimize is to run that routine
/// (expiry sweep, memory cleanup, adaptive sizing), on the schedule or when asked. Tests construct their own instances
/// with a fake clock and memory probe; the module uses the process-wide one, <see cref="Current"/>.
/// </summary>
public sealed class RevitPerfOptimizer : IDisposable
{
    /// <summary>RevitPy's MEMORY_WARNING_FACTOR: memory above this fraction of the cleanup threshold is a warning.</summary>
    public const double MemoryWarningFactor = 0.9;

    /// <summary>The name of the background job that runs the maintenance routine every pool_cleanup_interval_seconds.</summary>
    public const string OptimizationJobName = "Optimize";

    /// <summary>The name of the background job that adds a metrics summary to the history every metrics_collection_interval_seconds.</summary>
    public const string MetricsJobName = "Metrics";

    private static readonly object s_gate = new();
    private static PerformanceConfiguration s_configuration = new();
    private static RevitPerfOptimizer? s_current;

    private readonly object _gate = new();
    private readonly IClock _clock;
    private readonly BackgroundScheduler _scheduler = new();
    private readonly AutoTuning _tuning;
    private PerformanceConfiguration _configuration;
    private ScheduledJob? _optimizationJob;
    private ScheduledJob? _metricsJob;
    private OptimizationResult? _lastOptimization;
    private long _optimizations;
    private long _collections;
    private long _warnings;
    private int _disposed;

    /// <summary>Creates an optimizer that follows <paramref name="configuration"/> (copied).</summary>
    public RevitPerfOptimizer(PerformanceConfiguration configuration, IClock? clock = null, IMemoryProbe? memoryProbe = null)
    {
        _configuration = (configuration ?? throw new ArgumentNullException(nameof(configuration))).Clone();
        _clock = clock ?? SystemClock.Instance;
        MemoryProbe = memoryProbe ?? ProcessMemoryProbe.Instance;
        CreatedAt = _clock.UtcNow;
        Caches = new CacheRegistry(DefaultCacheOptions(_configuration.Optimization), clock);
        Monitors = new NamedRegistry<MemoryMonitor>("memory monitor", m => m.Stop());
        Pools = new PoolRegistry(_configuration.Optimization, clock);
        Maintenance = new MaintenanceRoutine(_clock);
        Maintenance.Add(new ExpiredEntriesSweep(Caches));
        Maintenance.Add(new PoolTrimming(Pools));
        Maintenance.Add(new MemoryCleanup(MemoryProbe));
        _tuning = new AutoTuning(this);
        Maintenance.Add(new AdaptiveSizingTask(_tuning));
        Metrics = new OperationMetrics(clock) { Enabled = _configuration.Optimization.EnableMetricsCollection };
        ScheduleOptimization();
    }

    /// <summary>
    /// The process-wide optimizer, created on first use from <see cref="CurrentConfiguration"/>. Thread-safe; after
    /// <see cref="ShutdownCurrent"/> the next read creates a fresh one.
    /// </summary>
    public static RevitPerfOptimizer Current
    {
        get
        {
            // Fast path without the lock once created; the lock only guards creation and replacement.
            var current = Volatile.Read(ref s_current);
            if (current is not null)
            {
                return current;
            }

            lock (s_gate)
            {
                if (s_current is null)
                {
                    Volatile.Write(ref s_current, new RevitPerfOptimizer(s_configuration));
                }

                return s_current!;
            }
        }
    }

    /// <summary>True when the process-wide optimizer exists (reading <see cref="Current"/> creates it).</summary>
    public static bool IsCurrentCreated => Volatile.Read(ref s_current) is not null;

    /// <summary>The process-wide optimizer if it exists, without creating it.</summary>
    internal static RevitPerfOptimizer? CurrentIfCreated => Volatile.Read(ref s_current);

    /// <summary>A copy of the process-wide configuration.</summary>
    public static PerformanceConfiguration CurrentConfiguration
    {
        get
        {
            lock (s_gate)
            {
                return s_configuration.Clone();
            }
        }
    }

    /// <summary>When this optimizer was created (UTC).</summary>
    public DateTime CreatedAt { get; }

    /// <summary>A copy of the configuration this optimizer follows.</summary>
    public PerformanceConfiguration Configuration
    {
        get
        {
            lock (_gate)
            {
                return _configuration.Clone();
            }
        }
    }

    /// <summary>The caches: the default one, sized from the configuration, and named ones.</summary>
    public CacheRegistry Caches { get; }

    /// <summary>The object pools (emptied when removed, and when the optimizer is disposed).</summary>
    public PoolRegistry Pools { get; }

    /// <summary>Per-operation latency metrics and the history of periodic summaries.</summary>
    public OperationMetrics Metrics { get; }

    /// <summary>The memory monitors (stopped when removed, and when the optimizer is disposed).</summary>
    public NamedRegistry<MemoryMonitor> Monitors { get; }

    /// <summary>The background jobs (the optimization schedule, monitors); empty once disposed.</summary>
    public BackgroundScheduler Scheduler => _scheduler;

    /// <summary>The maintenance routine <see cref="Optimize"/> runs; capabilities add their steps to it.</summary>
    public MaintenanceRoutine Maintenance { get; }

    /// <summary>How this optimizer reads the process's memory.</summary>
    public IMemoryProbe MemoryProbe { get; }

    /// <summary>The clock of everything this optimizer creates.</summary>
    public IClock Clock => _clock;

    /// <summary>Runs of the maintenance routine so far (scheduled and asked for).</summary>
    public long Optimizations => Interlocked.Read(ref _optimizations);

    /// <summary>Garbage collections forced by the maintenance routine so far.</summary>
    public long GarbageCollectionsTriggered => Interlocked.Read(ref _collections);

    /// <summary>Runs that found memory above the warning level.</summary>
    public long MemoryWarnings => Interlocked.Read(ref _warnings);

    /// <summary>The last run's result, or null before the first.</summary>
    public OptimizationResult? LastOptimization => Volatile.Read(ref _lastOptimization);

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// Makes <paramref name="configuration"/> (copied) the process-wide configuration and applies it to the live
    /// optimizer, if there is one: the instance is kept, its background work rescheduled.
    /// </summary>
    public static void Configure(PerformanceConfiguration configuration)
    {
        var copy = (configuration ?? throw new ArgumentNullException(nameof(configuration))).Clone();
        lock (s_gate)
        {
            s_configuration = copy;
            s_current?.ApplyConfiguration(copy);
        }
    }

    /// <summary>Disposes the process-wide optimizer, if any; its background work has stopped when this returns.</summary>
    public static void ShutdownCurrent()
    {
        RevitPerfOptimizer? old;
        lock (s_gate)
        {
            old = s_current;
            Volatile.Write(ref s_current, null);
        }

        old?.Dispose();
    }

    /// <summary>Applies <paramref name="configuration"/> (copied) to this optimizer.</summary>
    public void ApplyConfiguration(PerformanceConfiguration configuration)
    {
        var copy = (configuration ?? throw new ArgumentNullException(nameof(configuration))).Clone();
        lock (_gate)
        {
            _configuration = copy;
        }

        // The default cache follows the configuration (an adaptive growth is undone by an explicit new size).
        var options = DefaultCacheOptions(copy.Optimization);
        Caches.Default.Resize(options.MaxSize, options.MaxMemoryBytes, options.DefaultTimeToLive);
        Pools.ApplyConfiguration(copy.Optimization);
        Metrics.Enabled = copy.Optimization.EnableMetricsCollection;
        ScheduleOptimization();
    }

    /// <summary>
    /// RevitPy's performance summary, taken now: operations measured (and their rate over
    /// <paramref name="since"/>, or over the whole uptime), the default cache's and the pools' hit ratios, and memory.
    /// </summary>
    public MetricsSummary GetMetricsSummary(MetricsSummary? since = null)
    {
        var uptime = Metrics.Uptime.TotalSeconds;
        var (operations, failures) = Metrics.Totals;
        double rate;
        if (since is not null && since.UptimeSeconds <= uptime && since.Operations <= operations)
        {
            var seconds = uptime - since.UptimeSeconds;
            rate = seconds > 0 ? (operations - since.Operations) / seconds : 0;
        }
        else
        {
            rate = uptime > 0 ? operations / uptime : 0;
        }

        long borrowed = 0, served = 0;
        var pools = Pools.All;
        foreach (var pool in pools)
        {
            var statistics = pool.GetStatistics();
            borrowed += statistics.Borrowed;
            served += (long)Math.Round(statistics.HitRatio * statistics.Borrowed);
        }

        return new MetricsSummary(
            _clock.UtcNow, uptime, operations, failures, rate, Caches.Default.GetStatistics().HitRatio,
            borrowed == 0 ? 0 : (double)served / borrowed, pools.Count,
            MemoryProbe.WorkingSetBytes / Units.BytesPerMB, MemoryProbe.ManagedHeapBytes / Units.BytesPerMB);
    }

    /// <summary>Adds a summary to the metrics history now (the background job does this every metrics_collection_interval_seconds).</summary>
    public MetricsSummary SampleMetrics()
    {
        ThrowIfDisposed();
        var sample = GetMetricsSummary(Metrics.LastSample);
        Metrics.AddSample(sample);
        return sample;
    }

    /// <summary>
    /// Optimizes: one run of the maintenance routine with the configuration in force (expired cache entries removed,
    /// pools trimmed, memory cleaned up by RevitPy's rules, and on the schedule adaptive cache sizing). The background
    /// job does this every pool_cleanup_interval_seconds while memory_monitoring_enabled; Optimize-RevitMemory asks.
    /// </summary>
    public OptimizationResult Optimize(MaintenanceRequest? request = null)
    {
        ThrowIfDisposed();
        var result = Maintenance.Run(request ?? new MaintenanceRequest(), Configuration.Optimization);
        if (result.Collected)
        {
            Interlocked.Increment(ref _collections);
        }

        if (result.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }

        Volatile.Write(ref _lastOptimization, result);
        Interlocked.Increment(ref _optimizations);
        return result;
    }

    /// <summary>
    /// Auto-optimisation: evaluates RevitPy's rules on the live figures (cache growth, pool growth, memory cleanup, GC
    /// latency mode) and applies each one whose action changes something and that <paramref name="confirm"/> allows
    /// (all when null). Returns one decision per rule and target. No traffic since the last decision means no growth.
    /// </summary>
    public IReadOnlyList<TuningDecision> AutoOptimize(Func<TuningDecision, bool>? confirm = null)
    {
        ThrowIfDisposed();
        return _tuning.Run(confirm);
    }

    /// <summary>Stops all background work; when it returns nothing of this optimizer runs any more.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Monitors.Dispose();
        _scheduler.Dispose();
        Pools.Dispose();
    }

    private void ScheduleOptimization()
    {
        ScheduledJob? stopped = null;
        lock (_gate)
        {
            if (IsDisposed)
            {
                return;
            }

            var options = _configuration.Optimization;
            var interval = TimeSpan.FromSeconds(options.PoolCleanupIntervalSeconds);
            if (!options.MemoryMonitoringEnabled)
            {
                stopped = _optimizationJob;
                _optimizationJob = null;
            }
            else if (_optimizationJob is null)
            {
                _optimizationJob = _scheduler.Schedule(OptimizationJobName, interval, ScheduledOptimization);
            }
            else if (_optimizationJob.Interval != interval)
            {
                _optimizationJob.ChangeInterval(interval);
            }
        }

        // Stopping waits for a run in progress, and a run takes _gate to read the configuration: stop outside it.
        stopped?.Dispose();
        ScheduleMetrics();
    }

    private void ScheduleMetrics()
    {
        ScheduledJob? stopped = null;
        lock (_gate)
        {
            if (IsDisposed)
            {
                return;
            }

            var options = _configuration.Optimization;
            var interval = TimeSpan.FromSeconds(options.MetricsCollectionIntervalSeconds);
            if (!options.EnableMetricsCollection)
            {
                stopped = _metricsJob;
                _metricsJob = null;
            }
            else if (_metricsJob is null)
            {
                _metricsJob = _scheduler.Schedule(MetricsJobName, interval, () =>
                {
                    if (!IsDisposed)
                    {
                        SampleMetrics();
                    }
                });
            }
            else if (_metricsJob.Interval != interval)
            {
                _metricsJob.ChangeInterval(interval);
            }
        }

        stopped?.Dispose();
    }

    private void ScheduledOptimization()
    {
        if (!IsDisposed)
        {
            Optimize(new MaintenanceRequest { Trigger = MaintenanceTrigger.Scheduled });
        }
    }

    private static CacheOptions DefaultCacheOptions(OptimizationConfig options) => new()
    {
        Name = RevitCache.DefaultName,
        Policy = EvictionPolicy.LRU,
        MaxSize = options.CacheMaxSize,
        MaxMemoryBytes = (long)(options.CacheMaxMemoryMB * Units.BytesPerMB),
        DefaultTimeToLive = TimeSpan.FromSeconds(options.CacheTtlSeconds),
    };

    private void ThrowIfDisposed()
    {
        if (IsDisposed)
        {
            throw new ObjectDisposedException(nameof(RevitPerfOptimizer));
        }
    }
}
