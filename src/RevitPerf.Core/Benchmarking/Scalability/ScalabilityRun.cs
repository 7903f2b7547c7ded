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

        return Measure(name, elementCounts, 1, (n, _) => measureAt(n), CancellationToken.None, null);
    }

    /// <summary>
    /// Measures the sizes in <paramref name="rounds"/> interleaved rounds (each round visits every size, starting one
    /// further each time), so that a change of load or a drift of the machine hits every size alike. Each round's
    /// lower quartiles are freed of the round's common speed (a median polish in logarithms) and the class is fitted to
    /// each size's median over the rounds; again to <see cref="Resamples"/> resamples of whole rounds: when fewer than
    /// <see cref="RequiredConfidence"/> of them name the same class, the noise is larger than the difference between
    /// the classes and the class is Inconclusive, with the reason. With fewer than three rounds in which every size
    /// was measured, each size's lower quartile over all its samples is fitted and its samples are resampled.
    /// <paramref name="measureAt"/> gets the element count and the round (0 first). <paramref name="warmUp"/>, if
    /// given, runs for every size before the first round (warm up until stable there): its measurements are not
    /// counted, so the rounds follow one another closely and a change of the machine's speed meets whole rounds.
    /// </summary>
    public static (IReadOnlyList<ScalabilitySizeResult> Sizes, ScalabilityResult? Fit) Measure(
        string name, IReadOnlyList<int> elementCounts, int rounds, Func<int, int, BenchmarkMeasurement> measureAt, CancellationToken cancellation,
        Action<int>? warmUp)
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
        foreach (var n in warmUp is null ? Array.Empty<int>() : elementCounts)
        {
            cancellation.ThrowIfCancellationRequested();
            warmUp!(n);
        }

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
        var complete = Enumerable.Range(0, rounds).Where(r => usable.All(i => measured[i][r].SamplesMs.Count > 0)).ToList();
        ScalabilityFit pooled;
        Dictionary<ComplexityClass, int> votes;
        if (complete.Count >= 3)
        {
            // Each round visits every size within a short time, so the machine's speed at that moment (another
            // process's load, a neighbour's use of the shared cache, a CPU's clock) is common to the round. The fit
            // takes each size's lower quartile in each round, divides out the round's common factor (a median polish
            // in logarithms) and fits each size's median over the rounds: a round run at another speed shifts every
            // size alike and no longer bends the curve.
            var table = usable.Select(i => complete.Select(r => LowerQuartile(measured[i][r].SamplesMs.ToArray())).ToArray()).ToList();
            pooled = ScalabilityFit.Fit(sizes, RoundAdjusted(table, Enumerable.Range(0, complete.Count).ToArray()));
            votes = ResampleRounds(sizes, table);
        }
        else
        {
            // Too few complete rounds to tell a round's speed: each size's lower quartile over all its samples.
            var samples = usable.Select(i => measured[i].SelectMany(m => m.SamplesMs).ToArray()).ToList();
            pooled = ScalabilityFit.Fit(sizes, samples.Select(s => LowerQuartile((double[])s.Clone())).ToList());
            votes = ResampleSamples(sizes, samples);
        }

        var confidence = votes.TryGetValue(pooled.Complexity, out var agreeing) ? (double)agreeing / Resamples : 0;
        string? reason = null;
        if (confidence < RequiredConfidence)
        {
            var shares = string.Join(", ", votes.OrderByDescending(v => v.Value).Select(v => $"{v.Key} {100.0 * v.Value / Resamples:0} %"));
            reason = $"{pooled.Complexity} fits all the measurements, but only {confidence:P0} of {Resamples} resamples of them ({shares}): the noise is larger than the difference between these classes. Measure with more -Rounds or -Iterations, on a quieter machine, or over sizes further apart";
        }

        return (rows, new ScalabilityResult(name, usable.Count, pooled, rounds, confidence, reason, rows));
    }

    private static double LowerQuartile(double[] values) => Quantile(values, 0.25);

    // Sorts the array in place; the engine's one percentile definition.
    private static double Quantile(double[] values, double quantile)
    {
        Array.Sort(values);
        return Percentile.OfSorted(values, quantile);
    }

    // Each size's figure free of the rounds' common speed: table[size][round] holds positive times; the logarithm of
    // a cell is the round's level (the median over the sizes) plus the size's effect (the median over the rounds of
    // what is left), and the figure is the size's effect at the median round level. Times at or below zero (an
    // operation the overhead calibration cancels) count as the engine's resolution, so they stay comparable.
    internal static double[] RoundAdjusted(IReadOnlyList<double[]> table, IReadOnlyList<int> rounds)
    {
        var logs = table.Select(row => rounds.Select(r => Math.Log(Math.Max(ScalabilityFit.NoiseFloorMs / 10, row[r]))).ToArray()).ToList();
        var levels = new double[rounds.Count];
        var column = new double[logs.Count];
        for (var r = 0; r < rounds.Count; r++)
        {
            for (var s = 0; s < logs.Count; s++)
            {
                column[s] = logs[s][r];
            }

            levels[r] = Quantile(column, 0.5);
        }

        var level = Quantile((double[])levels.Clone(), 0.5);
        var effects = new double[rounds.Count];
        var figures = new double[logs.Count];
        for (var s = 0; s < logs.Count; s++)
        {
            for (var r = 0; r < rounds.Count; r++)
            {
                effects[r] = logs[s][r] - levels[r];
            }

            figures[s] = Math.Exp(level + Quantile(effects, 0.5));
        }

        return figures;
    }

    // The class each of Resamples bootstrap resamples points at: whole rounds drawn with replacement (every size keeps
    // the rounds it was measured in together, as the speed of a round is shared) and fitted as the measurement is.
    // The seed is fixed: the same measurements always give the same verdict.
    private static Dictionary<ComplexityClass, int> ResampleRounds(IReadOnlyList<double> sizes, IReadOnlyList<double[]> table)
    {
        var random = new Random(ResampleSeed);
        var votes = new Dictionary<ComplexityClass, int>();
        var count = table[0].Length;
        var drawn = new int[count];
        for (var b = 0; b < Resamples; b++)
        {
            for (var k = 0; k < count; k++)
            {
                drawn[k] = random.Next(count);
            }

            Vote(votes, ScalabilityFit.Fit(sizes, RoundAdjusted(table, drawn)).Complexity);
        }

        return votes;
    }

    // Without complete rounds: each size's samples drawn with replacement, independently, and their lower quartiles fitted.
    private static Dictionary<ComplexityClass, int> ResampleSamples(IReadOnlyList<double> sizes, IReadOnlyList<double[]> samples)
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

                quartiles[s] = LowerQuartile(drawn);
            }

            Vote(votes, ScalabilityFit.Fit(sizes, quartiles).Complexity);
        }

        return votes;
    }

    private static void Vote(Dictionary<ComplexityClass, int> votes, ComplexityClass complexity) =>
        votes[complexity] = votes.TryGetValue(complexity, out var count) ? count + 1 : 1;

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
