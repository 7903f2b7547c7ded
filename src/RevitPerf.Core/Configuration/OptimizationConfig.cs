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

    /// <inheritdoc cref="ConfigurationSchema.CacheMaxSize"/>
    public int CacheMaxSize
    {
        get => _cacheMaxSize;
        set => _cacheMaxSize = ConfigurationSchema.CacheMaxSize.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.CacheMaxMemoryMB"/>
    public double CacheMaxMemoryMB
    {
        get => _cacheMaxMemoryMB;
        set => _cacheMaxMemoryMB = ConfigurationSchema.CacheMaxMemoryMB.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.CacheTtlSeconds"/>
    public double CacheTtlSeconds
    {
        get => _cacheTtlSeconds;
        set => _cacheTtlSeconds = ConfigurationSchema.CacheTtlSeconds.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.EnableAdaptiveCaching"/>
    public bool EnableAdaptiveCaching
    {
        get => _enableAdaptiveCaching;
        set => _enableAdaptiveCaching = ConfigurationSchema.EnableAdaptiveCaching.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.PoolMaxSize"/>
    public int PoolMaxSize
    {
        get => _poolMaxSize;
        set => _poolMaxSize = ConfigurationSchema.PoolMaxSize.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.PoolCleanupIntervalSeconds"/>
    public double PoolCleanupIntervalSeconds
    {
        get => _poolCleanupIntervalSeconds;
        set => _poolCleanupIntervalSeconds = ConfigurationSchema.PoolCleanupIntervalSeconds.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.EnableObjectPooling"/>
    public bool EnableObjectPooling
    {
        get => _enableObjectPooling;
        set => _enableObjectPooling = ConfigurationSchema.EnableObjectPooling.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.MaxWorkerThreads"/>
    public int MaxWorkerThreads
    {
        get => _maxWorkerThreads;
        set => _maxWorkerThreads = ConfigurationSchema.MaxWorkerThreads.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.BatchSizeDefault"/>
    public int BatchSizeDefault
    {
        get => _batchSizeDefault;
        set => _batchSizeDefault = ConfigurationSchema.BatchSizeDefault.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.EnableAsyncOptimization"/>
    public bool EnableAsyncOptimization
    {
        get => _enableAsyncOptimization;
        set => _enableAsyncOptimization = ConfigurationSchema.EnableAsyncOptimization.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.MemoryMonitoringEnabled"/>
    public bool MemoryMonitoringEnabled
    {
        get => _memoryMonitoringEnabled;
        set => _memoryMonitoringEnabled = ConfigurationSchema.MemoryMonitoringEnabled.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.MemoryCleanupThresholdMB"/>
    public double MemoryCleanupThresholdMB
    {
        get => _memoryCleanupThresholdMB;
        set => _memoryCleanupThresholdMB = ConfigurationSchema.MemoryCleanupThresholdMB.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.GcOptimizationEnabled"/>
    public bool GcOptimizationEnabled
    {
        get => _gcOptimizationEnabled;
        set => _gcOptimizationEnabled = ConfigurationSchema.GcOptimizationEnabled.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.EnableProfiling"/>
    public bool EnableProfiling
    {
        get => _enableProfiling;
        set => _enableProfiling = ConfigurationSchema.EnableProfiling.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.EnableMetricsCollection"/>
    public bool EnableMetricsCollection
    {
        get => _enableMetricsCollection;
        set => _enableMetricsCollection = ConfigurationSchema.EnableMetricsCollection.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.MetricsCollectionIntervalSeconds"/>
    public double MetricsCollectionIntervalSeconds
    {
        get => _metricsCollectionIntervalSeconds;
        set => _metricsCollectionIntervalSeconds = ConfigurationSchema.MetricsCollectionIntervalSeconds.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.BenchmarkWarmupIterations"/>
    public int BenchmarkWarmupIterations
    {
        get => _benchmarkWarmupIterations;
        set => _benchmarkWarmupIterations = ConfigurationSchema.BenchmarkWarmupIterations.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.BenchmarkTestIterations"/>
    public int BenchmarkTestIterations
    {
        get => _benchmarkTestIterations;
        set => _benchmarkTestIterations = ConfigurationSchema.BenchmarkTestIterations.Validate(value);
    }

    /// <summary>Returns an independent copy.</summary>
    public OptimizationConfig Clone() => (OptimizationConfig)MemberwiseClone();
}
