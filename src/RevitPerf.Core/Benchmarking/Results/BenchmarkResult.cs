using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// One benchmark's result, flat and the same shape every time (Name and Suite first, numbers with their unit in the
/// name, nothing nested among the properties), so a set of them goes straight into Export-Csv or Export-Excel. The
/// raw samples are behind <see cref="GetSamplesMs"/>.
/// </summary>
public sealed class BenchmarkResult
{
    private readonly IReadOnlyList<double> _samples;
    private readonly IReadOnlyList<double> _allocationSamples;
    private readonly IReadOnlyList<double> _roundMedians;

    /// <summary>
    /// Builds the result of <paramref name="measurement"/> judged by <paramref name="targets"/> (null: the targets its
    /// definition carried).
    /// </summary>
    public BenchmarkResult(BenchmarkMeasurement measurement, BenchmarkTargets? targets, BenchmarkEnvironment environment, DateTime timestamp)
    {
        if (measurement is null)
        {
            throw new ArgumentNullException(nameof(measurement));
        }

        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        targets ??= measurement.Targets ?? new BenchmarkTargets();
        var stats = measurement.Statistics;
        Name = measurement.Name;
        Suite = measurement.Suite;
        MeanMs = stats?.Mean ?? 0;
        MedianMs = stats?.Median ?? 0;
        P95Ms = stats?.P95 ?? 0;
        P99Ms = stats?.P99 ?? 0;
        MinMs = stats?.Min ?? 0;
        MaxMs = stats?.Max ?? 0;
        StdDevMs = stats?.StdDev ?? 0;
        ErrorMs = stats?.ErrorHalfWidth ?? 0;
        OpsPerSecond = measurement.OpsPerSecond;
        AllocatedBytesPerOp = measurement.AllocatedBytesPerOp;
        PeakMemoryMB = measurement.PeakMemoryMB;
        RetainedMemoryMB = measurement.RetainedMemoryMB;
        HitRatio = measurement.HitRatio;
        Gen0Per1000Ops = measurement.Gen0Per1000Ops;
        Gen1Per1000Ops = measurement.Gen1Per1000Ops;
        Gen2Per1000Ops = measurement.Gen2Per1000Ops;
        Iterations = measurement.Successes;
        InvocationsPerIteration = measurement.InvocationsPerIteration;
        OverheadMsPerOp = measurement.OverheadMsPerOp;
        SuccessRate = measurement.SuccessRate;
        Outliers = stats?.Outliers ?? 0;
        TargetLatencyMs = targets.LatencyMs;
        TargetMemoryMB = targets.MemoryMB;
        TargetThroughputOpsPerSec = targets.ThroughputOpsPerSec;
        TargetHitRatio = targets.HitRatio;

        // A target is met only by a benchmark that produced figures; one with no successful iteration meets nothing.
        var measured = stats is not null;
        MetLatencyTarget = targets.LatencyMs is { } latency ? measured && MeanMs <= latency : null;
        MetMemoryTarget = targets.MemoryMB is { } memory ? measured && PeakMemoryMB <= memory : null;
        MetThroughputTarget = targets.ThroughputOpsPerSec is { } throughput ? measured && OpsPerSecond >= throughput : null;
        MetHitRatioTarget = targets.HitRatio is { } ratio ? measured && HitRatio is { } hits && hits >= ratio : null;
        MetTargets = measured && measurement.Failures == 0 && measurement.Error is null
            && MetLatencyTarget != false && MetMemoryTarget != false && MetThroughputTarget != false && MetHitRatioTarget != false;
        (JudgedBy, JudgedValue, JudgedTarget) = Judged();
        TimedOut = measurement.TimedOut;
        Error = measurement.Error;
        Note = measurement.Note;
        Timestamp = timestamp;
        MachineName = environment.MachineName;
        PowerShellVersion = environment.PowerShellVersion;
        PowerShellEdition = environment.PowerShellEdition;
        OS = environment.OS;
        ModuleVersion = environment.ModuleVersion;
        _samples = measurement.SamplesMs;
        _allocationSamples = measurement.AllocatedBytesSamples;
        _roundMedians = measurement.RoundMediansMs;
        Rounds = measurement.Rounds;
    }

