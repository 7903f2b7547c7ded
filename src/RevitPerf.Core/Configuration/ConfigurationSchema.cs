using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Configuration;

/// <summary>
/// Every setting of RevitPerf, declared once with its YAML key, default and allowed values. The names and defaults
/// are RevitPy's (OptimizationConfig, BenchmarkConfiguration and its performance_targets); the ranges are ours.
/// </summary>
public static class ConfigurationSchema
{
    /// <summary>The YAML key of the optimizer's section.</summary>
    public const string OptimizationKey = "optimization";

    /// <summary>The YAML key of the benchmark section.</summary>
    public const string BenchmarkKey = "benchmark";

    /// <summary>The YAML key, inside the benchmark section, of the performance targets.</summary>
    public const string PerformanceTargetsKey = "performance_targets";

    /// <summary>RevitPy's default worker count: twice the processor count, capped at 32.</summary>
    public static readonly int DefaultWorkerThreads = Math.Min(32, Environment.ProcessorCount * 2);

    /// <summary><c>cache_max_size</c>: Maximum number of entries in the default cache.</summary>
    public static readonly IntegerSetting CacheMaxSize = new(
        ConfigSection.Optimization, "cache_max_size", nameof(OptimizationConfig.CacheMaxSize), 10000, 1, int.MaxValue,
        "Maximum number of entries in the default cache.",
        c => c.Optimization.CacheMaxSize, (c, v) => c.Optimization.CacheMaxSize = v)
    {
        ReadBy = "Caching: the entry limit of the default cache, applied at once to the live one",
    };

    /// <summary><c>cache_max_memory_mb</c>: Maximum estimated memory of the default cache's entries, in MB.</summary>
    public static readonly NumberSetting CacheMaxMemoryMB = new(
        ConfigSection.Optimization, "cache_max_memory_mb", nameof(OptimizationConfig.CacheMaxMemoryMB), 100.0, 0.0, true, 1048576.0,
        "Maximum estimated memory of the default cache's entries, in MB.",
        c => c.Optimization.CacheMaxMemoryMB, (c, v) => c.Optimization.CacheMaxMemoryMB = v)
    {
        ReadBy = "Caching: the memory budget of the default cache, applied at once to the live one",
    };

    /// <summary><c>cache_ttl_seconds</c>: Time-to-live of a cache entry that does not set its own, in seconds.</summary>
    public static readonly NumberSetting CacheTtlSeconds = new(
        ConfigSection.Optimization, "cache_ttl_seconds", nameof(OptimizationConfig.CacheTtlSeconds), 3600.0, 0.0, true, 315360000.0,
        "Time-to-live of a cache entry that does not set its own, in seconds.",
        c => c.Optimization.CacheTtlSeconds, (c, v) => c.Optimization.CacheTtlSeconds = v)
    {
        ReadBy = "Caching: the default time-to-live of the default cache's entries",
    };

    /// <summary><c>enable_adaptive_caching</c>: Let auto-optimisation grow the cache (doubling, up to 50,000 entries) while its hit ratio is below 0.7.</summary>
    public static readonly BooleanSetting EnableAdaptiveCaching = new(
        ConfigSection.Optimization, "enable_adaptive_caching", nameof(OptimizationConfig.EnableAdaptiveCaching), true,
        "Let auto-optimisation grow the cache (doubling, up to 50,000 entries) while its hit ratio is below 0.7.",
        c => c.Optimization.EnableAdaptiveCaching, (c, v) => c.Optimization.EnableAdaptiveCaching = v)
    {
        ReadBy = "Tuning: adaptive sizing of the default cache and of every object pool, a step of the optimization schedule (Invoke-RevitAutoOptimization applies it when asked)",
    };

    /// <summary><c>pool_max_size</c>: Maximum number of idle objects kept by each object pool.</summary>
    public static readonly IntegerSetting PoolMaxSize = new(
        ConfigSection.Optimization, "pool_max_size", nameof(OptimizationConfig.PoolMaxSize), 1000, 1, 1000000,
        "Maximum number of idle objects kept by each object pool.",
        c => c.Optimization.PoolMaxSize, (c, v) => c.Optimization.PoolMaxSize = v)
    {
        ReadBy = "Pooling: the capacity of every object pool",
    };

