using System;
using System.Threading;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Scheduling;
using RevitPerf.Core.Time;

namespace RevitPerf.Core;

/// <summary>
/// The optimizer: owns the configuration in force and the background work that follows it. Tests construct their
/// own instances with a fake clock and memory probe; the module uses the process-wide one, <see cref="Current"/>.
/// </summary>
public sealed class RevitPerfOptimizer : IDisposable
{
    /// <summary>RevitPy's MEMORY_WARNING_FACTOR: memory above this fraction of the cleanup threshold is a warning.</summary>
    public const double MemoryWarningFactor = 0.9;

    /// <summary>The name of the background memory maintenance job.</summary>
    public const string MaintenanceJobName = "MemoryMaintenance";

    /// <summary>The fewest reads since the last decision on which adaptive cache sizing may act.</summary>
    public const long MinimumTrafficForSizing = 100;

    private static readonly object s_gate = new();
    private static PerformanceConfiguration s_configuration = new();
    private static RevitPerfOptimizer? s_current;

    private readonly object _gate = new();
    private readonly IClock _clock;
    private readonly IMemoryProbe _memory;
    private readonly BackgroundScheduler _scheduler = new();
    private PerformanceConfiguration _configuration;
    private ScheduledJob? _maintenanceJob;
    private MaintenanceResult? _lastMaintenance;
    private long _maintenanceRuns;
    private long _collections;
    private long _warnings;
    private int _disposed;

    /// <summary>Creates an optimizer that follows <paramref name="configuration"/> (copied).</summary>
    public RevitPerfOptimizer(PerformanceConfiguration configuration, IClock? clock = null, IMemoryProbe? memoryProbe = null)
    {
        _configuration = (configuration ?? throw new ArgumentNullException(nameof(configuration))).Clone();
        _clock = clock ?? SystemClock.Instance;
        _memory = memoryProbe ?? ProcessMemoryProbe.Instance;
        CreatedAt = _clock.UtcNow;
        Caches = new CacheRegistry(DefaultCacheOptions(_configuration.Optimization), clock);
        ScheduleMaintenance();
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

    /// <summary>The memory monitors (stopped when the optimizer is disposed).</summary>
    public Memory.MonitorRegistry Monitors { get; } = new();

    /// <summary>The background jobs; empty once disposed.</summary>
    public BackgroundScheduler Scheduler => _scheduler;

    /// <summary>Maintenance runs so far.</summary>
    public long MaintenanceRuns => Interlocked.Read(ref _maintenanceRuns);

    /// <summary>Garbage collections forced by maintenance so far.</summary>
    public long GarbageCollectionsTriggered => Interlocked.Read(ref _collections);

    /// <summary>Maintenance runs that found memory above the warning level.</summary>
    public long MemoryWarnings => Interlocked.Read(ref _warnings);

    /// <summary>The last maintenance run's result, or null before the first.</summary>
    public MaintenanceResult? LastMaintenance => Volatile.Read(ref _lastMaintenance);

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
        ScheduleMaintenance();
    }

    /// <summary>
    /// One run of memory maintenance, RevitPy's optimize_memory rules: above 0.9 x memory_cleanup_threshold_mb of
    /// managed memory is a warning; above the threshold, with gc_optimization_enabled, a full collection is forced.
    /// Runs in the background every pool_cleanup_interval_seconds while memory_monitoring_enabled.
    /// </summary>
    public MaintenanceResult RunMaintenance()
    {
        ThrowIfDisposed();
        var options = Configuration.Optimization;
        var threshold = (long)(options.MemoryCleanupThresholdMB * 1024 * 1024);

        // RevitPy's optimize_memory starts by dropping expired cache entries.
        var expired = 0;
        foreach (var cache in Caches.All)
        {
            expired += cache.RemoveExpired();
        }

        var before = _memory.ManagedHeapBytes;
        var warning = before > threshold * MemoryWarningFactor;
        var collect = before > threshold && options.GcOptimizationEnabled;
        if (collect)
        {
            _memory.CollectGarbage();
            Interlocked.Increment(ref _collections);
        }

        if (warning)
        {
            Interlocked.Increment(ref _warnings);
        }

        var after = collect ? _memory.ManagedHeapBytes : before;

        // Auto-optimisation: a cache with a low hit ratio over enough reads grows while memory has headroom.
        int? grownTo = null;
        if (options.EnableAdaptiveCaching)
        {
            grownTo = Caches.Default.TryGrowForHitRatio(after, threshold, minimumTraffic: Math.Max(MinimumTrafficForSizing, Caches.Default.MaxSize));
        }

        var result = new MaintenanceResult(_clock.UtcNow, before, after, threshold, warning, collect, expired, grownTo);
        Volatile.Write(ref _lastMaintenance, result);
        Interlocked.Increment(ref _maintenanceRuns);
        return result;
    }

    /// <summary>Stops all background work; when it returns nothing of this optimizer runs any more.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _scheduler.Dispose();
        Monitors.Dispose();
    }

    private void ScheduleMaintenance()
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
                stopped = _maintenanceJob;
                _maintenanceJob = null;
            }
            else if (_maintenanceJob is null)
            {
                _maintenanceJob = _scheduler.Schedule(MaintenanceJobName, interval, MaintenanceTick);
            }
            else if (_maintenanceJob.Interval != interval)
            {
                _maintenanceJob.ChangeInterval(interval);
            }
        }

        // Stopping waits for a run in progress, and a run takes _gate to read the configuration: stop outside it.
        stopped?.Dispose();
    }

    private void MaintenanceTick()
    {
        if (!IsDisposed)
        {
            RunMaintenance();
        }
    }

    private static CacheOptions DefaultCacheOptions(OptimizationConfig options) => new()
    {
        Name = RevitCache.DefaultName,
        Policy = EvictionPolicy.LRU,
        MaxSize = options.CacheMaxSize,
        MaxMemoryBytes = (long)(options.CacheMaxMemoryMB * 1024 * 1024),
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
