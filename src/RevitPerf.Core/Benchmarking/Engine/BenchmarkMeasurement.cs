using System;
using System.Collections.Generic;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>What the engine measured for one benchmark: samples in milliseconds per operation, and their context.</summary>
public sealed class BenchmarkMeasurement
{
    internal BenchmarkMeasurement(
        BenchmarkSpec spec, IReadOnlyList<double> samplesMs, IReadOnlyList<double> allocatedBytesSamples, int attempts, string? error, bool timedOut,
        long invocationsPerIteration, double overheadMsPerOp, double? allocatedBytesPerOp, double[] collectionsPer1000, TimeSpan elapsed)
    {
        Name = spec.Name;
        Suite = spec.Suite;
        SamplesMs = samplesMs;
        AllocatedBytesSamples = allocatedBytesSamples;
        Targets = spec.Targets;
        Statistics = samplesMs.Count > 0 ? SampleStatistics.From(samplesMs) : null;
        Attempts = attempts;
        Successes = samplesMs.Count;
        Failures = attempts - samplesMs.Count;
        SuccessRate = attempts == 0 ? 0 : (double)samplesMs.Count / attempts;
        Error = error;
        TimedOut = timedOut;
        InvocationsPerIteration = invocationsPerIteration;
        OverheadMsPerOp = overheadMsPerOp;
        AllocatedBytesPerOp = allocatedBytesPerOp;
        Gen0Per1000Ops = collectionsPer1000[0];
        Gen1Per1000Ops = collectionsPer1000[1];
        Gen2Per1000Ops = collectionsPer1000[2];
        Elapsed = elapsed;
        OpsPerSecond = Statistics is { Mean: > 0 } stats ? 1000 / stats.Mean : 0;
    }

    /// <summary>The benchmark's name.</summary>
    public string Name { get; }

    /// <summary>Its suite.</summary>
    public string Suite { get; }

    /// <summary>Milliseconds per operation, one per successful iteration, overhead subtracted.</summary>
    public IReadOnlyList<double> SamplesMs { get; }

    /// <summary>Bytes allocated per operation, one per successful iteration (empty where the runtime cannot tell).</summary>
    public IReadOnlyList<double> AllocatedBytesSamples { get; }

    /// <summary>The targets the benchmark's definition carried, or null.</summary>
    public BenchmarkTargets? Targets { get; }

    /// <summary>The hit ratio the workload reported for the measured iterations, or null.</summary>
    public double? HitRatio { get; internal set; }

    /// <summary>The samples' statistics; null when no iteration succeeded.</summary>
    public SampleStatistics? Statistics { get; }

    /// <summary>Measured iterations attempted.</summary>
    public int Attempts { get; }

    /// <summary>Iterations that completed.</summary>
    public int Successes { get; }

    /// <summary>Iterations that threw (counted, not timed).</summary>
    public int Failures { get; }

    /// <summary>Successes / attempts, 0..1.</summary>
    public double SuccessRate { get; }

    /// <summary>The first error (setup, warm-up, iteration, validation or teardown), or null.</summary>
    public string? Error { get; }

    /// <summary>True when the benchmark's (or the suite's) time ran out before all iterations.</summary>
    public bool TimedOut { get; }

    /// <summary>Invocations timed together as one iteration.</summary>
    public long InvocationsPerIteration { get; }

    /// <summary>The calibrated per-invocation overhead that was subtracted, in milliseconds.</summary>
    public double OverheadMsPerOp { get; }

    /// <summary>Bytes allocated per operation; null where the runtime cannot tell.</summary>
    public double? AllocatedBytesPerOp { get; }

    /// <summary>Generation 0 collections per 1,000 operations.</summary>
    public double Gen0Per1000Ops { get; }

    /// <summary>Generation 1 collections per 1,000 operations.</summary>
    public double Gen1Per1000Ops { get; }

    /// <summary>Generation 2 collections per 1,000 operations.</summary>
    public double Gen2Per1000Ops { get; }

    /// <summary>Operations per second from the mean measured operation time.</summary>
    public double OpsPerSecond { get; }

    /// <summary>
    /// The benchmark's memory, in MB: how far the live managed heap rose above where it stood before the iterations,
    /// at its highest, read right after each collection during the iterations and after a full one at the end
    /// (on .NET Framework only the latter). Never the process's resident size, which belongs to everything else too.
    /// </summary>
    public double PeakMemoryMB { get; internal set; }

    /// <summary>
    /// What the benchmark kept, in MB: the live managed heap after a full collection at the end, above where it stood
    /// before the iterations; null when memory is not tracked or the workload reports its own.
    /// </summary>
    public double? RetainedMemoryMB { get; internal set; }

    /// <summary>Something the engine changed or found that the figures need beside them; null when there is nothing.</summary>
    public string? Note { get; internal set; }

    /// <summary>Wall time of the whole benchmark, set-up to teardown.</summary>
    public TimeSpan Elapsed { get; }
}
