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

    /// <summary>A more complex class must bring the relative error below this share of the simpler class's to win.</summary>
    public const double SimplicityMargin = 0.5;

    /// <summary>Growth over all the sizes below this many ms is no growth: the engine cannot resolve it.</summary>
    public const double NoiseFloorMs = 0.001;

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
        (double RSquared, double Error, double Slope, double Intercept)? best = null;
        var bestClass = ComplexityClass.Constant;
        var smallest = latencyMs.Min();
        foreach (var complexity in new[] { ComplexityClass.Logarithmic, ComplexityClass.Linear, ComplexityClass.Linearithmic, ComplexityClass.Quadratic })
        {
            var fit = RelativeFit(elementCounts.Select(n => Shape(complexity, n)).ToList(), latencyMs);
            fits[complexity] = fit.RSquared;

            // A class that fits only with a time well below zero for one element (a large negative intercept) is no
            // explanation: that is how a logarithm mimics a straight line, or a line a parabola, on noisy data.
            if (fit.Intercept + (fit.Slope * Shape(complexity, 1)) < -0.25 * smallest)
            {
                continue;
            }

            // Classes are tried from the simplest; a more complex one must halve the relative error to win. Over a
            // few sizes an overhead or a cache effect bends any line a little, and the simpler class that explains
            // the data nearly as well is the one a reader can rely on.
            if (fit.Slope > 0 && (best is null || fit.Error < best.Value.Error * SimplicityMargin))
            {
                best = fit;
                bestClass = complexity;
            }
        }

        // When every growing class needs a time well below zero for one element, the data grows faster at the small
        // sizes than any class allows (noise at the smallest size does that): the class with the smallest relative
        // error stands, rather than calling clear growth constant.
        if (best is null)
        {
            foreach (var complexity in new[] { ComplexityClass.Logarithmic, ComplexityClass.Linear, ComplexityClass.Linearithmic, ComplexityClass.Quadratic })
            {
                var fit = RelativeFit(elementCounts.Select(n => Shape(complexity, n)).ToList(), latencyMs);
                if (fit.Slope > 0 && (best is null || fit.Error < best.Value.Error))
                {
                    best = fit;
                    bestClass = complexity;
                }
            }
        }

        // Constant when no growing model explains the data (r² below 0.5), or the latency grows from the smallest size
        // to the largest by no more than 25 % or than the engine can resolve: noise, not growth (O(log n) from 100 to
        // 50,000 elements at least doubles). A significance test on the slope would be too strict here: five sizes
        // leave three degrees of freedom.
        var order = elementCounts.Select((n, i) => (n, latencyMs[i])).OrderBy(p => p.n).ToList();
        var growth = order.Last().Item2 - order.First().Item2;
        var flat = best is not { } found || found.RSquared < 0.5 || growth <= Math.Max(order.First().Item2 * 0.25, NoiseFloorMs);
        return flat
            ? new ScalabilityFit(linear, ComplexityClass.Constant, 1 - (best?.RSquared ?? 0), 0, fits)
            : new ScalabilityFit(linear, bestClass, best!.Value.RSquared, best.Value.Slope, fits);
    }

    // Least squares weighted by 1 / latency²: relative errors count, so the small sizes weigh as much as the large
    // ones (unweighted, the largest size decides alone and O(n) and O(n log n) look alike). Returns the weighted r²,
    // the root-mean-square relative error, the slope and the intercept.
    private static (double RSquared, double Error, double Slope, double Intercept) RelativeFit(IReadOnlyList<double> x, IReadOnlyList<double> y)
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
        return (rSquared, Math.Sqrt(residual / n), slope, my - (slope * mx));
    }

    // A latency below the engine's resolution weighs as much as one at it, not infinitely more.
    private static double Weight(double latency) => 1 / Math.Pow(Math.Max(NoiseFloorMs / 10, latency), 2);
}