    /// <summary>The benchmark's name.</summary>
    public string Name { get; }

    /// <summary>Its suite.</summary>
    public string Suite { get; }

    /// <summary>Mean operation time, ms.</summary>
    public double MeanMs { get; }

    /// <summary>Median operation time, ms.</summary>
    public double MedianMs { get; }

    /// <summary>95th percentile, ms.</summary>
    public double P95Ms { get; }

    /// <summary>99th percentile, ms.</summary>
    public double P99Ms { get; }

    /// <summary>Fastest iteration, ms per operation.</summary>
    public double MinMs { get; }

    /// <summary>Slowest iteration, ms per operation.</summary>
    public double MaxMs { get; }

    /// <summary>Sample standard deviation, ms.</summary>
    public double StdDevMs { get; }

    /// <summary>Half-width of the 99.9 % confidence interval of the mean, ms.</summary>
    public double ErrorMs { get; }

    /// <summary>Operations per second from the mean.</summary>
    public double OpsPerSecond { get; }

    /// <summary>Bytes allocated per operation (null where the runtime cannot tell).</summary>
    public double? AllocatedBytesPerOp { get; }

    /// <summary>Peak live managed memory above the level before the iterations (read after collections), MB.</summary>
    public double PeakMemoryMB { get; }

    /// <summary>Live managed memory kept after a full collection at the end, above the start, MB (null when not tracked).</summary>
    public double? RetainedMemoryMB { get; }

    /// <summary>The hit ratio the workload reported (0..1), or null when it has none.</summary>
    public double? HitRatio { get; }

    /// <summary>Generation 0 collections per 1,000 operations.</summary>
    public double Gen0Per1000Ops { get; }

    /// <summary>Generation 1 collections per 1,000 operations.</summary>
    public double Gen1Per1000Ops { get; }

    /// <summary>Generation 2 collections per 1,000 operations.</summary>
    public double Gen2Per1000Ops { get; }

    /// <summary>Measured iterations that succeeded (each one sample).</summary>
    public int Iterations { get; }

    /// <summary>Operations timed together per iteration.</summary>
    public long InvocationsPerIteration { get; }

    /// <summary>How many rounds measured the benchmark (see <see cref="GetRoundMediansMs"/>).</summary>
    public int Rounds { get; }

    /// <summary>The invocation overhead measured on the empty twin and subtracted from every sample, ms per operation.</summary>
    public double OverheadMsPerOp { get; }

    /// <summary>Successful iterations / attempted ones, 0..1.</summary>
    public double SuccessRate { get; }

    /// <summary>Samples outside Tukey's fences.</summary>
    public int Outliers { get; }

    /// <summary>The latency target, ms (null: not judged).</summary>
    public double? TargetLatencyMs { get; }

    /// <summary>The memory target, MB (null: not judged).</summary>
    public double? TargetMemoryMB { get; }

    /// <summary>The throughput target, operations per second (null: not judged).</summary>
    public double? TargetThroughputOpsPerSec { get; }

    /// <summary>The hit-ratio target, 0..1 (null: not judged).</summary>
    public double? TargetHitRatio { get; }

    /// <summary>MeanMs within the latency target (null when there is none).</summary>
    public bool? MetLatencyTarget { get; }

    /// <summary>PeakMemoryMB within the memory target (null when there is none).</summary>
    public bool? MetMemoryTarget { get; }

    /// <summary>OpsPerSecond at or above the throughput target (null when there is none).</summary>
    public bool? MetThroughputTarget { get; }

    /// <summary>HitRatio at or above the hit-ratio target (null when there is none).</summary>
    public bool? MetHitRatioTarget { get; }

    /// <summary>Every target given was met, and nothing failed.</summary>
    public bool MetTargets { get; }

