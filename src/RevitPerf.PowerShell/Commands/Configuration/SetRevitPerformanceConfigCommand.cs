using System;
using System.Linq;
using System.Management.Automation;
using RevitPerf.Core;
using RevitPerf.Core.Configuration;

namespace RevitPerf.PowerShell.Commands;

/// <summary>
/// Changes settings of the configuration in force: one parameter per setting (named like the setting's property),
/// validated by the same rules as configuration files. Changes apply to the live optimizer at once.
/// </summary>
[Cmdlet(VerbsCommon.Set, "RevitPerformanceConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PerformanceConfiguration))]
public sealed class SetRevitPerformanceConfigCommand : RevitPerfCmdlet
{
    /// <summary>A whole configuration to apply (settings given as parameters are applied on top of it).</summary>
    [Parameter(ValueFromPipeline = true)]
    public PerformanceConfiguration? InputObject { get; set; }

    /// <summary>Return the configuration in force afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary><c>cache_max_size</c>: Maximum number of entries in the default cache.</summary>
    [Parameter]
    [ValidateSetting("CacheMaxSize")]
    public int CacheMaxSize { get; set; }

    /// <summary><c>cache_max_memory_mb</c>: Maximum estimated memory of the default cache's entries, in MB.</summary>
    [Parameter]
    [ValidateSetting("CacheMaxMemoryMB")]
    public double CacheMaxMemoryMB { get; set; }

    /// <summary><c>cache_ttl_seconds</c>: Time-to-live of a cache entry that does not set its own, in seconds.</summary>
    [Parameter]
    [ValidateSetting("CacheTtlSeconds")]
    public double CacheTtlSeconds { get; set; }

    /// <summary><c>enable_adaptive_caching</c>: Let auto-optimisation grow the cache (doubling, up to 50,000 entries) while its hit ratio is below 0.7.</summary>
    [Parameter]
    [ValidateSetting("EnableAdaptiveCaching")]
    public bool EnableAdaptiveCaching { get; set; }

    /// <summary><c>pool_max_size</c>: Maximum number of idle objects kept by each object pool.</summary>
    [Parameter]
    [ValidateSetting("PoolMaxSize")]
    public int PoolMaxSize { get; set; }

    /// <summary><c>pool_cleanup_interval_seconds</c>: Interval of the background cleanup (expired entries, pool trimming, memory threshold check), in seconds.</summary>
    [Parameter]
    [ValidateSetting("PoolCleanupIntervalSeconds")]
    public double PoolCleanupIntervalSeconds { get; set; }

    /// <summary><c>enable_object_pooling</c>: Enable object pools.</summary>
    [Parameter]
    [ValidateSetting("EnableObjectPooling")]
    public bool EnableObjectPooling { get; set; }

    /// <summary><c>max_worker_threads</c>: Worker threads for batch execution; the default is twice the processor count, at most 32.</summary>
    [Parameter]
    [ValidateSetting("MaxWorkerThreads")]
    public int MaxWorkerThreads { get; set; }

    /// <summary><c>batch_size_default</c>: Number of items a batch processes when no size is given.</summary>
    [Parameter]
    [ValidateSetting("BatchSizeDefault")]
    public int BatchSizeDefault { get; set; }

    /// <summary><c>enable_async_optimization</c>: Allow batches to run asynchronously on worker threads.</summary>
    [Parameter]
    [ValidateSetting("EnableAsyncOptimization")]
    public bool EnableAsyncOptimization { get; set; }

    /// <summary><c>memory_monitoring_enabled</c>: Sample memory in the background and act on the cleanup threshold.</summary>
    [Parameter]
    [ValidateSetting("MemoryMonitoringEnabled")]
    public bool MemoryMonitoringEnabled { get; set; }

    /// <summary><c>memory_cleanup_threshold_mb</c>: Managed memory above which cleanup collects garbage, in MB; a warning is raised above 0.9 times this.</summary>
    [Parameter]
    [ValidateSetting("MemoryCleanupThresholdMB")]
    public double MemoryCleanupThresholdMB { get; set; }

    /// <summary><c>gc_optimization_enabled</c>: Allow cleanup to force garbage collections.</summary>
    [Parameter]
    [ValidateSetting("GcOptimizationEnabled")]
    public bool GcOptimizationEnabled { get; set; }

    /// <summary><c>enable_profiling</c>: Enable operation profiling.</summary>
    [Parameter]
    [ValidateSetting("EnableProfiling")]
    public bool EnableProfiling { get; set; }

    /// <summary><c>enable_metrics_collection</c>: Collect operation latency metrics.</summary>
    [Parameter]
    [ValidateSetting("EnableMetricsCollection")]
    public bool EnableMetricsCollection { get; set; }

    /// <summary><c>metrics_collection_interval_seconds</c>: Interval of background memory sampling, in seconds.</summary>
    [Parameter]
    [ValidateSetting("MetricsCollectionIntervalSeconds")]
    public double MetricsCollectionIntervalSeconds { get; set; }

    /// <summary><c>benchmark_warmup_iterations</c>: Warm-up iterations run before an optimizer benchmark is measured.</summary>
    [Parameter]
    [ValidateSetting("BenchmarkWarmupIterations")]
    public int BenchmarkWarmupIterations { get; set; }

    /// <summary><c>benchmark_test_iterations</c>: Measured iterations of an optimizer benchmark.</summary>
    [Parameter]
    [ValidateSetting("BenchmarkTestIterations")]
    public int BenchmarkTestIterations { get; set; }

    /// <summary><c>parallel_execution</c>: Run independent benchmarks in parallel. Off by default: parallel runs compete for cores, caches and the garbage collector, which distorts every figure.</summary>
    [Parameter]
    [ValidateSetting("ParallelExecution")]
    public bool ParallelExecution { get; set; }

    /// <summary><c>max_workers</c>: Benchmarks run at once when parallel_execution is on.</summary>
    [Parameter]
    [ValidateSetting("MaxWorkers")]
    public int MaxWorkers { get; set; }

    /// <summary><c>timeout_seconds</c>: Time limit of a whole suite run, in seconds; finished results are kept when it is reached.</summary>
    [Parameter]
    [ValidateSetting("TimeoutSeconds")]
    public double TimeoutSeconds { get; set; }

    /// <summary><c>enable_memory_tracking</c>: Measure allocated bytes and garbage collections per operation.</summary>
    [Parameter]
    [ValidateSetting("EnableMemoryTracking")]
    public bool EnableMemoryTracking { get; set; }

    /// <summary><c>enable_memory_leak_detection</c>: Run leak detection as part of a suite.</summary>
    [Parameter]
    [ValidateSetting("EnableMemoryLeakDetection")]
    public bool EnableMemoryLeakDetection { get; set; }

    /// <summary><c>memory_leak_threshold_mb</c>: Retained growth above which a leak is reported, in MB.</summary>
    [Parameter]
    [ValidateSetting("MemoryLeakThresholdMB")]
    public double MemoryLeakThresholdMB { get; set; }

    /// <summary><c>enable_regression_detection</c>: Compare results with the baseline file, when one is given.</summary>
    [Parameter]
    [ValidateSetting("EnableRegressionDetection")]
    public bool EnableRegressionDetection { get; set; }

    /// <summary><c>regression_threshold_percent</c>: Slower by more than this percentage (and significantly) is a regression.</summary>
    [Parameter]
    [ValidateSetting("RegressionThresholdPercent")]
    public double RegressionThresholdPercent { get; set; }

    /// <summary><c>baseline_file</c>: Baseline file results are compared with; null for none.</summary>
    [Parameter]
    [ValidateSetting("BaselineFile")]
    public string? BaselineFile { get; set; }

    /// <summary><c>save_results</c>: Write each run's results as JSON into results_directory.</summary>
    [Parameter]
    [ValidateSetting("SaveResults")]
    public bool SaveResults { get; set; }

    /// <summary><c>results_directory</c>: Folder the JSON results are written to; a relative path is relative to the current location.</summary>
    [Parameter]
    [ValidateSetting("ResultsDirectory")]
    public string? ResultsDirectory { get; set; }

    /// <summary><c>strict_target_validation</c>: Make a missed performance target a terminating error.</summary>
    [Parameter]
    [ValidateSetting("StrictTargetValidation")]
    public bool StrictTargetValidation { get; set; }

    /// <summary><c>startup_time_ms</c>: Target for module start-up time, in milliseconds.</summary>
    [Parameter]
    [ValidateSetting("StartupTimeMs")]
    public double StartupTimeMs { get; set; }

    /// <summary><c>api_latency_simple_ms</c>: Target latency of a simple API call, in milliseconds.</summary>
    [Parameter]
    [ValidateSetting("ApiLatencySimpleMs")]
    public double ApiLatencySimpleMs { get; set; }

    /// <summary><c>api_latency_complex_ms</c>: Target latency of a complex API call, in milliseconds.</summary>
    [Parameter]
    [ValidateSetting("ApiLatencyComplexMs")]
    public double ApiLatencyComplexMs { get; set; }

    /// <summary><c>memory_idle_mb</c>: Target for idle managed memory, in MB.</summary>
    [Parameter]
    [ValidateSetting("MemoryIdleMB")]
    public double MemoryIdleMB { get; set; }

    /// <summary><c>memory_peak_mb</c>: Target for peak managed memory, in MB.</summary>
    [Parameter]
    [ValidateSetting("MemoryPeakMB")]
    public double MemoryPeakMB { get; set; }

    /// <summary><c>cache_hit_ratio</c>: Target cache hit ratio, from 0 to 1.</summary>
    [Parameter]
    [ValidateSetting("CacheHitRatio")]
    public double CacheHitRatio { get; set; }

    /// <summary><c>throughput_ops_per_sec</c>: Target throughput, in operations per second.</summary>
    [Parameter]
    [ValidateSetting("ThroughputOpsPerSec")]
    public double ThroughputOpsPerSec { get; set; }
    /// <summary>An empty text clears an optional text setting (BaselineFile): PowerShell passes $null as "".</summary>
    internal static object? Normalize(SettingDefinition setting, object? value) =>
        setting is TextSetting { Optional: true } && value is string { Length: 0 } ? null : value;

    protected override void ProcessRecord()
    {
        var current = RevitPerfOptimizer.CurrentConfiguration;
        var updated = (InputObject ?? current).Clone();
        foreach (var bound in MyInvocation.BoundParameters)
        {
            var setting = ConfigurationSchema.FindByName(bound.Key);
            var value = bound.Value is PSObject pso ? pso.BaseObject : bound.Value;
            setting?.SetValue(updated, Normalize(setting, value));
        }

        var changes = current.Differences(updated);
        if (changes.Count == 0)
        {
            WriteVerbose("No setting changes.");
        }
        else
        {
            updated.Source = "Set-RevitPerformanceConfig";
            var what = "Set " + string.Join(
                "; ", changes.Select(s => $"{s.Key} from {SettingDefinition.Show(s.GetValue(current))} to {SettingDefinition.Show(s.GetValue(updated))}"));
            if (!ShouldProcess("RevitPerf configuration", what))
            {
                return;
            }

            RevitPerfOptimizer.Configure(updated);
        }

        if (PassThru)
        {
            WriteObject(RevitPerfOptimizer.CurrentConfiguration);
        }
    }
}
