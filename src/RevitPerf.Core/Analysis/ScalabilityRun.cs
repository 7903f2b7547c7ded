using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Analysis;

/// <summary>
/// Measures an operation at several element counts with the benchmark engine (RevitPy's 10 iterations and 3
/// warm-ups by default) and fits the medians against the counts.
/// </summary>
public static class ScalabilityRun
{
    /// <summary>RevitPy's element counts.</summary>
    public static readonly IReadOnlyList<int> DefaultElementCounts = new[] { 100, 1_000, 5_000, 10_000, 50_000 };

    /// <summary>
    /// Measures <paramref name="workloadFor"/>(n) at every count (its overhead twin from
    /// <paramref name="overheadFor"/>, if given); returns each size's row and, when at least three different sizes
    /// succeeded, the fit (else null).
    /// </summary>
    public static (IReadOnlyList<ScalabilitySizeResult> Sizes, ScalabilityResult? Fit) Measure(
        string name, IReadOnlyList<int> elementCounts, Func<int, IBenchmarkWorkload> workloadFor, Func<int, IBenchmarkWorkload>? overheadFor,
        BenchmarkEngine engine, int iterations = 10, int warmupIterations = 3, TimeSpan? timeout = null,
        CancellationToken cancellation = default, Action<int, int>? starting = null)
    {
        if (elementCounts is null || elementCounts.Count == 0)
        {
            throw new ArgumentException("Give at least one element count.", nameof(elementCounts));
        }

        if (workloadFor is null)
        {
            throw new ArgumentNullException(nameof(workloadFor));
        }

        if (engine is null)
        {
            throw new ArgumentNullException(nameof(engine));
        }

        var rows = new List<ScalabilitySizeResult>();
        for (var i = 0; i < elementCounts.Count; i++)
        {
            var n = elementCounts[i];
            starting?.Invoke(n, i);
            var spec = new BenchmarkSpec(name + " n=" + n, workloadFor(n))
            {
                Suite = "Scalability",
                Overhead = overheadFor?.Invoke(n),
                Iterations = iterations,
                WarmupIterations = warmupIterations,
                Timeout = timeout ?? TimeSpan.FromSeconds(30),
            };
            rows.Add(new ScalabilitySizeResult(name, n, engine.Run(spec, null, cancellation)));
        }

        var measured = rows.Where(r => r.Iterations > 0).ToList();
        var fit = measured.Select(r => r.ElementCount).Distinct().Count() >= 3
            ? new ScalabilityResult(name, measured.Count, ScalabilityFit.Fit(measured.Select(r => (double)r.ElementCount).ToList(), measured.Select(r => r.MedianMs).ToList()))
            : null;
        return (rows, fit);
    }
}
