using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Statistics;

/// <summary>
/// The relative change of the median from a baseline's samples to a current run's, with a 95 % percentile-bootstrap
/// confidence interval (both samples resampled, a fixed seed so a report says the same every time it is written).
/// </summary>
internal static class MedianChange
{
    /// <summary>Bootstrap resamples.</summary>
    public const int Resamples = 200;

    private const int Seed = 20_261_130;

    /// <summary>The change in percent and its interval; null when either side has no samples or the baseline's median is 0.</summary>
    public static (double Percent, double LowPercent, double HighPercent)? Estimate(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        if (baseline is null || current is null || baseline.Count == 0 || current.Count == 0)
        {
            return null;
        }

        var b = ToArray(baseline);
        var c = ToArray(current);
        var baseMedian = Median(b, (double[])b.Clone());
        if (baseMedian == 0)
        {
            return null;
        }

        var change = (Median(c, (double[])c.Clone()) / baseMedian - 1) * 100;
        var random = new Random(Seed);
        var scratchB = new double[b.Length];
        var scratchC = new double[c.Length];
        var changes = new double[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            Draw(b, scratchB, random);
            Draw(c, scratchC, random);
            var mb = Median(scratchB, scratchB);
            changes[r] = mb == 0 ? change : (Median(scratchC, scratchC) / mb - 1) * 100;
        }

        Array.Sort(changes);
        return (change, Percentile.OfSorted(changes, 0.025), Percentile.OfSorted(changes, 0.975));
    }

    private static double[] ToArray(IReadOnlyList<double> values)
    {
        var array = new double[values.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = values[i];
        }

        return array;
    }

    private static void Draw(double[] source, double[] target, Random random)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = source[random.Next(source.Length)];
        }
    }

    /// <summary>The median of <paramref name="values"/>, found in place in <paramref name="work"/> (which may be the same array).</summary>
    private static double Median(double[] values, double[] work)
    {
        if (!ReferenceEquals(values, work))
        {
            Array.Copy(values, work, values.Length);
        }

        var n = work.Length;
        var upper = Select(work, n / 2);
        if (n % 2 == 1)
        {
            return upper;
        }

        // After selecting n/2, everything left of it is no larger: the lower middle is the largest of them.
        var lower = double.NegativeInfinity;
        for (var i = 0; i < n / 2; i++)
        {
            lower = Math.Max(lower, work[i]);
        }

        return (lower + upper) / 2;
    }

    // Hoare's quickselect: linear on average, so 200 resamples of 1,000 samples cost well under a millisecond each.
    private static double Select(double[] a, int k)
    {
        int left = 0, right = a.Length - 1;
        while (left < right)
        {
            var pivot = a[left + ((right - left) / 2)];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return a[k];
    }
}
