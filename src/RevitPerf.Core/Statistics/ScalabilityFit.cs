using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Statistics;

/// <summary>
/// Latency against element count: the straight-line fit (slope in ms per element, intercept, r²) with RevitPy's
/// linear verdict (r² above 0.8 and slope below 0.1 ms per element), and the complexity class among O(1), O(log n),
/// O(n), O(n log n) and O(n²) whose model latency = a + b * f(n) fits best. One algorithm, always.
/// </summary>
internal sealed class ScalabilityFit
{
    /// <summary>RevitPy's LINEAR_SCALING_R_SQUARED_THRESHOLD.</summary>
    public const double LinearRSquaredThreshold = 0.8;

    /// <summary>RevitPy's MAX_LATENCY_SLOPE_PER_ELEMENT, ms.</summary>
    public const double MaxSlopeMsPerElement = 0.1;

    private ScalabilityFit(LinearFit linear, ComplexityClass best, double bestRSquared, double bestCoefficient, IReadOnlyDictionary<ComplexityClass, double> fits)
    {
        Linear = linear;
        Complexity = best;
        ComplexityRSquared = bestRSquared;
        ComplexityCoefficient = bestCoefficient;
        RSquaredByClass = fits;
    }

    /// <summary>The straight line of latency (ms) against elements.</summary>
    public LinearFit Linear { get; }

    /// <summary>RevitPy's verdict: r² above 0.8 and a slope below 0.1 ms per element.</summary>
    public bool IsLinear => Linear.RSquared > LinearRSquaredThreshold && Linear.Slope < MaxSlopeMsPerElement;

    /// <summary>The best-fitting complexity class.</summary>
    public ComplexityClass Complexity { get; }

    /// <summary>
    /// Its goodness of fit: r² of latency against f(n); for O(1), the share of the variance that no growing model
    /// explains (1 - the best growing model's r²).
    /// </summary>
    public double ComplexityRSquared { get; }

    /// <summary>Its coefficient b in latency = a + b * f(n), ms per unit of f(n).</summary>
    public double ComplexityCoefficient { get; }

    /// <summary>r² of every growing class, for the curious.</summary>
    public IReadOnlyDictionary<ComplexityClass, double> RSquaredByClass { get; }

    /// <summary>f(n) of a class.</summary>
    public static double Shape(ComplexityClass complexity, double n) => complexity switch
    {
        ComplexityClass.Constant => 1,
        ComplexityClass.Logarithmic => Math.Log(n),
        ComplexityClass.Linear => n,
        ComplexityClass.Linearithmic => n * Math.Log(n),
        _ => n * n,
    };

    /// <summary>
    /// Fits latencies (ms, one per size, e.g. each size's median) against element counts (at least three different
    /// sizes, each at least 1).
    /// </summary>
    public static ScalabilityFit Fit(IReadOnlyList<double> elementCounts, IReadOnlyList<double> latencyMs)
    {
        if (elementCounts is null)
        {
            throw new ArgumentNullException(nameof(elementCounts));
        }

        if (latencyMs is null)
        {
            throw new ArgumentNullException(nameof(latencyMs));
        }

        if (elementCounts.Distinct().Count() < 3)
        {
            throw new ArgumentException("At least three different element counts are needed to tell complexity classes apart.", nameof(elementCounts));
        }

        if (elementCounts.Any(n => !(n >= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(elementCounts), "Element counts must be at least 1.");
        }

        var linear = LinearFit.Fit(elementCounts, latencyMs);
        var fits = new Dictionary<ComplexityClass, double>();
        (double RSquared, double Error, double Slope)? best = null;
        var bestClass = ComplexityClass.Constant;
        foreach (var complexity in new[] { ComplexityClass.Logarithmic, ComplexityClass.Linear, ComplexityClass.Linearithmic, ComplexityClass.Quadratic })
        {
            var fit = RelativeFit(elementCounts.Select(n => Shape(complexity, n)).ToList(), latencyMs);
            fits[complexity] = fit.RSquared;

            // The smallest relative error wins; near-ties (within 2 % of it) go to the simpler class, listed first.
            if (fit.Slope > 0 && (best is null || fit.Error < best.Value.Error * 0.98))
            {
                best = fit;
                bestClass = complexity;
            }
        }

        // Constant when no growing model explains the data (r² below 0.5), or latency at the largest size is within
        // 25 % of the smallest's: noise, not growth (O(log n) from 100 to 50,000 elements at least doubles). A
        // significance test on the slope would be too strict here: five sizes leave three degrees of freedom.
        var order = elementCounts.Select((n, i) => (n, latencyMs[i])).OrderBy(p => p.n).ToList();
        var flat = best is not { } found || found.RSquared < 0.5 || order.Last().Item2 <= order.First().Item2 * 1.25;
        return flat
            ? new ScalabilityFit(linear, ComplexityClass.Constant, 1 - (best?.RSquared ?? 0), 0, fits)
            : new ScalabilityFit(linear, bestClass, best!.Value.RSquared, best.Value.Slope, fits);
    }

    // Least squares weighted by 1 / latency²: relative errors count, so the small sizes weigh as much as the large
    // ones (unweighted, the largest size decides alone and O(n) and O(n log n) look alike). Returns the weighted r²,
    // the root-mean-square relative error and the slope.
    private static (double RSquared, double Error, double Slope) RelativeFit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        double sw = 0, mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            var w = Weight(y[i]);
            sw += w;
            mx += w * x[i];
            my += w * y[i];
        }

        mx /= sw;
        my /= sw;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var w = Weight(y[i]);
            sxx += w * (x[i] - mx) * (x[i] - mx);
            sxy += w * (x[i] - mx) * (y[i] - my);
            syy += w * (y[i] - my) * (y[i] - my);
        }

        var slope = sxx > 0 ? sxy / sxx : 0;
        var residual = Math.Max(0, syy - (slope * sxy));
        var rSquared = syy > 0 ? Math.Max(0, 1 - (residual / syy)) : 0;
        return (rSquared, Math.Sqrt(residual / n), slope);
    }

    private static double Weight(double latency) => 1 / Math.Max(1e-12, latency * latency);
}