    /// <summary><c>pool_cleanup_interval_seconds</c>: Interval of the background cleanup (expired entries, pool trimming, memory threshold check), in seconds.</summary>
    public static readonly NumberSetting PoolCleanupIntervalSeconds = new(
        ConfigSection.Optimization, "pool_cleanup_interval_seconds", nameof(OptimizationConfig.PoolCleanupIntervalSeconds), 300.0, 0.01, false, 86400.0,
        "Interval of the background cleanup (expired entries, pool trimming, memory threshold check), in seconds.",
        c => c.Optimization.PoolCleanupIntervalSeconds, (c, v) => c.Optimization.PoolCleanupIntervalSeconds = v)
    {
        ReadBy = "Kernel: the interval of the optimization schedule, which runs the whole maintenance routine (expired cache entries, pool trimming, memory cleanup, adaptive sizing), not pool cleanup alone",
    };

    /// <summary><c>enable_object_pooling</c>: Enable object pools.</summary>
    public static readonly BooleanSetting EnableObjectPooling = new(
        ConfigSection.Optimization, "enable_object_pooling", nameof(OptimizationConfig.EnableObjectPooling), true,
        "Enable object pools.",
        c => c.Optimization.EnableObjectPooling, (c, v) => c.Optimization.EnableObjectPooling = v)
    {
        ReadBy = "Pooling: off, every borrow creates and every return discards",
    };

    /// <summary><c>max_worker_threads</c>: Worker threads for batch execution; the default is twice the processor count, at most 32.</summary>
    public static readonly IntegerSetting MaxWorkerThreads = new(
        ConfigSection.Optimization, "max_worker_threads", nameof(OptimizationConfig.MaxWorkerThreads), DefaultWorkerThreads, 1, 512,
        "Worker threads for batch execution; the default is twice the processor count, at most 32.",
        c => c.Optimization.MaxWorkerThreads, (c, v) => c.Optimization.MaxWorkerThreads = v)
    {
        ReadBy = "Batching: the most items Invoke-RevitBatch -Parallel runs at once", DefaultText = "twice the processor count, at most 32",
    };

    /// <summary><c>batch_size_default</c>: Number of items a batch processes when no size is given.</summary>
    public static readonly IntegerSetting BatchSizeDefault = new(
        ConfigSection.Optimization, "batch_size_default", nameof(OptimizationConfig.BatchSizeDefault), 100, 1, 1000000,
        "Number of items a batch processes when no size is given.",
        c => c.Optimization.BatchSizeDefault, (c, v) => c.Optimization.BatchSizeDefault = v)
    {
        ReadBy = "Batching: the default -BatchSize of Invoke-RevitBatch",
    };

    /// <summary><c>enable_async_optimization</c>: Allow batches to run asynchronously on worker threads.</summary>
    public static readonly BooleanSetting EnableAsyncOptimization = new(
        ConfigSection.Optimization, "enable_async_optimization", nameof(OptimizationConfig.EnableAsyncOptimization), true,
        "Allow batches to run asynchronously on worker threads.",
        c => c.Optimization.EnableAsyncOptimization, (c, v) => c.Optimization.EnableAsyncOptimization = v)
    {
        ReadBy = "Batching: whether asynchronous batch operations are awaited concurrently",
    };

    /// <summary><c>memory_monitoring_enabled</c>: Sample memory in the background and act on the cleanup threshold.</summary>
    public static readonly BooleanSetting MemoryMonitoringEnabled = new(
        ConfigSection.Optimization, "memory_monitoring_enabled", nameof(OptimizationConfig.MemoryMonitoringEnabled), true,
        "Sample memory in the background and act on the cleanup threshold.",
        c => c.Optimization.MemoryMonitoringEnabled, (c, v) => c.Optimization.MemoryMonitoringEnabled = v)
    {
        ReadBy = "Kernel: whether the optimization schedule runs at all",
    };

