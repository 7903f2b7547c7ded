using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Storage;

/// <summary>
/// Finds the steps in a benchmark's history: for each run, the runs' medians in a window before it are tested against
/// those in a window after it (Mann-Whitney, rank-based, so one slow run does not make a step). A step needs both a
/// p-value below <see cref="Alpha"/> divided by the number of runs tested (Bonferroni: a long flat history tested at
/// every run would otherwise show steps by chance) and a change of at least the minimum; of neighbouring candidates only the
/// clearest is kept, so one step is reported once, at the run where it happened. Each machine's series is judged on
/// its own (machines differ in speed; mixing them would make steps of their own).
/// </summary>
public static class TrendDetector
{
    /// <summary>The p-value a step must be below.</summary>
    public const double Alpha = 0.01;

    /// <summary>The fewest runs on each side of a step (five each is the least a p-value below 0.01 can come from).</summary>
    public const int MinimumRunsPerSide = 5;

    /// <summary>The steps in <paramref name="rows"/>, per benchmark and machine, oldest first.</summary>
    /// <param name="rows">History rows, any order.</param>
    /// <param name="window">Runs on each side of a candidate step (at least 5; a clean step passes the corrected test from about 9 runs a side).</param>
    /// <param name="minimumChangePercent">The smallest change reported.</param>
    public static IReadOnlyList<BenchmarkTrendStep> Find(IEnumerable<BenchmarkHistoryRow> rows, int window = 10, double minimumChangePercent = 10)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        if (window < MinimumRunsPerSide)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, $"A window needs at least {MinimumRunsPerSide} runs.");
        }

        var steps = new List<BenchmarkTrendStep>();
        foreach (var series in rows.GroupBy(r => (Suite: r.Suite.ToUpperInvariant(), Name: r.Name.ToUpperInvariant(), Machine: r.Machine.ToUpperInvariant())))
        {
            steps.AddRange(FindInSeries(series.OrderBy(r => r.Time).ToList(), window, minimumChangePercent));
        }

        return steps.OrderBy(s => s.Time).ThenBy(s => s.Suite, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static IEnumerable<BenchmarkTrendStep> FindInSeries(List<BenchmarkHistoryRow> runs, int window, double minimumChangePercent)
    {
        var values = runs.Select(r => r.MedianMs).ToArray();
        var candidates = new List<(int At, double P, double Change, double Before, double After, int NBefore, int NAfter)>();
        var alpha = Alpha / Math.Max(1, values.Length - (2 * MinimumRunsPerSide) + 1);
        for (var k = MinimumRunsPerSide; k <= values.Length - MinimumRunsPerSide; k++)
        {
            var before = values.Skip(Math.Max(0, k - window)).Take(Math.Min(window, k)).ToArray();
            var after = values.Skip(k).Take(window).ToArray();
            var medianBefore = Median(before);
            var medianAfter = Median(after);
            if (medianBefore <= 0)
            {
                continue;
            }

            var change = (medianAfter / medianBefore - 1) * 100;
            if (Math.Abs(change) < minimumChangePercent)
            {
                continue;
            }

            var p = MannWhitney.Test(before, after).PValue;
            if (p < alpha)
            {
                candidates.Add((k, p, change, medianBefore, medianAfter, before.Length, after.Length));
            }
        }

        // The clearest candidate wins its neighbourhood: a step seen from the runs around it is one step.
        var accepted = new List<int>();
        foreach (var c in candidates.OrderBy(c => c.P).ThenByDescending(c => Math.Abs(c.Change)))
        {
            if (accepted.Any(a => Math.Abs(a - c.At) < window))
            {
                continue;
            }

            accepted.Add(c.At);
            var run = runs[c.At];
            yield return new BenchmarkTrendStep
            {
                Name = run.Name,
                Suite = run.Suite,
                Machine = run.Machine,
                Time = run.Time,
                RunId = run.RunId,
                Direction = c.Change > 0 ? "Up" : "Down",
                BeforeMedianMs = c.Before,
                AfterMedianMs = c.After,
                ChangePercent = c.Change,
                PValue = c.P,
                RunsBefore = c.NBefore,
                RunsAfter = c.NAfter,
            };
        }
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return Percentile.OfSorted(sorted, 0.5);
    }
}
