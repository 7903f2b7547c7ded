using System;
using System.Globalization;

namespace RevitPerf.PowerShell;

/// <summary>Formats figures for the default views: times and sizes in the unit that reads best.</summary>
public static class Display
{
    /// <summary>A time given in milliseconds, as ns, us, ms or s with three significant figures or so.</summary>
    public static string Time(double milliseconds)
    {
        var abs = Math.Abs(milliseconds);
        return abs == 0 ? "0"
            : abs < 0.001 ? (milliseconds * 1e6).ToString("0.0", CultureInfo.CurrentCulture) + " ns"
            : abs < 1 ? (milliseconds * 1e3).ToString("0.00", CultureInfo.CurrentCulture) + " us"
            : abs < 1000 ? milliseconds.ToString("0.00", CultureInfo.CurrentCulture) + " ms"
            : (milliseconds / 1000).ToString("0.00", CultureInfo.CurrentCulture) + " s";
    }

    /// <summary>A byte count as B, KB, MB or GB; "-" when unknown.</summary>
    public static string Bytes(double? bytes)
    {
        if (bytes is not { } value)
        {
            return "-";
        }

        var abs = Math.Abs(value);
        return abs < 1024 ? value.ToString("0", CultureInfo.CurrentCulture) + " B"
            : abs < 1024 * 1024 ? (value / 1024).ToString("0.0", CultureInfo.CurrentCulture) + " KB"
            : abs < 1024.0 * 1024 * 1024 ? (value / (1024 * 1024)).ToString("0.0", CultureInfo.CurrentCulture) + " MB"
            : (value / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.CurrentCulture) + " GB";
    }

    /// <summary>Operations per second with thousands separators.</summary>
    public static string Rate(double opsPerSecond) =>
        opsPerSecond >= 100 ? opsPerSecond.ToString("N0", CultureInfo.CurrentCulture) : opsPerSecond.ToString("0.00", CultureInfo.CurrentCulture);

    /// <summary>The figure a benchmark is judged by against its target: "hit ratio 93.1 % ≥ 90 %", "mean 1.20 ms ≤ 5.00 ms".</summary>
    public static string Judged(string? judgedBy, double? value, double? target)
    {
        if (judgedBy is null || target is not { } t)
        {
            return string.Empty;
        }

        var v = value ?? double.NaN;
        return judgedBy switch
        {
            "HitRatio" => string.Format(CultureInfo.CurrentCulture, "hit ratio {0:0.0} % ≥ {1:0.#} %", v * 100, t * 100),
            "PeakMemoryMB" => string.Format(CultureInfo.CurrentCulture, "memory {0} ≤ {1}", Bytes(v * 1024 * 1024), Bytes(t * 1024 * 1024)),
            "OpsPerSecond" => string.Format(CultureInfo.CurrentCulture, "ops/s {0} ≥ {1}", Rate(v), Rate(t)),
            _ => string.Format(CultureInfo.CurrentCulture, "mean {0} ≤ {1}", Time(v), Time(t)),
        };
    }
}