    /// <summary><c>memory_cleanup_threshold_mb</c>: Managed memory above which cleanup collects garbage, in MB; a warning is raised above 0.9 times this.</summary>
    public static readonly NumberSetting MemoryCleanupThresholdMB = new(
        ConfigSection.Optimization, "memory_cleanup_threshold_mb", nameof(OptimizationConfig.MemoryCleanupThresholdMB), 400.0, 0.0, true, 1048576.0,
        "Managed memory above which cleanup collects garbage, in MB; a warning is raised above 0.9 times this.",
        c => c.Optimization.MemoryCleanupThresholdMB, (c, v) => c.Optimization.MemoryCleanupThresholdMB = v)
    {
        ReadBy = "Memory: the memory cleanup step (a collection above it, a warning above 0.9 x it) and the default thresholds of a monitor of this process",
    };

    /// <summary><c>gc_optimization_enabled</c>: Allow cleanup to force garbage collections, and benchmark runs to use the SustainedLowLatency GC mode.</summary>
    public static readonly BooleanSetting GcOptimizationEnabled = new(
        ConfigSection.Optimization, "gc_optimization_enabled", nameof(OptimizationConfig.GcOptimizationEnabled), true,
        "Allow cleanup to force garbage collections, and benchmark runs to use the SustainedLowLatency GC mode.",
        c => c.Optimization.GcOptimizationEnabled, (c, v) => c.Optimization.GcOptimizationEnabled = v)
    {
        ReadBy = "Memory: whether the memory cleanup step (and auto-optimisation) may force a collection; Benchmarking: the GC latency mode of benchmark runs, restored afterwards",
    };

    /// <summary><c>enable_profiling</c>: Enable operation profiling.</summary>
    public static readonly BooleanSetting EnableProfiling = new(
        ConfigSection.Optimization, "enable_profiling", nameof(OptimizationConfig.EnableProfiling), true,
        "Enable operation profiling.",
        c => c.Optimization.EnableProfiling, (c, v) => c.Optimization.EnableProfiling = v)
    {
        ReadBy = "Profiling: off, Trace-RevitScript and Measure-RevitOperation -Profile refuse",
    };

    /// <summary><c>enable_metrics_collection</c>: Collect operation latency metrics.</summary>
    public static readonly BooleanSetting EnableMetricsCollection = new(
        ConfigSection.Optimization, "enable_metrics_collection", nameof(OptimizationConfig.EnableMetricsCollection), true,
        "Collect operation latency metrics.",
        c => c.Optimization.EnableMetricsCollection, (c, v) => c.Optimization.EnableMetricsCollection = v)
    {
        ReadBy = "Metrics: off, Measure-RevitOperation records nothing",
    };

    /// <summary><c>metrics_collection_interval_seconds</c>: Interval of background memory sampling, in seconds.</summary>
    public static readonly NumberSetting MetricsCollectionIntervalSeconds = new(
        ConfigSection.Optimization, "metrics_collection_interval_seconds", nameof(OptimizationConfig.MetricsCollectionIntervalSeconds), 30.0, 0.1, false, 86400.0,
        "Interval of background memory sampling, in seconds.",
        c => c.Optimization.MetricsCollectionIntervalSeconds, (c, v) => c.Optimization.MetricsCollectionIntervalSeconds = v)
    {
        ReadBy = "Memory: the default interval of memory monitors; Metrics: the interval of the summary history",
    };

    /// <summary><c>benchmark_warmup_iterations</c>: Warm-up iterations run before an optimizer benchmark is measured.</summary>
    public static readonly IntegerSetting BenchmarkWarmupIterations = new(
        ConfigSection.Optimization, "benchmark_warmup_iterations", nameof(OptimizationConfig.BenchmarkWarmupIterations), 10, 0, 1000000,
        "Warm-up iterations run before an optimizer benchmark is measured.",
        c => c.Optimization.BenchmarkWarmupIterations, (c, v) => c.Optimization.BenchmarkWarmupIterations = v)
    {
        ReadBy = "Benchmarking: the default warm-up of script-block and file benchmarks (New-RevitBenchmark, Invoke-RevitBenchmark -ScriptBlock)",
    };

