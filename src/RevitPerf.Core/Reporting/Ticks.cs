using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Reporting;

/// <summary>Axis ticks at round values: 1, 2 or 5 times a power of ten, or the powers of ten on a log axis.</summary>
internal static class Ticks
{
    /// <summary>About <paramref name="count"/> round ticks covering [min, max], and the range they span.</summary>
    internal static (double Min, double Max, List<double> Values) Linear(double min, double max, int count = 5)
    {
        if (!(max > min))
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        var step = Nice((max - min) / count);
        var start = Math.Floor(min / step) * step;
        var end = Math.Ceiling(max / step) * step;
        var values = new List<double>();
        for (var v = start; v <= end + (step / 2); v += step)
        {
            values.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        }

        return (start, end, values);
    }

    /// <summary>Decades covering [min, max] (both positive) on a log axis.</summary>
    internal static (double Min, double Max, List<double> Values) Log(double min, double max)
    {
        var low = Math.Floor(Math.Log10(min));
        var high = Math.Ceiling(Math.Log10(max));
        if (high <= low)
        {
            high = low + 1;
        }

        var values = new List<double>();
        for (var e = low; e <= high; e++)
        {
            values.Add(Math.Pow(10, e));
        }

        return (Math.Pow(10, low), Math.Pow(10, high), values);
    }

    /// <summary>Ticks for seconds after a time: round minutes, hours or days.</summary>
    internal static (double Min, double Max, List<double> Values) Time(double minSeconds, double maxSeconds)
    {
        var span = Math.Max(1, maxSeconds - minSeconds);
        var steps = new double[] { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800 };
        var step = steps[steps.Length - 1];
        foreach (var s in steps)
        {
            if (span / s <= 6)
            {
                step = s;
                break;
            }
        }

        var values = new List<double>();
        for (var v = Math.Ceiling(minSeconds / step) * step; v <= maxSeconds; v += step)
        {
            values.Add(v);
        }

        return (minSeconds, Math.Max(maxSeconds, minSeconds + 1), values);
    }

    private static double Nice(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}
