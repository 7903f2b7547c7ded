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
}