    /// <summary><c>benchmark_test_iterations</c>: Measured iterations of an optimizer benchmark.</summary>
    public static readonly IntegerSetting BenchmarkTestIterations = new(
        ConfigSection.Optimization, "benchmark_test_iterations", nameof(OptimizationConfig.BenchmarkTestIterations), 100, 1, 10000000,
        "Measured iterations of an optimizer benchmark.",
        c => c.Optimization.BenchmarkTestIterations, (c, v) => c.Optimization.BenchmarkTestIterations = v)
    {
        ReadBy = "Benchmarking: the default iterations of script-block and file benchmarks (New-RevitBenchmark, Invoke-RevitBenchmark -ScriptBlock)",
    };

    /// <summary><c>parallel_execution</c>: Run independent benchmarks in parallel. Off by default: parallel runs compete for cores, caches and the garbage collector, which distorts every figure.</summary>
    public static readonly BooleanSetting ParallelExecution = new(
        ConfigSection.Benchmark, "parallel_execution", nameof(BenchmarkConfiguration.ParallelExecution), false,
        "Run independent benchmarks in parallel. Off by default: parallel runs compete for cores, caches and the garbage collector, which distorts every figure.",
        c => c.Benchmark.ParallelExecution, (c, v) => c.Benchmark.ParallelExecution = v)
    {
        ReadBy = "Benchmarking: the default of Invoke-RevitBenchmark -Parallel",
    };

    /// <summary><c>max_workers</c>: Benchmarks run at once when parallel_execution is on.</summary>
    public static readonly IntegerSetting MaxWorkers = new(
        ConfigSection.Benchmark, "max_workers", nameof(BenchmarkConfiguration.MaxWorkers), 4, 1, 512,
        "Benchmarks run at once when parallel_execution is on.",
        c => c.Benchmark.MaxWorkers, (c, v) => c.Benchmark.MaxWorkers = v)
    {
        ReadBy = "Benchmarking: the default of Invoke-RevitBenchmark -ThrottleLimit",
    };

    /// <summary><c>timeout_seconds</c>: Time limit of a whole suite run, in seconds; finished results are kept when it is reached.</summary>
    public static readonly NumberSetting TimeoutSeconds = new(
        ConfigSection.Benchmark, "timeout_seconds", nameof(BenchmarkConfiguration.TimeoutSeconds), 300.0, 0.0, true, 604800.0,
        "Time limit of a whole suite run, in seconds; finished results are kept when it is reached.",
        c => c.Benchmark.TimeoutSeconds, (c, v) => c.Benchmark.TimeoutSeconds = v)
    {
        ReadBy = "Benchmarking: the time limit of a whole Invoke-RevitBenchmark run",
    };

    /// <summary><c>enable_memory_tracking</c>: Measure allocated bytes and garbage collections per operation.</summary>
    public static readonly BooleanSetting EnableMemoryTracking = new(
        ConfigSection.Benchmark, "enable_memory_tracking", nameof(BenchmarkConfiguration.EnableMemoryTracking), true,
        "Measure allocated bytes and garbage collections per operation.",
        c => c.Benchmark.EnableMemoryTracking, (c, v) => c.Benchmark.EnableMemoryTracking = v)
    {
        ReadBy = "Benchmarking: the allocation and collection counters of every benchmark",
    };

    /// <summary><c>enable_memory_leak_detection</c>: Run leak detection as part of a suite.</summary>
    public static readonly BooleanSetting EnableMemoryLeakDetection = new(
        ConfigSection.Benchmark, "enable_memory_leak_detection", nameof(BenchmarkConfiguration.EnableMemoryLeakDetection), true,
        "Run leak detection as part of a suite.",
        c => c.Benchmark.EnableMemoryLeakDetection, (c, v) => c.Benchmark.EnableMemoryLeakDetection = v)
    {
        ReadBy = "Benchmarking: after a run, benchmarks that kept more than memory_leak_threshold_mb after a full collection (RetainedMemoryMB) are named in a warning and in the results file",
    };

