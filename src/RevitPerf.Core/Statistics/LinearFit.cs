using System;
using System.Collections.Generic;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Statistics;

/// <summary>
/// An ordinary least-squares line y = Intercept + Slope * x, with r² and the half-width of the slope's 99 %
/// confidence interval (Student's t with n - 2 degrees of freedom). Used for leak trends, memory growth and
/// scalability; x should be relative (iterations, seconds since the first sample), never raw epoch values, which
/// lose the precision the fit needs.
/// </summary>
public sealed class LinearFit
{
    private LinearFit(int count, double slope, double intercept, double rSquared, double slopeStandardError)
    {
        Count = count;
        Slope = slope;
        Intercept = intercept;
        RSquared = rSquared;
        SlopeStandardError = slopeStandardError;
        SlopeErrorHalfWidth = count > 2 && !double.IsNaN(slopeStandardError)
            ? StudentT.Quantile(0.995, count - 2) * slopeStandardError
            : double.PositiveInfinity;
    }

    /// <summary>Points fitted.</summary>
    public int Count { get; }

    /// <summary>The slope, in y units per x unit.</summary>
    public double Slope { get; }

    /// <summary>The intercept at x = 0.</summary>
    public double Intercept { get; }

    /// <summary>The coefficient of determination, 0..1 (0 when y does not vary with x or not at all).</summary>
    public double RSquared { get; }

    /// <summary>The slope's standard error.</summary>
    public double SlopeStandardError { get; }

    /// <summary>Half-width of the slope's 99 % confidence interval (infinite with fewer than three points).</summary>
    public double SlopeErrorHalfWidth { get; }

    /// <summary>True when the slope's 99 % confidence interval lies entirely above zero.</summary>
    public bool IsSignificantlyPositive => Slope - SlopeErrorHalfWidth > 0;

    /// <summary>The fitted y at <paramref name="x"/>.</summary>
    public double Predict(double x) => Intercept + (Slope * x);

    /// <summary>Fits <paramref name="y"/> against <paramref name="x"/> (same length, at least two points).</summary>
    public static LinearFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x is null)
        {
            throw new ArgumentNullException(nameof(x));
        }

        if (y is null)
        {
            throw new ArgumentNullException(nameof(y));
        }

        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y must have the same number of points.", nameof(y));
        }

        var n = x.Count;
        if (n < 2)
        {
            throw new ArgumentException("A line needs at least two points.", nameof(x));
        }

        // Centred sums: numerically stable even for large x.
        double meanX = 0, meanY = 0;
        for (var i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= n;
        meanY /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        if (sxx == 0)
        {
            throw new ArgumentException("x must take at least two different values.", nameof(x));
        }

        var slope = sxy / sxx;
        var intercept = meanY - (slope * meanX);
        var residual = Math.Max(0, syy - (slope * sxy));
        var rSquared = syy == 0 ? 0 : Math.Max(0, Math.Min(1, 1 - (residual / syy)));
        var standardError = n > 2 ? Math.Sqrt(residual / (n - 2) / sxx) : double.NaN;
        return new LinearFit(n, slope, intercept, rSquared, standardError);
    }
}
