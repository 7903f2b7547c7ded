using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Measures an operation at several element counts with the benchmark engine (RevitPy's 10 iterations and 3
/// warm-ups by default) and fits the medians against the counts.
/// </summary>
public static class ScalabilityRun
{
    /// <summary>Bootstrap resamples the class must hold in.</summary>
    public const int Resamples = 200;

    /// <summary>The share of resamples that must name the class for it to stand; below it the class is Inconclusive.</summary>
    public const double RequiredConfidence = 0.8;

    private const int ResampleSeed = 20_261_130;

    /// <summary>RevitPy's element counts.</summary>
    public static readonly IReadOnlyList<int> DefaultElementCounts = new[] { 100, 1_000, 5_000, 10_000, 50_000 };

    /// <summary>
    /// Measures <paramref name="workloadFor"/>(n) at every count with <paramref name="engine"/> (its overhead twin
    /// from <paramref name="overheadFor"/>, if given); see <see cref="Measure(string, IReadOnlyList{int}, Func{int, BenchmarkMeasurement})"/>.
    /// </summary>
    public static (IReadOnlyList<ScalabilitySizeResult> Sizes, ScalabilityResult? Fit) Measure(
        string name, IReadOnlyList<int> elementCounts, Func<int, IBenchmarkWorkload> workloadFor, Func<int, IBenchmarkWorkload>? overheadFor,
        BenchmarkEngine engine, int iterations = 10, int warmupIterations = 3, TimeSpan? timeout = null,
        CancellationToken cancellation = default, Action<int, int>? starting = null)
    {
        if (workloadFor is null)
        {
            throw new ArgumentNullException(nameof(workloadFor));
        }

        if (engine is null)
        {
            throw new ArgumentNullException(nameof(engine));
        }

        var index = 0;
        return Measure(name, elementCounts, n =>
        {
            starting?.Invoke(n, index++);
            return engine.Run(Spec(name, n, workloadFor(n), overheadFor?.Invoke(n), iterations, warmupIterations, timeout), null, cancellation);
        });
    }

    /// <summary>
    /// Measures every size once with <paramref name="measureAt"/> and fits the medians (one round: see the overload
    /// with rounds for measurements a busy machine cannot mislead).
    /// </summary>
    public static (IReadOnlyList<ScalabilitySizeResult> Sizes, ScalabilityResult? Fit) Measure(string name, IReadOnlyList<int> elementCounts, Func<int, BenchmarkMeasurement> measureAt)
    {
        if (measureAt is null)
        {
            throw new ArgumentNullException(nameof(measureAt));
        }

        return Measure(name, elementCounts, 1, (n, _) => measureAt(n), CancellationToken.None);
    }

    /// <summary>
    /// Measures the sizes in <paramref name="rounds"/> interleaved rounds (each round visits every size, starting one
    /// further each time), so that a change of load or a drift of the machine hits every size alike; a size's figures
    /// pool its rounds. The class is fitted to the pooled lower quartiles, and again to the lower quartiles of
    /// <see cref="Resamples"/> resamples of each size's samples: when fewer than <see cref="RequiredConfidence"/> of
    /// them name the same class, the noise is larger than the difference between the classes and the class is
    /// Inconclusive, with the reason. <paramref name="measureAt"/> gets the element count and the round (0 first:
    /// warm up until stable there).
    /// </summary>
    public static (IReadOnlyList<ScalabilitySizeResult> Sizes, ScalabilityResult? Fit) Measure(
        string name, IReadOnlyList<int> elementCounts, int rounds, Func<int, int, BenchmarkMeasurement> measureAt, CancellationToken cancellation)
    {
        if (elementCounts is null || elementCounts.Count == 0)
        {
            throw new ArgumentException("Give at least one element count.", nameof(elementCounts));
        }

        if (rounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "At least one round is needed.");
        }

        if (measureAt is null)
        {
            throw new ArgumentNullException(nameof(measureAt));
        }

        var count = elementCounts.Count;
        var measured = elementCounts.Select(_ => new List<BenchmarkMeasurement>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < count; k++)
            {
                cancellation.ThrowIfCancellationRequested();
                var i = (k + round) % count;
                measured[i].Add(measureAt(elementCounts[i], round));
            }
        }

        var rows = elementCounts.Select((n, i) => new ScalabilitySizeResult(name, n, measured[i])).ToList();
        var usable = Enumerable.Range(0, count).Where(i => rows[i].Iterations > 0).ToList();
        if (usable.Select(i => elementCounts[i]).Distinct().Count() < 3)
        {
            return (rows, null);
        }

        var sizes = usable.Select(i => (double)elementCounts[i]).ToList();
        // The fit takes each size's lower quartile: other work on the machine only ever adds time to an iteration, so
        // the lower quartile shows the operation's own cost best, and it moves least when the load changes.
        var samples = usable.Select(i => measured[i].SelectMany(m => m.SamplesMs).ToArray()).ToList();
        var pooled = ScalabilityFit.Fit(sizes, samples.Select(s => LowerQuartile((double[])s.Clone())).ToList());

        // The resampling unit is the round, not the sample: one measurement's samples share its calibration and the
        // load of its moment, so resampling them alone would understate how far another run could fall.
        var perRound = usable.Select(i => measured[i].Where(m => m.SamplesMs.Count > 0).Select(m => LowerQuartile(m.SamplesMs.ToArray())).ToArray()).ToList();
        var votes = Resample(sizes, perRound.All(r => r.Length >= 3) ? perRound : samples);
        var confidence = votes.TryGetValue(pooled.Complexity, out var agreeing) ? (double)agreeing / Resamples : 0;
        string? reason = null;
        if (confidence < RequiredConfidence)
        {
            var shares = string.Join(", ", votes.OrderByDescending(v => v.Value).Select(v => $"{v.Key} {100.0 * v.Value / Resamples:0} %"));
            reason = $"{pooled.Complexity} fits all the measurements, but only {confidence:P0} of {Resamples} resamples of them ({shares}): the noise is larger than the difference between these classes. Measure with more -Rounds or -Iterations, on a quieter machine, or over sizes further apart";
        }

        return (rows, new ScalabilityResult(name, usable.Count, pooled, rounds, confidence, reason, rows));
    }

    // Sorts the array in place; the engine's one percentile definition.
    private static double LowerQuartile(double[] values)
    {
        Array.Sort(values);
        return Percentile.OfSorted(values, 0.25);
    }

    // The class each of Resamples bootstrap resamples points at: each size's figures (one per round) drawn with
    // replacement from its own, independently of the other sizes, and their median taken. The seed is fixed: the same
    // measurements always give the same verdict.
    private static Dictionary<ComplexityClass, int> Resample(IReadOnlyList<double> sizes, IReadOnlyList<double[]> samples)
    {
        var random = new Random(ResampleSeed);
        var votes = new Dictionary<ComplexityClass, int>();
        var quartiles = new double[samples.Count];
        for (var b = 0; b < Resamples; b++)
        {
            for (var s = 0; s < samples.Count; s++)
            {
                var drawn = new double[samples[s].Length];
                for (var k = 0; k < drawn.Length; k++)
                {
                    drawn[k] = samples[s][random.Next(drawn.Length)];
                }

                Array.Sort(drawn);
                quartiles[s] = Percentile.OfSorted(drawn, 0.5);
            }

            var complexity = ScalabilityFit.Fit(sizes, quartiles).Complexity;
            votes[complexity] = votes.TryGetValue(complexity, out var count) ? count + 1 : 1;
        }

        return votes;
    }

    /// <summary>The spec of one size: RevitPy's 10 iterations and 3 warm-ups unless told otherwise.</summary>
    public static BenchmarkSpec Spec(string name, int elementCount, IBenchmarkWorkload workload, IBenchmarkWorkload? overhead, int iterations = 10, int warmupIterations = 3, TimeSpan? timeout = null) =>
        new(name + " n=" + elementCount.ToString(System.Globalization.CultureInfo.InvariantCulture), workload)
        {
            Suite = "Scalability",
            Overhead = overhead,
            Iterations = iterations,
            WarmupIterations = warmupIterations,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
}