    /// <summary><c>memory_leak_threshold_mb</c>: Retained growth above which a leak is reported, in MB.</summary>
    public static readonly NumberSetting MemoryLeakThresholdMB = new(
        ConfigSection.Benchmark, "memory_leak_threshold_mb", nameof(BenchmarkConfiguration.MemoryLeakThresholdMB), 10.0, 0.0, true, 1048576.0,
        "Retained growth above which a leak is reported, in MB.",
        c => c.Benchmark.MemoryLeakThresholdMB, (c, v) => c.Benchmark.MemoryLeakThresholdMB = v)
    {
        ReadBy = "Benchmarking: the retained memory above which enable_memory_leak_detection names a benchmark",
    };

    /// <summary><c>enable_regression_detection</c>: Compare results with the baseline file, when one is given.</summary>
    public static readonly BooleanSetting EnableRegressionDetection = new(
        ConfigSection.Benchmark, "enable_regression_detection", nameof(BenchmarkConfiguration.EnableRegressionDetection), true,
        "Compare results with the baseline file, when one is given.",
        c => c.Benchmark.EnableRegressionDetection, (c, v) => c.Benchmark.EnableRegressionDetection = v)
    {
        ReadBy = "Benchmarking: whether Invoke-RevitBenchmark compares a run with baseline_file",
    };

    /// <summary><c>regression_threshold_percent</c>: Slower by more than this percentage (and significantly) is a regression.</summary>
    public static readonly NumberSetting RegressionThresholdPercent = new(
        ConfigSection.Benchmark, "regression_threshold_percent", nameof(BenchmarkConfiguration.RegressionThresholdPercent), 20.0, 0.0, true, 10000.0,
        "Slower by more than this percentage (and significantly) is a regression.",
        c => c.Benchmark.RegressionThresholdPercent, (c, v) => c.Benchmark.RegressionThresholdPercent = v)
    {
        ReadBy = "Benchmarking: the slowdown that is a regression, in Invoke-RevitBenchmark and Compare-RevitBenchmark",
    };

    /// <summary><c>baseline_file</c>: Baseline file results are compared with; null for none.</summary>
    public static readonly TextSetting BaselineFile = new(
        ConfigSection.Benchmark, "baseline_file", nameof(BenchmarkConfiguration.BaselineFile), null, true,
        "Baseline file results are compared with; null for none.",
        c => c.Benchmark.BaselineFile, (c, v) => c.Benchmark.BaselineFile = v)
    {
        ReadBy = "Benchmarking: the baseline Invoke-RevitBenchmark compares with",
    };

    /// <summary><c>save_results</c>: Write each run's results as JSON into results_directory.</summary>
    public static readonly BooleanSetting SaveResults = new(
        ConfigSection.Benchmark, "save_results", nameof(BenchmarkConfiguration.SaveResults), true,
        "Write each run's results as JSON into results_directory.",
        c => c.Benchmark.SaveResults, (c, v) => c.Benchmark.SaveResults = v)
    {
        ReadBy = "Benchmarking: whether Invoke-RevitBenchmark writes a results file",
    };

    /// <summary><c>results_directory</c>: Folder the JSON results are written to; a relative path is relative to the current location.</summary>
    public static readonly TextSetting ResultsDirectory = new(
        ConfigSection.Benchmark, "results_directory", nameof(BenchmarkConfiguration.ResultsDirectory), "benchmark_results", false,
        "Folder the JSON results are written to; a relative path is relative to the current location.",
        c => c.Benchmark.ResultsDirectory, (c, v) => c.Benchmark.ResultsDirectory = v)
    {
        ReadBy = "Benchmarking: where Invoke-RevitBenchmark writes its results files",
    };

