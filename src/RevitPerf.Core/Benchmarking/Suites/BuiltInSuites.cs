using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// The built-in suites, in the order -Suite All runs them: Startup, Api, Cache, Memory and Throughput. Each benchmark
/// carries the target it is judged by, from the configuration's performance_targets where RevitPy had a setting
/// and RevitPy's own per-benchmark figures where it had none. The operations run in-process through the module's
/// own engine (Api over the synthetic element model, Cache over a RevitCache); Startup and Memory.Idle start fresh
/// PowerShell processes.
/// </summary>
public static class BuiltInSuites
{
    /// <summary>The name that selects every built-in suite.</summary>
    public const string All = "All";

    /// <summary>The suite names.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "Startup", "Api", "Cache", "Memory", "Throughput" };

    /// <summary>Elements in the model the Api, Memory and Throughput benchmarks query.</summary>
    public const int ModelElementCount = 10_000;

    /// <summary>RevitPy's api_simple_element_access memory target, MB.</summary>
    public const double SimpleApiMemoryMB = 10;

    /// <summary>RevitPy's api_complex_geometry_analysis memory target, MB.</summary>
    public const double ComplexApiMemoryMB = 50;

    /// <summary>RevitPy's cache_performance latency target, ms.</summary>
    public const double CacheLatencyMs = 0.1;

    /// <summary>RevitPy's cache_performance memory target, MB.</summary>
    public const double CacheMemoryMB = 20;

    /// <summary>RevitPy's cache_performance throughput target, operations per second.</summary>
    public const double CacheThroughputOpsPerSec = 50_000;

    /// <summary>
    /// The in-process benchmarks of <paramref name="suites"/> (names from <see cref="Names"/>), judged by the targets in
    /// <paramref name="configuration"/>: Api, Cache, Memory.PeakDuringComplexQuery and Throughput. Startup and
    /// Memory.Idle start fresh PowerShell processes and come only from Invoke-RevitBenchmark.
    /// </summary>
    public static IReadOnlyList<BenchmarkSpec> Create(IEnumerable<string> suites, PerformanceConfiguration configuration) =>
        Create(suites, configuration, null, null);

    /// <summary>
    /// The benchmarks of <paramref name="suites"/>; <paramref name="launcher"/> and <paramref name="modulePath"/> say
    /// how to start PowerShell and import the module for Startup and Memory.Idle; without them those two are left out.
    /// </summary>
    internal static IReadOnlyList<BenchmarkSpec> Create(
        IEnumerable<string> suites, PerformanceConfiguration configuration, PowerShellLauncher? launcher, string? modulePath)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var wanted = new HashSet<string>(suites ?? throw new ArgumentNullException(nameof(suites)), StringComparer.OrdinalIgnoreCase);
        var targets = configuration.PerformanceTargets;
        var trackMemory = configuration.Benchmark.EnableMemoryTracking;
        var specs = new List<BenchmarkSpec>();
        var canLaunch = launcher is not null && !string.IsNullOrEmpty(modulePath);

        if (wanted.Contains("Startup") && canLaunch)
        {
            // The import is timed inside the child, around Import-Module alone: a difference of two launches can come
            // out negative on a busy machine. The launch is a benchmark of its own, for what a script start costs.
            specs.Add(ChildProcess("ModuleImport", "Startup", new ChildProcessWorkload(launcher!, ImportTimedScript(modulePath!), ChildProcessWorkload.ChildReport.Milliseconds), 10, 2, TimeSpan.FromSeconds(120),
                new BenchmarkTargets { LatencyMs = targets.StartupTimeMs }));
            specs.Add(ChildProcess("ProcessLaunch", "Startup", new ChildProcessWorkload(launcher!, "$null = 0"), 10, 2, TimeSpan.FromSeconds(120), null));
        }

