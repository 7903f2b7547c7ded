namespace RevitPerf.Core.Configuration;

/// <summary>
/// The optimizer's settings: the <c>optimization:</c> section of a configuration file.
/// Every setter validates through <see cref="ConfigurationSchema"/>, so an instance never holds an invalid value.
/// </summary>
public sealed class OptimizationConfig
{
    private int _cacheMaxSize = ConfigurationSchema.CacheMaxSize.Default;
    private double _cacheMaxMemoryMB = ConfigurationSchema.CacheMaxMemoryMB.Default;
    private double _cacheTtlSeconds = ConfigurationSchema.CacheTtlSeconds.Default;
    private bool _enableAdaptiveCaching = ConfigurationSchema.EnableAdaptiveCaching.Default;
    private int _poolMaxSize = ConfigurationSchema.PoolMaxSize.Default;
    private double _poolCleanupIntervalSeconds = ConfigurationSchema.PoolCleanupIntervalSeconds.Default;
    private bool _enableObjectPooling = ConfigurationSchema.EnableObjectPooling.Default;
    private int _maxWorkerThreads = ConfigurationSchema.MaxWorkerThreads.Default;
    private int _batchSizeDefault = ConfigurationSchema.BatchSizeDefault.Default;
    private bool _enableAsyncOptimization = ConfigurationSchema.EnableAsyncOptimization.Default;
    private bool _memoryMonitoringEnabled = ConfigurationSchema.MemoryMonitoringEnabled.Default;
    private double _memoryCleanupThresholdMB = ConfigurationSchema.MemoryCleanupThresholdMB.Default;
    private bool _gcOptimizationEnabled = ConfigurationSchema.GcOptimizationEnabled.Default;
    private bool _enableProfiling = ConfigurationSchema.EnableProfiling.Default;
    private bool _enableMetricsCollection = ConfigurationSchema.EnableMetricsCollection.Default;
    private double _metricsCollectionIntervalSeconds = ConfigurationSchema.MetricsCollectionIntervalSeconds.Default;
    private int _benchmarkWarmupIterations = ConfigurationSchema.BenchmarkWarmupIterations.Default;
    private int _benchmarkTestIterations = ConfigurationSchema.BenchmarkTestIterations.Default;

    /// <summary><c>cache_max_size</c>: Maximum number of entries in the default cache.</summary>
    public int CacheMaxSize
    {
        get => _cacheMaxSize;
        set => _cacheMaxSize = ConfigurationSchema.CacheMaxSize.Validate(value);
    }

    /// <summary><c>cache_max_memory_mb</c>: Maximum estimated memory of the default cache's entries, in MB.</summary>
    public double CacheMaxMemoryMB
    {
        get => _cacheMaxMemoryMB;
        set => _cacheMaxMemoryMB = ConfigurationSchema.CacheMaxMemoryMB.Validate(value);
    }

    /// <summary><c>cache_ttl_seconds</c>: Time-to-live of a cache entry that does not set its own, in seconds.</summary>
    public double CacheTtlSeconds
    {
        get => _cacheTtlSeconds;
        set => _cacheTtlSeconds = ConfigurationSchema.CacheTtlSeconds.Validate(value);
    }

    /// <summary><c>enable_adaptive_caching</c>: Let auto-optimisation grow the cache (doubling, up to 50,000 entries) while its hit ratio is below 0.7.</summary>
    public bool EnableAdaptiveCaching
    {
        get => _enableAdaptiveCaching;
        set => _enableAdaptiveCaching = ConfigurationSchema.EnableAdaptiveCaching.Validate(value);
    }

    /// <summary><c>pool_max_size</c>: Maximum number of idle objects kept by each object pool.</summary>
    public int PoolMaxSize
    {
        get => _poolMaxSize;
        set => _poolMaxSize = ConfigurationSchema.PoolMaxSize.Validate(value);
    }

    /// <summary><c>pool_cleanup_interval_seconds</c>: Interval of the background cleanup (expired entries, pool trimming, memory threshold check), in seconds.</summary>
    public double PoolCleanupIntervalSeconds
    {
        get => _poolCleanupIntervalSeconds;
        set => _poolCleanupIntervalSeconds = ConfigurationSchema.PoolCleanupIntervalSeconds.Validate(value);
    }

