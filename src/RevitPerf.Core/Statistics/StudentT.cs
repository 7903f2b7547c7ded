using System;

namespace RevitPerf.Core.Statistics;

/// <summary>
/// Student's t distribution, for confidence intervals of a mean: the cumulative distribution through the regularized
/// incomplete beta function, and its inverse by bisection (monotone, so exact to the tolerance asked).
/// </summary>
internal static class StudentT
{
    /// <summary>P(T &lt;= t) for <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        if (degreesOfFreedom <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive.");
        }

        var x = degreesOfFreedom / (degreesOfFreedom + (t * t));
        var tail = 0.5 * IncompleteBeta.Regularized(degreesOfFreedom / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The t with P(T &lt;= t) = <paramref name="probability"/>.</summary>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability strictly between 0 and 1 is needed.");
        }

        if (probability < 0.5)
        {
            return -Quantile(1 - probability, degreesOfFreedom);
        }

        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < probability)
        {
            low = high;
            high *= 2;
        }

        for (var i = 0; i < 200 && high - low > 1e-12 * Math.Max(1, high); i++)
        {
            var middle = (low + high) / 2;
            if (Cdf(middle, degreesOfFreedom) < probability)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }
}
