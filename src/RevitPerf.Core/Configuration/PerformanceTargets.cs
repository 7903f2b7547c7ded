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

    /// <inheritdoc cref="ConfigurationSchema.StartupTimeMs"/>
    public double StartupTimeMs
    {
        get => _startupTimeMs;
        set => _startupTimeMs = ConfigurationSchema.StartupTimeMs.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.ApiLatencySimpleMs"/>
    public double ApiLatencySimpleMs
    {
        get => _apiLatencySimpleMs;
        set => _apiLatencySimpleMs = ConfigurationSchema.ApiLatencySimpleMs.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.ApiLatencyComplexMs"/>
    public double ApiLatencyComplexMs
    {
        get => _apiLatencyComplexMs;
        set => _apiLatencyComplexMs = ConfigurationSchema.ApiLatencyComplexMs.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.MemoryIdleMB"/>
    public double MemoryIdleMB
    {
        get => _memoryIdleMB;
        set => _memoryIdleMB = ConfigurationSchema.MemoryIdleMB.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.MemoryPeakMB"/>
    public double MemoryPeakMB
    {
        get => _memoryPeakMB;
        set => _memoryPeakMB = ConfigurationSchema.MemoryPeakMB.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.CacheHitRatio"/>
    public double CacheHitRatio
    {
        get => _cacheHitRatio;
        set => _cacheHitRatio = ConfigurationSchema.CacheHitRatio.Validate(value);
    }

    /// <inheritdoc cref="ConfigurationSchema.ThroughputOpsPerSec"/>
    public double ThroughputOpsPerSec
    {
        get => _throughputOpsPerSec;
        set => _throughputOpsPerSec = ConfigurationSchema.ThroughputOpsPerSec.Validate(value);
    }

    /// <summary>Returns an independent copy.</summary>
    public PerformanceTargets Clone() => (PerformanceTargets)MemberwiseClone();
}
