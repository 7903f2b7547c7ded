using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RevitPerf.Core.Benchmarking;

/// <summary>Lists the targets results missed, each with its measured value and confidence interval, for -Strict, Assert and Should.</summary>
public static class TargetValidator
{
    /// <summary>Every target <paramref name="result"/> missed, and its failures; empty when it met them all.</summary>
    public static IReadOnlyList<TargetMiss> Check(BenchmarkResult result)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        var misses = new List<TargetMiss>();
        var who = $"{result.Suite}/{result.Name}";
        if (result.Iterations == 0)
        {
            misses.Add(new TargetMiss(result.Name, result.Suite, "SuccessRate", null, 0,
                $"{who}: no iteration succeeded{Because(result.Error)}"));
            return misses;
        }

        if (result.SuccessRate < 1 || result.Error is not null)
        {
            misses.Add(new TargetMiss(result.Name, result.Suite, "SuccessRate", 1, result.SuccessRate,
                string.Format(CultureInfo.InvariantCulture, "{0}: success rate {1:P1}{2}", who, result.SuccessRate, Because(result.Error))));
        }

        if (result.MetLatencyTarget == false)
        {
            misses.Add(new TargetMiss(result.Name, result.Suite, "LatencyMs", result.TargetLatencyMs, result.MeanMs,
                string.Format(CultureInfo.InvariantCulture,
                    "{0}: mean latency {1} ms ± {2} ms (99.9 % CI {3} to {4} ms) is above the target of {5} ms",
                    who, N(result.MeanMs), N(result.ErrorMs), N(result.MeanMs - result.ErrorMs), N(result.MeanMs + result.ErrorMs), N(result.TargetLatencyMs!.Value))));
        }

        if (result.MetThroughputTarget == false)
        {
            // The throughput interval follows from the latency interval: ops/s = 1000 / ms.
            var low = 1000 / (result.MeanMs + result.ErrorMs);
            var high = result.MeanMs - result.ErrorMs > 0 ? N(1000 / (result.MeanMs - result.ErrorMs)) : "unbounded";
            misses.Add(new TargetMiss(result.Name, result.Suite, "OpsPerSecond", result.TargetThroughputOpsPerSec, result.OpsPerSecond,
                string.Format(CultureInfo.InvariantCulture,
                    "{0}: throughput {1} ops/s (99.9 % CI {2} to {3} ops/s) is below the target of {4} ops/s",
                    who, N(result.OpsPerSecond), N(low), high, N(result.TargetThroughputOpsPerSec!.Value))));
        }

        if (result.MetMemoryTarget == false)
        {
            misses.Add(new TargetMiss(result.Name, result.Suite, "MemoryMB", result.TargetMemoryMB, result.PeakMemoryMB,
                string.Format(CultureInfo.InvariantCulture,
                    "{0}: memory {1} MB (peak live managed memory, a single figure with no interval) is above the target of {2} MB",
                    who, N(result.PeakMemoryMB), N(result.TargetMemoryMB!.Value))));
        }

        if (result.MetHitRatioTarget == false)
        {
            misses.Add(new TargetMiss(result.Name, result.Suite, "HitRatio", result.TargetHitRatio, result.HitRatio,
                string.Format(CultureInfo.InvariantCulture,
                    "{0}: hit ratio {1} (counted over every measured access, no interval) is below the target of {2}",
                    who, result.HitRatio is { } ratio ? N(ratio) : "not reported", N(result.TargetHitRatio!.Value))));
        }

        return misses;
    }

    /// <summary>Every miss of every result, in order.</summary>
    public static IReadOnlyList<TargetMiss> Check(IEnumerable<BenchmarkResult> results) =>
        (results ?? throw new ArgumentNullException(nameof(results))).SelectMany(Check).ToList();

    /// <summary>One message naming every miss, one per line.</summary>
    public static string Describe(IReadOnlyList<TargetMiss> misses) =>
        (misses ?? throw new ArgumentNullException(nameof(misses))).Count == 1
            ? "A performance target was missed: " + misses[0].Message
            : misses.Count + " performance targets were missed:" + Environment.NewLine
              + string.Join(Environment.NewLine, misses.Select(m => "  " + m.Message));

    private static string Because(string? error) => error is null ? string.Empty : ": " + error;

    // Four significant figures reads well for both 0.0001234 ms and 123,456 ops/s.
    private static string N(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("G4", CultureInfo.InvariantCulture);
}