        if (wanted.Contains("Api"))
        {
            specs.Add(Simple("SimpleElementAccess", "Api", new BenchmarkTargets { LatencyMs = targets.ApiLatencySimpleMs, MemoryMB = SimpleApiMemoryMB }));
            specs.Add(Complex("ComplexQuery", "Api", 50, new BenchmarkTargets { LatencyMs = targets.ApiLatencyComplexMs, MemoryMB = ComplexApiMemoryMB }));
        }

        if (wanted.Contains("Cache"))
        {
            specs.Add(CacheHit());
            specs.Add(new BenchmarkSpec("HitRatio", new CacheHitRatioWorkload())
            {
                Suite = "Cache",
                Overhead = DelegateWorkload.Empty(),
                Targets = new BenchmarkTargets { HitRatio = targets.CacheHitRatio },
            });
        }

        if (wanted.Contains("Memory"))
        {
            if (canLaunch)
            {
                specs.Add(ChildProcess("Idle", "Memory", new ChildProcessWorkload(launcher!, IdleMemoryScript(modulePath!), ChildProcessWorkload.ChildReport.Bytes), 5, 1, TimeSpan.FromSeconds(60),
                    new BenchmarkTargets { MemoryMB = targets.MemoryIdleMB }));
            }

            specs.Add(new BenchmarkSpec("PeakDuringComplexQuery", ModelAndQuery())
            {
                Suite = "Memory",
                Iterations = 20,
                WarmupIterations = 3,
                InvocationsPerIteration = 1,
                Targets = new BenchmarkTargets { MemoryMB = targets.MemoryPeakMB },
            });
        }

        if (wanted.Contains("Throughput"))
        {
            specs.Add(Simple("SimpleElementAccess", "Throughput", new BenchmarkTargets { ThroughputOpsPerSec = targets.ThroughputOpsPerSec }));
        }

        foreach (var spec in specs)
        {
            spec.TrackMemory = trackMemory;
        }