    /// <summary>
    /// Against a baseline: Slower when any metric regressed, else Faster when the latency improved, else Same; null
    /// when the benchmark was not compared.
    /// </summary>
    public string? BaselineVerdict { get; private set; }

    /// <summary>The latency's change against the baseline's median, in percent; null when not compared.</summary>
    public double? BaselineChangePercent { get; private set; }

    /// <summary>The time limit stopped the benchmark before all its iterations.</summary>
    public bool TimedOut { get; }

    /// <summary>The first error, or null.</summary>
    public string? Error { get; }

    /// <summary>What the engine changed or noticed that the figures need beside them (a lowered iteration size), or null.</summary>
    public string? Note { get; }

    /// <summary>When the benchmark ran (UTC).</summary>
    public DateTime Timestamp { get; }

    /// <summary>The machine.</summary>
    public string MachineName { get; }

    /// <summary>PowerShell's version.</summary>
    public string PowerShellVersion { get; }

    /// <summary>Desktop or Core.</summary>
    public string PowerShellEdition { get; }

    /// <summary>The operating system.</summary>
    public string OS { get; }

    /// <summary>RevitPerf's version.</summary>
    public string ModuleVersion { get; }

    /// <summary>Records how this benchmark compared with its baseline (the comparisons of its metrics).</summary>
    public void RecordComparison(IReadOnlyList<MetricComparison> comparisons)
    {
        if (comparisons is null || comparisons.Count == 0)
        {
            return;
        }

        BaselineVerdict = BenchmarkComparer.Summarize(comparisons).ToString();
        foreach (var comparison in comparisons)
        {
            if (comparison.Metric == BenchmarkComparer.LatencyMetric)
            {
                BaselineChangePercent = comparison.ChangePercent;
            }
        }
    }

    /// <summary>
    /// The property the benchmark is judged by (HitRatio, PeakMemoryMB, OpsPerSecond or MeanMs): of the targets it
    /// has, the first it missed, else the most specific (hit ratio, then memory, throughput, latency); null without one.
    /// </summary>
    public string? JudgedBy { get; }

    /// <summary>The measured value of <see cref="JudgedBy"/>.</summary>
    public double? JudgedValue { get; }

    /// <summary>Its target: a ceiling for MeanMs and PeakMemoryMB, a floor for OpsPerSecond and HitRatio.</summary>
    public double? JudgedTarget { get; }

    /// <summary>Bytes allocated per operation, one per successful iteration, in run order (empty when not tracked).</summary>
    public double[] GetAllocatedBytesSamples() => Copy(_allocationSamples);

    /// <summary>The raw samples, ms per operation, in run order.</summary>
    public double[] GetSamplesMs() => Copy(_samples);

    /// <summary>
    /// The median of each round's samples, in run order. A comparison judges a run by its fastest round: on a machine
    /// whose speed changes for seconds at a time, that is the figure two runs of the same code agree on.
    /// </summary>
    public double[] GetRoundMediansMs() => Copy(_roundMedians);

    private static double[] Copy(IReadOnlyList<double> values)
    {
        var copy = new double[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return copy;
    }

    private (string?, double?, double?) Judged()
    {
        var candidates = new (string Name, double? Value, double? Target, bool? Met)[]
        {
            (nameof(HitRatio), HitRatio, TargetHitRatio, MetHitRatioTarget),
            (nameof(PeakMemoryMB), PeakMemoryMB, TargetMemoryMB, MetMemoryTarget),
            (nameof(OpsPerSecond), OpsPerSecond, TargetThroughputOpsPerSec, MetThroughputTarget),
            (nameof(MeanMs), MeanMs, TargetLatencyMs, MetLatencyTarget),
        };
        foreach (var pass in new[] { true, false })
        {
            foreach (var c in candidates)
            {
                if (c.Target is not null && (!pass || c.Met == false))
                {
                    return (c.Name, c.Value, c.Target);
                }
            }
        }

        return (null, null, null);
    }
}
