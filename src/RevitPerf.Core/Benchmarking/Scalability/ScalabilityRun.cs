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
    /// Measures each count with <paramref name="measureAt"/>, in order; returns each size's row and, when at least
    /// three different sizes succeeded, the fit of their medians (else null).
    /// </summary>
    public static (IReadOnlyList<ScalabilitySizeResult> Sizes, ScalabilityResult? Fit) Measure(string name, IReadOnlyList<int> elementCounts, Func<int, BenchmarkMeasurement> measureAt)
    {
        if (elementCounts is null || elementCounts.Count == 0)
        {
            throw new ArgumentException("Give at least one element count.", nameof(elementCounts));
        }

        if (measureAt is null)
        {
            throw new ArgumentNullException(nameof(measureAt));
        }

        var rows = elementCounts.Select(n => new ScalabilitySizeResult(name, n, measureAt(n))).ToList();
        var measured = rows.Where(r => r.Iterations > 0).ToList();
        var fit = measured.Select(r => r.ElementCount).Distinct().Count() >= 3
            ? new ScalabilityResult(name, measured.Count, ScalabilityFit.Fit(measured.Select(r => (double)r.ElementCount).ToList(), measured.Select(r => r.MedianMs).ToList()))
            : null;
        return (rows, fit);
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
