using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Statistics;

/// <summary>
/// The Mann-Whitney U test: do two samples come from the same distribution? Rank-based, so it makes no assumption
/// of normality and a few outliers do not swing it, which suits benchmark timings. The p-value is exact for small
/// samples without ties, otherwise from the normal approximation with tie and continuity corrections.
/// </summary>
internal static class MannWhitney
{
    private const int ExactLimit = 30;

    /// <summary>Tests <paramref name="first"/> against <paramref name="second"/> (each at least one finite value).</summary>
    public static MannWhitneyResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        if (first is null || second is null)
        {
            throw new ArgumentNullException(first is null ? nameof(first) : nameof(second));
        }

        if (first.Count == 0 || second.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        int n1 = first.Count, n2 = second.Count, n = n1 + n2;
        var all = first.Select(v => (Value: v, First: true)).Concat(second.Select(v => (Value: v, First: false)))
            .OrderBy(x => x.Value).ToArray();

        // Average ranks for ties, and the tie correction term sum(t^3 - t).
        double rankSumFirst = 0, tieTerm = 0;
        var ties = false;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && all[j + 1].Value == all[i].Value)
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            var count = j - i + 1;
            if (count > 1)
            {
                ties = true;
                tieTerm += Math.Pow(count, 3) - count;
            }

            for (var k = i; k <= j; k++)
            {
                if (all[k].First)
                {
                    rankSumFirst += rank;
                }
            }

            i = j + 1;
        }

        var u1 = rankSumFirst - (n1 * (n1 + 1) / 2.0);
        var u2 = ((double)n1 * n2) - u1;
        if (!ties && n1 <= ExactLimit && n2 <= ExactLimit)
        {
            return new MannWhitneyResult(u1, Math.Min(1, 2 * ExactCdf(n1, n2, (int)Math.Round(Math.Min(u1, u2)))), exact: true);
        }

        var mean = n1 * n2 / 2.0;
        var variance = n1 * n2 / 12.0 * ((n + 1) - (tieTerm / ((double)n * (n - 1))));
        if (variance <= 0)
        {
            return new MannWhitneyResult(u1, 1, exact: false); // every value tied: no evidence of any difference
        }

        var z = Math.Max(0, Math.Abs(u1 - mean) - 0.5) / Math.Sqrt(variance);
        return new MannWhitneyResult(u1, Math.Min(1, 2 * NormalUpperTail(z)), exact: false);
    }

    // P(U <= u) under the null hypothesis: the number of rank arrangements with U <= u over all C(n1 + n2, n1),
    // counted with the recurrence f(i, j, u) = f(i - 1, j, u - j) + f(i, j - 1, u).
    private static double ExactCdf(int n1, int n2, int u)
    {
        var max = n1 * n2;
        var previous = new double[n2 + 1][];
        for (var j = 0; j <= n2; j++)
        {
            previous[j] = new double[max + 1];
            previous[j][0] = 1; // i = 0: only U = 0
        }

        for (var i = 1; i <= n1; i++)
        {
            var current = new double[n2 + 1][];
            current[0] = new double[max + 1];
            current[0][0] = 1; // j = 0: only U = 0
            for (var j = 1; j <= n2; j++)
            {
                current[j] = new double[max + 1];
                for (var v = 0; v <= i * j; v++)
                {
                    current[j][v] = (v >= j ? previous[j][v - j] : 0) + current[j - 1][v];
                }
            }

            previous = current;
        }

        var counts = previous[n2];
        double below = 0, total = 0;
        for (var v = 0; v <= max; v++)
        {
            total += counts[v];
            if (v <= u)
            {
                below += counts[v];
            }
        }

        return below / total;
    }

    // 1 - Phi(z) through erfc; Numerical Recipes' Chebyshev fit, relative error below 1.2e-7 everywhere.
    internal static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        double[] c = { -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277 };
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var polynomial = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            polynomial = (polynomial * t) + c[i];
        }

        var r = t * Math.Exp(-(z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }
}