        return specs;
    }

    /// <summary>The child script of Startup: import the module, nothing else.</summary>
    public static string ImportScript(string modulePath) => "Import-Module -Name " + PowerShellLauncher.Literal(modulePath) + " -ErrorAction Stop";

    /// <summary>The child script of Startup.ModuleImport: the import timed from within, its milliseconds printed last.</summary>
    public static string ImportTimedScript(string modulePath) =>
        "$watch = [Diagnostics.Stopwatch]::StartNew(); " + ImportScript(modulePath) + "; $watch.Stop(); "
        + "[Console]::Out.WriteLine($watch.Elapsed.TotalMilliseconds.ToString([Globalization.CultureInfo]::InvariantCulture))";

    // A benchmark that starts a fresh process per invocation: one invocation an iteration, no warm-up until stable
    // (the time is not this process's code), no overhead twin.
    private static BenchmarkSpec ChildProcess(string name, string suite, ChildProcessWorkload workload, int iterations, int warmup, TimeSpan timeout, BenchmarkTargets? targets) =>
        new(name, workload)
        {
            Suite = suite,
            Iterations = iterations,
            WarmupIterations = warmup,
            InvocationsPerIteration = 1,
            WarmupUntilStable = false,
            Timeout = timeout,
            Targets = targets,
            SingleRound = true,
        };

    /// <summary>
    /// The child script of Memory.Idle: the managed heap after a full collection, before and after importing the
    /// module and touching its configuration and default cache; prints the difference in bytes.
    /// </summary>
    public static string IdleMemoryScript(string modulePath) =>
        "$before = [GC]::GetTotalMemory($true); "
        + ImportScript(modulePath) + "; "
        + "$null = Get-RevitPerformanceConfig; $null = Get-RevitCacheStatistics; "
        + "$after = [GC]::GetTotalMemory($true); "
        + "[Console]::Out.WriteLine(($after - $before).ToString([Globalization.CultureInfo]::InvariantCulture))";

    private static BenchmarkSpec Simple(string name, string suite, BenchmarkTargets targets)
    {
        SyntheticModel? model = null;
        long[] ids = Array.Empty<long>();
        var next = 0;
        double last = 0;
        var workload = new DelegateWorkload(
            invocations =>
            {
                // Walk the ids in a fixed, scattered order so that every call is a real lookup, not one hot element.
                for (long i = 0; i < invocations; i++)
                {
                    last = model!.ReadParameter(ids[next], "Width");
                    next = next + 1 == ids.Length ? 0 : next + 1;
                }
            },
            setup: () =>
            {
                model = SyntheticModel.Create(ModelElementCount);
                ids = ScatteredIds(model);
                next = 0;
            },
            teardown: () => model = null,
            validate: () => last is > 0 and < 3.1 ? null : string.Format(CultureInfo.InvariantCulture, "Width {0} is outside the model's 0.1-3.0", last));
        return new BenchmarkSpec(name, workload) { Suite = suite, Overhead = DelegateWorkload.Empty(), Targets = targets };
    }

    private static BenchmarkSpec Complex(string name, string suite, int iterations, BenchmarkTargets targets)
    {
        SyntheticModel? model = null;
        IReadOnlyList<LevelCategorySummary> last = Array.Empty<LevelCategorySummary>();
        var workload = new DelegateWorkload(
            invocations =>
            {
                for (long i = 0; i < invocations; i++)
                {
                    last = model!.QueryByLevelAndCategory();
                }
            },
            setup: () => model = SyntheticModel.Create(ModelElementCount),
            teardown: () => model = null,
            validate: () => last.Count > 0 && last.Sum(g => g.Count) > 0 ? null : "the query returned no groups");
        return new BenchmarkSpec(name, workload) { Suite = suite, Overhead = DelegateWorkload.Empty(), Iterations = iterations, Targets = targets };
    }

    private static BenchmarkSpec CacheHit()
    {
        RevitCache? cache = null;
        string[] keys = Array.Empty<string>();
        var next = 0;
        object? last = null;
        var workload = new DelegateWorkload(
            invocations =>
            {
                for (long i = 0; i < invocations; i++)
                {
                    cache!.TryGet(keys[next], out last);
                    next = next + 1 == keys.Length ? 0 : next + 1;
                }
            },
            setup: () =>
            {
                var model = SyntheticModel.Create(ModelElementCount);
                cache = new RevitCache(new CacheOptions
                {
                    Name = "RevitPerf.Benchmark.Hit",
                    Policy = EvictionPolicy.Adaptive,
                    MaxSize = ModelElementCount,
                    MaxMemoryBytes = long.MaxValue / 4,
                    DefaultTimeToLive = Timeout.InfiniteTimeSpan,
                });
                keys = model.Elements.Select(e => "element:" + e.Id.ToString(CultureInfo.InvariantCulture)).ToArray();
                foreach (var element in model.Elements)
                {
                    cache.Set("element:" + element.Id.ToString(CultureInfo.InvariantCulture), element);
                }

                next = 0;
            },
            teardown: () => cache = null,
            validate: () => last is SyntheticElement ? null : "a read missed although every element is cached");
        return new BenchmarkSpec("HitLatency", workload)
        {
            Suite = "Cache",
            Overhead = DelegateWorkload.Empty(),
            Targets = new BenchmarkTargets { LatencyMs = CacheLatencyMs, MemoryMB = CacheMemoryMB, ThroughputOpsPerSec = CacheThroughputOpsPerSec },
        };
    }

    private static DelegateWorkload ModelAndQuery()
    {
        IReadOnlyList<LevelCategorySummary> last = Array.Empty<LevelCategorySummary>();
        return new DelegateWorkload(
            invocations =>
            {
                // Open (build) the model and run the complex query over it: the working set of a typical script.
                for (long i = 0; i < invocations; i++)
                {
                    last = SyntheticModel.Create(ModelElementCount).QueryByLevelAndCategory();
                }
            },
            validate: () => last.Count > 0 ? null : "the query returned no groups");
    }

    private static long[] ScatteredIds(SyntheticModel model)
    {
        // A stride coprime with the element count visits every element once per cycle, far from its neighbours.
        var count = model.Elements.Count;
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = model.Elements[(int)((i * 7919L) % count)].Id;
        }

        return ids;
    }
}
