using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Tests.Benchmarking;

public class BuiltInSuitesTests
{
    [Fact]
    public void WhenAllSuitesAreCreatedWithoutALauncher_TheInProcessBenchmarksCarryTheConfiguredTargets()
    {
        var configuration = new PerformanceConfiguration();
        configuration.PerformanceTargets.ApiLatencySimpleMs = 0.5;
        var specs = BuiltInSuites.Create(BuiltInSuites.Names, configuration);
        Assert.Equal(
            new[] { "Api/SimpleElementAccess", "Api/ComplexQuery", "Cache/HitLatency", "Cache/HitRatio", "Memory/PeakDuringComplexQuery", "Throughput/SimpleElementAccess" },
            specs.Select(s => s.Suite + "/" + s.Name));
        Assert.Equal(0.5, specs[0].Targets!.LatencyMs);
        Assert.Equal(0.85, specs[3].Targets!.HitRatio);
        Assert.Equal(500, specs[4].Targets!.MemoryMB);
        Assert.Equal(10_000, specs[5].Targets!.ThroughputOpsPerSec);
    }

    [Fact]
    public void WhenALauncherIsGiven_StartupAndIdleMemoryStartChildProcessesWithTheirOwnCounts()
    {
        var specs = BuiltInSuites.Create(new[] { "startup", "MEMORY" }, new PerformanceConfiguration(), new PowerShellLauncher("pwsh"), "/m/RevitPerf.psd1");
        // The import is timed inside the child (never a difference of launches); the launch is reported on its own.
        Assert.Equal(new[] { "ModuleImport", "ProcessLaunch", "Idle", "PeakDuringComplexQuery" }, specs.Select(s => s.Name));
        Assert.IsAssignableFrom<ISelfTimedWorkload>(specs[0].Workload);
        Assert.Null(specs[0].Overhead);
        Assert.Equal(10, specs[0].Iterations);
        Assert.Equal(1000, specs[0].Targets!.LatencyMs);
        Assert.True(specs[1].Targets?.IsEmpty ?? true);
        Assert.Equal(50, specs[2].Targets!.MemoryMB);
        Assert.Contains("'/m/RevitPerf.psd1'", BuiltInSuites.ImportScript("/m/RevitPerf.psd1"), StringComparison.Ordinal);
        Assert.Contains("Stopwatch", BuiltInSuites.ImportTimedScript("/m/RevitPerf.psd1"), StringComparison.Ordinal);
        Assert.Equal("'it''s'", PowerShellLauncher.Literal("it's"));
    }

    [Fact]
    public void WhenMemoryTrackingIsOff_NoBenchmarkReadsTheCounters()
    {
        var configuration = new PerformanceConfiguration();
        configuration.Benchmark.EnableMemoryTracking = false;
        Assert.All(BuiltInSuites.Create(BuiltInSuites.Names, configuration), s => Assert.False(s.TrackMemory));
    }

    [Fact]
    public void WhenTheInProcessSuitesRun_EveryBenchmarkValidatesAndTheSkewedTraceMeetsTheHitRatioTarget()
    {
        var engine = new BenchmarkEngine { MinimumIterationTime = TimeSpan.FromMilliseconds(0.2) };
        foreach (var spec in BuiltInSuites.Create(BuiltInSuites.Names, new PerformanceConfiguration()))
        {
            var hitRatio = spec.Name == "HitRatio";
            spec.Iterations = hitRatio ? 40 : 3;
            spec.WarmupIterations = 1;
            spec.InvocationsPerIteration = hitRatio ? 5_000 : spec.InvocationsPerIteration;
            var measurement = engine.Run(spec);
            Assert.True(measurement.Error is null, spec.Name + ": " + measurement.Error);
            Assert.Equal(spec.Iterations, measurement.Successes);
            if (hitRatio)
            {
                // The trace and the policy are deterministic, so over 200,000 accesses the ratio is a property of the
                // workload, not of timing (the best any cache of 2,000 could do on this trace is 0.895).
                Assert.InRange(measurement.HitRatio!.Value, 0.85, 0.895);
            }
        }
    }
}
