namespace RevitPerf.Core.Configuration;

/// <summary>
/// The targets benchmarks are judged by: <c>benchmark: performance_targets:</c> in a configuration file.
/// Every setter validates through <see cref="ConfigurationSchema"/>, so an instance never holds an invalid value.
/// </summary>
public sealed class PerformanceTargets
{
    private double _startupTimeMs = ConfigurationSchema.StartupTimeMs.Default;
    private double _apiLatencySimpleMs = ConfigurationSchema.ApiLatencySimpleMs.Default;
    private double _apiLatencyComplexMs = ConfigurationSchema.ApiLatencyComplexMs.Default;
    private double _memoryIdleMB = ConfigurationSchema.MemoryIdleMB.Default;
    private double _memoryPeakMB = ConfigurationSchema.MemoryPeakMB.Default;
    private double _cacheHitRatio = ConfigurationSchema.CacheHitRatio.Default;
    private double _throughputOpsPerSec = ConfigurationSchema.ThroughputOpsPerSec.Default;

    /// <summary><c>startup_time_ms</c>: Target for module start-up time, in milliseconds.</summary>
    public double StartupTimeMs
    {
        get => _startupTimeMs;
        set => _startupTimeMs = ConfigurationSchema.StartupTimeMs.Validate(value);
    }

    /// <summary><c>api_latency_simple_ms</c>: Target latency of a simple API call, in milliseconds.</summary>
    public double ApiLatencySimpleMs
    {
        get => _apiLatencySimpleMs;
        set => _apiLatencySimpleMs = ConfigurationSchema.ApiLatencySimpleMs.Validate(value);
    }

    /// <summary><c>api_latency_complex_ms</c>: Target latency of a complex API call, in milliseconds.</summary>
    public double ApiLatencyComplexMs
    {
        get => _apiLatencyComplexMs;
        set => _apiLatencyComplexMs = ConfigurationSchema.ApiLatencyComplexMs.Validate(value);
    }

    /// <summary><c>memory_idle_mb</c>: Target for idle managed memory, in MB.</summary>
    public double MemoryIdleMB
    {
        get => _memoryIdleMB;
        set => _memoryIdleMB = ConfigurationSchema.MemoryIdleMB.Validate(value);
    }

    /// <summary><c>memory_peak_mb</c>: Target for peak managed memory, in MB.</summary>
    public double MemoryPeakMB
    {
        get => _memoryPeakMB;
        set => _memoryPeakMB = ConfigurationSchema.MemoryPeakMB.Validate(value);
    }

    /// <summary><c>cache_hit_ratio</c>: Target cache hit ratio, from 0 to 1.</summary>
    public double CacheHitRatio
    {
        get => _cacheHitRatio;
        set => _cacheHitRatio = ConfigurationSchema.CacheHitRatio.Validate(value);
    }

    /// <summary><c>throughput_ops_per_sec</c>: Target throughput, in operations per second.</summary>
    public double ThroughputOpsPerSec
    {
        get => _throughputOpsPerSec;
        set => _throughputOpsPerSec = ConfigurationSchema.ThroughputOpsPerSec.Validate(value);
    }

    /// <summary>Returns an independent copy.</summary>
    public PerformanceTargets Clone() => (PerformanceTargets)MemberwiseClone();
}
