using System;
using System.Linq;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Tests.Configuration;

public class PerformanceConfigurationTests
{
    [Fact]
    public void WhenCreated_OptimizationHasEveryRevitPyDefault()
    {
        var o = new PerformanceConfiguration().Optimization;
        Assert.Equal(10_000, o.CacheMaxSize);
        Assert.Equal(100, o.CacheMaxMemoryMB);
        Assert.Equal(3_600, o.CacheTtlSeconds);
        Assert.True(o.EnableAdaptiveCaching);
        Assert.Equal(1_000, o.PoolMaxSize);
        Assert.Equal(300, o.PoolCleanupIntervalSeconds);
        Assert.True(o.EnableObjectPooling);
        Assert.Equal(Math.Min(32, Environment.ProcessorCount * 2), o.MaxWorkerThreads);
        Assert.Equal(100, o.BatchSizeDefault);
        Assert.True(o.EnableAsyncOptimization);
        Assert.True(o.MemoryMonitoringEnabled);
        Assert.Equal(400, o.MemoryCleanupThresholdMB);
        Assert.True(o.GcOptimizationEnabled);
        Assert.True(o.EnableProfiling);
        Assert.True(o.EnableMetricsCollection);
        Assert.Equal(30, o.MetricsCollectionIntervalSeconds);
        Assert.Equal(10, o.BenchmarkWarmupIterations);
        Assert.Equal(100, o.BenchmarkTestIterations);
    }

    [Fact]
    public void WhenCreated_BenchmarkHasEveryRevitPyDefaultButSequentialExecution()
    {
        var b = new PerformanceConfiguration().Benchmark;
        Assert.False(b.ParallelExecution);
        Assert.Equal(4, b.MaxWorkers);
        Assert.Equal(300, b.TimeoutSeconds);
        Assert.True(b.EnableMemoryTracking);
        Assert.True(b.EnableMemoryLeakDetection);
        Assert.Equal(10, b.MemoryLeakThresholdMB);
        Assert.True(b.EnableRegressionDetection);
        Assert.Equal(20, b.RegressionThresholdPercent);
        Assert.Null(b.BaselineFile);
        Assert.True(b.SaveResults);
        Assert.Equal("benchmark_results", b.ResultsDirectory);
        Assert.False(b.StrictTargetValidation);
    }

    [Fact]
    public void WhenCreated_PerformanceTargetsAreTheSevenSeedTargets()
    {
        var t = new PerformanceConfiguration().PerformanceTargets;
        Assert.Equal(1_000, t.StartupTimeMs);
        Assert.Equal(1, t.ApiLatencySimpleMs);
        Assert.Equal(100, t.ApiLatencyComplexMs);
        Assert.Equal(50, t.MemoryIdleMB);
        Assert.Equal(500, t.MemoryPeakMB);
        Assert.Equal(0.85, t.CacheHitRatio);
        Assert.Equal(10_000, t.ThroughputOpsPerSec);
    }

    [Fact]
    public void WhenSchemaIsListed_ItHasEveryFieldOfTheSeedTablesOnce()
    {
        Assert.Equal(18, ConfigurationSchema.InSection(ConfigSection.Optimization).Count());
        Assert.Equal(13, ConfigurationSchema.InSection(ConfigSection.Benchmark).Count()); // the seed's 12 and results_store
        Assert.Equal(7, ConfigurationSchema.InSection(ConfigSection.PerformanceTargets).Count());
        Assert.Equal(ConfigurationSchema.All.Count, ConfigurationSchema.All.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void WhenSchemaIsListed_EverySettingIsAPropertyOfItsSectionWithTheSameType()
    {
        foreach (var setting in ConfigurationSchema.All)
        {
            var type = setting.Section switch
            {
                ConfigSection.Optimization => typeof(OptimizationConfig),
                ConfigSection.Benchmark => typeof(BenchmarkConfiguration),
                _ => typeof(PerformanceTargets),
            };
            var property = type.GetProperty(setting.Name);
            Assert.NotNull(property);
            Assert.Equal(Nullable.GetUnderlyingType(setting.ValueType) ?? setting.ValueType, property!.PropertyType);
            Assert.Equal(setting.DefaultValue, setting.GetValue(new PerformanceConfiguration()));
        }
    }

    [Fact]
    public void WhenCloned_TheCopyIsIndependent()
    {
        var original = new PerformanceConfiguration();
        var copy = original.Clone();
        copy.Optimization.CacheMaxSize = 5;
        copy.PerformanceTargets.CacheHitRatio = 0.5;
        Assert.Equal(10_000, original.Optimization.CacheMaxSize);
        Assert.Equal(0.85, original.PerformanceTargets.CacheHitRatio);
        Assert.Equal(new[] { "CacheMaxSize", "CacheHitRatio" }, original.Differences(copy).Select(s => s.Name));
    }

    [Fact]
    public void WhenASectionIsReset_OnlyThatSectionReturnsToDefaults()
    {
        var config = new PerformanceConfiguration();
        config.Optimization.CacheMaxSize = 5;
        config.Benchmark.MaxWorkers = 2;
        config.ResetSection(ConfigSection.Optimization);
        Assert.Equal(10_000, config.Optimization.CacheMaxSize);
        Assert.Equal(2, config.Benchmark.MaxWorkers);
    }
}
