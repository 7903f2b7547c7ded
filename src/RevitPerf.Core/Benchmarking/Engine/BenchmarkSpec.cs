using System;

namespace RevitPerf.Core.Benchmarking;

/// <summary>What to measure and how much: the engine's view of one benchmark.</summary>
public sealed class BenchmarkSpec
{
    /// <summary>Creates a spec for <paramref name="workload"/>.</summary>
    public BenchmarkSpec(string name, IBenchmarkWorkload workload)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A benchmark needs a name.", nameof(name)) : name;
        Workload = workload ?? throw new ArgumentNullException(nameof(workload));
    }

    /// <summary>The benchmark's name.</summary>
    public string Name { get; }

    /// <summary>The suite it belongs to.</summary>
    public string Suite { get; set; } = "Default";

    /// <summary>The operation.</summary>
    public IBenchmarkWorkload Workload { get; }

    /// <summary>
    /// An empty operation invoked the same way (an empty script block, say): its time per invocation is measured and
    /// subtracted from every sample, so the figures are the operation's own. Null to subtract nothing.
    /// </summary>
    public IBenchmarkWorkload? Overhead { get; set; }

    /// <summary>Measured iterations (RevitPy's default 100).</summary>
    public int Iterations { get; set; } = BenchmarkDefaults.Iterations;

    /// <summary>Warm-up runs before measuring (RevitPy's default 10).</summary>
    public int WarmupIterations { get; set; } = BenchmarkDefaults.WarmupIterations;

    /// <summary>The benchmark's own time limit, checked before every iteration (RevitPy's default 30 s).</summary>
    public TimeSpan Timeout { get; set; } = BenchmarkDefaults.Timeout;

    /// <summary>
    /// After its warm-up iterations, keep warming up until the operation stops getting faster (JIT tiering); off for
    /// operations whose time is not this process's code, such as starting another process.
    /// </summary>
    public bool WarmupUntilStable { get; set; } = true;

    /// <summary>Invocations per iteration; null to let the pilot choose.</summary>
    public long? InvocationsPerIteration { get; set; }

    /// <summary>
    /// How many times the <see cref="Overhead"/> twin is measured, spread evenly between the iterations; null measures
    /// it after every iteration. Fewer suit an expensive twin (a process start).
    /// </summary>
    public int? CalibrationIterations { get; set; }

    /// <summary>The targets the result is judged by (none judged when null or left empty).</summary>
    public BenchmarkTargets? Targets { get; set; }

    /// <summary>Read allocation and collection counters (enable_memory_tracking); false leaves them unreported.</summary>
    public bool TrackMemory { get; set; } = true;

    /// <summary>
    /// Measured once even when the run takes several rounds: every iteration already starts a fresh process, so a
    /// round would only repeat the launches.
    /// </summary>
    internal bool SingleRound { get; set; }

    internal void Validate()
    {
        if (Iterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "At least one iteration is needed.");
        }

        if (WarmupIterations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmupIterations), WarmupIterations, "Warm-up iterations cannot be negative.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive.");
        }

        if (CalibrationIterations is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CalibrationIterations), CalibrationIterations, "At least one calibration iteration is needed.");
        }

        if (InvocationsPerIteration is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InvocationsPerIteration), InvocationsPerIteration, "At least one invocation per iteration is needed.");
        }
    }
}
