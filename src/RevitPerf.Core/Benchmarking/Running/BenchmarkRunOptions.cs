using System;
using System.Collections.Generic;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Benchmarking;

/// <summary>How a <see cref="BenchmarkRun"/> runs and what it does with the results.</summary>
public sealed class BenchmarkRunOptions
{
    private int _rounds = BenchmarkDefaults.Rounds;

    /// <summary>Creates the options of a run under <paramref name="configuration"/> (copied).</summary>
    public BenchmarkRunOptions(PerformanceConfiguration configuration, BenchmarkEnvironment environment)
    {
        Configuration = (configuration ?? throw new ArgumentNullException(nameof(configuration))).Clone();
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        Parallel = Configuration.Benchmark.ParallelExecution;
        ThrottleLimit = Configuration.Benchmark.MaxWorkers;
        Overrides.TrackMemory = Configuration.Benchmark.EnableMemoryTracking;
    }

    /// <summary>The configuration in force (timeout_seconds, thresholds, results_directory ...).</summary>
    public PerformanceConfiguration Configuration { get; }

    /// <summary>Where the run happens, recorded in every result.</summary>
    public BenchmarkEnvironment Environment { get; }

    /// <summary>What the run imposes on every benchmark.</summary>
    public BenchmarkOverrides Overrides { get; } = new();

    /// <summary>Run benchmarks at once on parallel workers; by default parallel_execution.</summary>
    public bool Parallel { get; set; }

    /// <summary>Workers of a parallel run; by default max_workers.</summary>
    public int ThrottleLimit { get; set; }

    /// <summary>
    /// How many times each benchmark is measured (<see cref="BenchmarkDefaults.Rounds"/> by default). A sequential run measures the benchmarks in turn, round
    /// after round, so that each one's rounds spread over the whole run; a parallel worker measures its benchmark's
    /// rounds one after another. Benchmarks that start a fresh process for every iteration are measured once.
    /// </summary>
    public int Rounds
    {
        get => _rounds;
        set => _rounds = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A benchmark is measured in at least one round.");
    }

    /// <summary>A missed target fails the run (-Strict, or strict_target_validation).</summary>
    public bool Strict { get; set; }

    /// <summary>The baseline to compare every result with, or null.</summary>
    public IReadOnlyList<BenchmarkSamples>? Baseline { get; set; }

    /// <summary>The folder to write the results file to (resolved by the caller), or null to write none.</summary>
    public string? ResultsDirectory { get; set; }
}
