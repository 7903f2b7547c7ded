using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace RevitPerf.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (for example --filter *CacheThroughput*), or, with --hit-ratio,
/// the cache hit-ratio harness.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Contains("--hit-ratio"))
        {
            return HitRatioHarness.Run();
        }

        // BenchmarkDotNet builds each benchmark's process from a project of its own: the older commit's RevitPerf.Core
        // (bench/Compare-Baseline.ps1) must reach that build too, or CacheKind.RevitPerfLruBaseline does not exist there.
        var config = DefaultConfig.Instance;
        if (Environment.GetEnvironmentVariable("REVITPERF_BASELINE_CORE") is { Length: > 0 } baseline)
        {
            config = config.AddJob(Job.Default.WithArguments(new Argument[] { new MsBuildArgument("/p:BaselineCore=" + baseline) }));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
