using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Benchmarking;

/// <summary>Runs benchmarks in order within a suite's time limit, keeping every finished measurement.</summary>
internal static class SuiteRunner
{
    /// <summary>
    /// Runs <paramref name="items"/> in order with <paramref name="measure"/> until the clock passes
    /// the deadline (<paramref name="isPast"/>): the rest are not started and are named (by <paramref name="name"/>) in the
    /// result, and every finished measurement is kept. <paramref name="measure"/> should pass the deadline on to
    /// <see cref="Run"/>, so that the benchmark running when it passes stops too. <paramref name="finished"/> sees
    /// each measurement as it completes.
    /// </summary>
    public static BenchmarkSuiteRun Run<T>(
        IReadOnlyList<T> items, Func<bool> isPast, Func<T, string> name, Func<T, BenchmarkMeasurement> measure,
        Action<T, int>? starting = null, Action<BenchmarkMeasurement>? finished = null)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (measure is null)
        {
            throw new ArgumentNullException(nameof(measure));
        }

        var results = new List<BenchmarkMeasurement>();
        for (var i = 0; i < items.Count; i++)
        {
            if (isPast())
            {
                return new BenchmarkSuiteRun(results, items.Skip(i).Select(name).ToList(), timedOut: true);
            }

            starting?.Invoke(items[i], i);
            var measurement = measure(items[i]);
            results.Add(measurement);
            finished?.Invoke(measurement);
        }

        return new BenchmarkSuiteRun(results, Array.Empty<string>(), timedOut: isPast() && results.Any(r => r.TimedOut));
    }
}
