using System;
using System.Collections.Generic;
using System.Linq;
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
        SingleRound = spec.SingleRound;
        RoundMediansMs = Statistics is { } measured ? new[] { measured.Median } : Array.Empty<double>();
    }

    /// <summary>
    /// How many rounds measured the benchmark: each a whole measurement (setup, warm-up, iterations, teardown), the
    /// rounds of a run spread over its length in turn with the other benchmarks.
    /// </summary>
    public int Rounds { get; private set; } = 1;

    /// <summary>The median of each round's samples, in run order (one for a single round; empty without samples).</summary>
    public IReadOnlyList<double> RoundMediansMs { get; private set; }

    /// <summary>True when the benchmark is measured once whatever the rounds (see <see cref="BenchmarkSpec.SingleRound"/>).</summary>
    internal bool SingleRound { get; }

    /// <summary>
    /// True when the benchmark should take no further round after this one: it starts processes (see
    /// <see cref="BenchmarkSpec.SingleRound"/>), failed, timed out or produced no sample.
    /// </summary>
    internal bool EndsRounds => SingleRound || Error is not null || TimedOut || Successes == 0;

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

    /// <summary>
    /// One measurement of the rounds of a benchmark: their samples pooled in run order, each round's median kept,
    /// attempts and time added up, the first error, the highest memory, the mean collection rates and hit ratio.
    /// </summary>
    internal static BenchmarkMeasurement Combine(IReadOnlyList<BenchmarkMeasurement> rounds)
    {
        if (rounds is null || rounds.Count == 0)
        {
            throw new ArgumentException("There is no round to combine.", nameof(rounds));
        }

        if (rounds.Count == 1)
        {
            return rounds[0];
        }

        var first = rounds[0];
        var last = rounds[rounds.Count - 1];
        var spec = new BenchmarkSpec(first.Name, DelegateWorkload.Empty()) { Suite = first.Suite, Targets = first.Targets, SingleRound = first.SingleRound };
        var allocations = rounds.SelectMany(r => r.AllocatedBytesSamples).ToList();
        var tracked = rounds.Where(r => r.AllocatedBytesPerOp is not null).ToList();
        var collections = new[]
        {
            tracked.Count == 0 ? 0 : tracked.Average(r => r.Gen0Per1000Ops),
            tracked.Count == 0 ? 0 : tracked.Average(r => r.Gen1Per1000Ops),
            tracked.Count == 0 ? 0 : tracked.Average(r => r.Gen2Per1000Ops),
        };
        var retained = rounds.Where(r => r.RetainedMemoryMB is not null).Select(r => r.RetainedMemoryMB!.Value).ToList();
        var hits = rounds.Where(r => r.HitRatio is not null).Select(r => r.HitRatio!.Value).ToList();
        var notes = rounds.Select(r => r.Note).Where(n => n is not null).Distinct().ToList();
        return new BenchmarkMeasurement(
            spec,
            rounds.SelectMany(r => r.SamplesMs).ToList(),
            allocations,
            rounds.Sum(r => r.Attempts),
            rounds.Select(r => r.Error).FirstOrDefault(e => e is not null),
            rounds.Any(r => r.TimedOut),
            last.InvocationsPerIteration,
            SampleStatistics.From(rounds.Select(r => r.OverheadMsPerOp).ToList()).Median,
            tracked.Count == 0 ? null : allocations.Count > 0 ? allocations.Average() : tracked.Average(r => r.AllocatedBytesPerOp!.Value),
            collections,
            TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)))
        {
            PeakMemoryMB = rounds.Max(r => r.PeakMemoryMB),
            RetainedMemoryMB = retained.Count == 0 ? null : retained.Max(),
            HitRatio = hits.Count == 0 ? null : hits.Average(),
            Note = notes.Count == 0 ? null : string.Join("; ", notes),
            Rounds = rounds.Count,
            RoundMediansMs = rounds.SelectMany(r => r.RoundMediansMs).ToList(),
        };
    }
}