    /// <summary><c>results_store</c>: Where runs are published and their history read; null is results_directory.</summary>
    public static readonly TextSetting ResultsStore = new(
        ConfigSection.Benchmark, "results_store", nameof(BenchmarkConfiguration.ResultsStore), null, true,
        "Where runs are published and their history is read: a folder (a shared folder for several machines) or a PostgreSQL connection string or URI without a password (PGPASSWORD or a password file gives it); null means results_directory.",
        c => c.Benchmark.ResultsStore, (c, v) => c.Benchmark.ResultsStore = v, refusesPasswords: true)
    {
        ReadBy = "Storage: the store of Publish-RevitPerformanceResult, Get-RevitBenchmarkHistory and Invoke-RevitBenchmark -Publish",
    };

    /// <summary><c>strict_target_validation</c>: Make a missed performance target a terminating error.</summary>
    public static readonly BooleanSetting StrictTargetValidation = new(
        ConfigSection.Benchmark, "strict_target_validation", nameof(BenchmarkConfiguration.StrictTargetValidation), false,
        "Make a missed performance target a terminating error.",
        c => c.Benchmark.StrictTargetValidation, (c, v) => c.Benchmark.StrictTargetValidation = v)
    {
        ReadBy = "Benchmarking: a missed target makes Invoke-RevitBenchmark fail",
    };

    /// <summary><c>startup_time_ms</c>: Target for module start-up time, in milliseconds.</summary>
    public static readonly NumberSetting StartupTimeMs = new(
        ConfigSection.PerformanceTargets, "startup_time_ms", nameof(PerformanceTargets.StartupTimeMs), 1000.0, 0.0, true, 3600000.0,
        "Target for module start-up time, in milliseconds.",
        c => c.PerformanceTargets.StartupTimeMs, (c, v) => c.PerformanceTargets.StartupTimeMs = v)
    {
        ReadBy = "Benchmarking: the latency target of Startup/ModuleImport",
    };

    /// <summary><c>api_latency_simple_ms</c>: Target latency of a simple API call, in milliseconds.</summary>
    public static readonly NumberSetting ApiLatencySimpleMs = new(
        ConfigSection.PerformanceTargets, "api_latency_simple_ms", nameof(PerformanceTargets.ApiLatencySimpleMs), 1.0, 0.0, true, 3600000.0,
        "Target latency of a simple API call, in milliseconds.",
        c => c.PerformanceTargets.ApiLatencySimpleMs, (c, v) => c.PerformanceTargets.ApiLatencySimpleMs = v)
    {
        ReadBy = "Benchmarking: the latency target of Api/SimpleElementAccess",
    };

    /// <summary><c>api_latency_complex_ms</c>: Target latency of a complex API call, in milliseconds.</summary>
    public static readonly NumberSetting ApiLatencyComplexMs = new(
        ConfigSection.PerformanceTargets, "api_latency_complex_ms", nameof(PerformanceTargets.ApiLatencyComplexMs), 100.0, 0.0, true, 3600000.0,
        "Target latency of a complex API call, in milliseconds.",
        c => c.PerformanceTargets.ApiLatencyComplexMs, (c, v) => c.PerformanceTargets.ApiLatencyComplexMs = v)
    {
        ReadBy = "Benchmarking: the latency target of Api/ComplexQuery",
    };

    /// <summary><c>memory_idle_mb</c>: Target for idle managed memory, in MB.</summary>
    public static readonly NumberSetting MemoryIdleMB = new(
        ConfigSection.PerformanceTargets, "memory_idle_mb", nameof(PerformanceTargets.MemoryIdleMB), 50.0, 0.0, true, 1048576.0,
        "Target for idle managed memory, in MB.",
        c => c.PerformanceTargets.MemoryIdleMB, (c, v) => c.PerformanceTargets.MemoryIdleMB = v)
    {
        ReadBy = "Benchmarking: the memory target of Memory/Idle",
    };