    /// <summary><c>enable_object_pooling</c>: Enable object pools.</summary>
    public bool EnableObjectPooling
    {
        get => _enableObjectPooling;
        set => _enableObjectPooling = ConfigurationSchema.EnableObjectPooling.Validate(value);
    }

    /// <summary><c>max_worker_threads</c>: Worker threads for batch execution; the default is twice the processor count, at most 32.</summary>
    public int MaxWorkerThreads
    {
        get => _maxWorkerThreads;
        set => _maxWorkerThreads = ConfigurationSchema.MaxWorkerThreads.Validate(value);
    }

    /// <summary><c>batch_size_default</c>: Number of items a batch processes when no size is given.</summary>
    public int BatchSizeDefault
    {
        get => _batchSizeDefault;
        set => _batchSizeDefault = ConfigurationSchema.BatchSizeDefault.Validate(value);
    }

    /// <summary><c>enable_async_optimization</c>: Allow batches to run asynchronously on worker threads.</summary>
    public bool EnableAsyncOptimization
    {
        get => _enableAsyncOptimization;
        set => _enableAsyncOptimization = ConfigurationSchema.EnableAsyncOptimization.Validate(value);
    }

    /// <summary><c>memory_monitoring_enabled</c>: Sample memory in the background and act on the cleanup threshold.</summary>
    public bool MemoryMonitoringEnabled
    {
        get => _memoryMonitoringEnabled;
        set => _memoryMonitoringEnabled = ConfigurationSchema.MemoryMonitoringEnabled.Validate(value);
    }

    /// <summary><c>memory_cleanup_threshold_mb</c>: Managed memory above which cleanup collects garbage, in MB; a warning is raised above 0.9 times this.</summary>
    public double MemoryCleanupThresholdMB
    {
        get => _memoryCleanupThresholdMB;
        set => _memoryCleanupThresholdMB = ConfigurationSchema.MemoryCleanupThresholdMB.Validate(value);
    }

    /// <summary><c>gc_optimization_enabled</c>: Allow cleanup to force garbage collections.</summary>
    public bool GcOptimizationEnabled
    {
        get => _gcOptimizationEnabled;
        set => _gcOptimizationEnabled = ConfigurationSchema.GcOptimizationEnabled.Validate(value);
    }

    /// <summary><c>enable_profiling</c>: Enable operation profiling.</summary>
    public bool EnableProfiling
    {
        get => _enableProfiling;
        set => _enableProfiling = ConfigurationSchema.EnableProfiling.Validate(value);
    }

    /// <summary><c>enable_metrics_collection</c>: Collect operation latency metrics.</summary>
    public bool EnableMetricsCollection
    {
        get => _enableMetricsCollection;
        set => _enableMetricsCollection = ConfigurationSchema.EnableMetricsCollection.Validate(value);
    }

    /// <summary><c>metrics_collection_interval_seconds</c>: Interval of background memory sampling, in seconds.</summary>
    public double MetricsCollectionIntervalSeconds
    {
        get => _metricsCollectionIntervalSeconds;
        set => _metricsCollectionIntervalSeconds = ConfigurationSchema.MetricsCollectionIntervalSeconds.Validate(value);
    }

    /// <summary><c>benchmark_warmup_iterations</c>: Warm-up iterations run before an optimizer benchmark is measured.</summary>
    public int BenchmarkWarmupIterations
    {
        get => _benchmarkWarmupIterations;
        set => _benchmarkWarmupIterations = ConfigurationSchema.BenchmarkWarmupIterations.Validate(value);
    }

    /// <summary><c>benchmark_test_iterations</c>: Measured iterations of an optimizer benchmark.</summary>
    public int BenchmarkTestIterations
    {
        get => _benchmarkTestIterations;
        set => _benchmarkTestIterations = ConfigurationSchema.BenchmarkTestIterations.Validate(value);
    }

    /// <summary>Returns an independent copy.</summary>
    public OptimizationConfig Clone() => (OptimizationConfig)MemberwiseClone();
}
