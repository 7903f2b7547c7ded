using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Statistics;

/// <summary>
/// The one percentile definition RevitPerf uses everywhere: linear interpolation between the closest ranks
/// (Hyndman and Fan's type 7, Excel's PERCENTILE.INC). For 1..10, p95 = 9.55 and the median 5.5.
/// </summary>
internal static class Percentile
{
    /// <summary>The <paramref name="fraction"/> (0..1) percentile of <paramref name="sorted"/>, which must be sorted ascending.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double fraction)
    {
        if (sorted is null)
        {
            throw new ArgumentNullException(nameof(sorted));
        }

        if (sorted.Count == 0)
        {
            throw new ArgumentException("There are no samples.", nameof(sorted));
        }

        if (double.IsNaN(fraction) || fraction < 0 || fraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A percentile is a fraction from 0 to 1.");
        }

        var position = (sorted.Count - 1) * fraction;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