    /// <summary><c>memory_peak_mb</c>: Target for peak managed memory, in MB.</summary>
    public static readonly NumberSetting MemoryPeakMB = new(
        ConfigSection.PerformanceTargets, "memory_peak_mb", nameof(PerformanceTargets.MemoryPeakMB), 500.0, 0.0, true, 1048576.0,
        "Target for peak managed memory, in MB.",
        c => c.PerformanceTargets.MemoryPeakMB, (c, v) => c.PerformanceTargets.MemoryPeakMB = v)
    {
        ReadBy = "Benchmarking: the memory target of Memory/PeakDuringComplexQuery",
    };

    /// <summary><c>cache_hit_ratio</c>: Target cache hit ratio, from 0 to 1.</summary>
    public static readonly NumberSetting CacheHitRatio = new(
        ConfigSection.PerformanceTargets, "cache_hit_ratio", nameof(PerformanceTargets.CacheHitRatio), 0.85, 0.0, false, 1.0,
        "Target cache hit ratio, from 0 to 1.",
        c => c.PerformanceTargets.CacheHitRatio, (c, v) => c.PerformanceTargets.CacheHitRatio = v)
    {
        ReadBy = "Benchmarking: the hit-ratio target of Cache/HitRatio",
    };

    /// <summary><c>throughput_ops_per_sec</c>: Target throughput, in operations per second.</summary>
    public static readonly NumberSetting ThroughputOpsPerSec = new(
        ConfigSection.PerformanceTargets, "throughput_ops_per_sec", nameof(PerformanceTargets.ThroughputOpsPerSec), 10000.0, 0.0, true, 1000000000000.0,
        "Target throughput, in operations per second.",
        c => c.PerformanceTargets.ThroughputOpsPerSec, (c, v) => c.PerformanceTargets.ThroughputOpsPerSec = v)
    {
        ReadBy = "Benchmarking: the throughput target of Throughput/SimpleElementAccess",
    };

    private static readonly SettingDefinition[] s_all =
    {
        CacheMaxSize, CacheMaxMemoryMB, CacheTtlSeconds, EnableAdaptiveCaching, PoolMaxSize, PoolCleanupIntervalSeconds,
        EnableObjectPooling, MaxWorkerThreads, BatchSizeDefault, EnableAsyncOptimization, MemoryMonitoringEnabled,
        MemoryCleanupThresholdMB, GcOptimizationEnabled, EnableProfiling, EnableMetricsCollection,
        MetricsCollectionIntervalSeconds, BenchmarkWarmupIterations, BenchmarkTestIterations,
        ParallelExecution, MaxWorkers, TimeoutSeconds, EnableMemoryTracking, EnableMemoryLeakDetection,
        MemoryLeakThresholdMB, EnableRegressionDetection, RegressionThresholdPercent, BaselineFile, SaveResults,
        ResultsDirectory, ResultsStore, StrictTargetValidation,
        StartupTimeMs, ApiLatencySimpleMs, ApiLatencyComplexMs, MemoryIdleMB, MemoryPeakMB, CacheHitRatio,
        ThroughputOpsPerSec,
    };

    private static readonly Dictionary<string, SettingDefinition> s_byName =
        s_all.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every setting, in file order (optimization, benchmark, performance targets).</summary>
    public static IReadOnlyList<SettingDefinition> All => s_all;

    /// <summary>The settings of one section, in file order.</summary>
    public static IEnumerable<SettingDefinition> InSection(ConfigSection section) => s_all.Where(s => s.Section == section);

    /// <summary>Finds a setting by its property / parameter name (case-insensitive); null when there is none.</summary>
    public static SettingDefinition? FindByName(string name) =>
        name is not null && s_byName.TryGetValue(name, out var setting) ? setting : null;

    /// <summary>Finds a setting of <paramref name="section"/> by its YAML key (exact, as YAML keys are); null when there is none.</summary>
    public static SettingDefinition? FindByKey(ConfigSection section, string key) =>
        s_all.FirstOrDefault(s => s.Section == section && string.Equals(s.Key, key, StringComparison.Ordinal));
}
