using System;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// RevitPy's benchmark defaults, written once: a benchmark that says nothing runs 100 measured iterations after 10
/// warm-up runs, within 30 seconds. Script-block and file benchmarks take the first two from the configuration
/// (benchmark_test_iterations, benchmark_warmup_iterations), whose defaults are these.
/// </summary>
public static class BenchmarkDefaults
{
    /// <summary>Measured iterations.</summary>
    public const int Iterations = 100;

    /// <summary>Warm-up runs.</summary>
    public const int WarmupIterations = 10;

    /// <summary>
    /// Rounds of a run: each benchmark is measured this many times, in turn with the others, and a comparison judges
    /// the run by its fastest round (RevitPerf's own default; RevitPy measured once).
    /// </summary>
    public const int Rounds = 3;

    /// <summary>A benchmark's own time limit, in seconds.</summary>
    public const double TimeoutSeconds = 30;

    /// <summary>A benchmark's own time limit.</summary>
    public static TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
