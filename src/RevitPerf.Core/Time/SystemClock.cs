using System;
using System.Diagnostics;

namespace RevitPerf.Core.Time;

/// <summary>The real clock: <see cref="DateTime.UtcNow"/> and <see cref="Stopwatch"/>.</summary>
public sealed class SystemClock : IClock
{
    // Stopwatch ticks are not TimeSpan ticks on every platform; convert once per read with a double factor.
    private static readonly double s_toTimeSpanTicks = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

    private SystemClock()
    {
    }

    /// <summary>The one instance.</summary>
    public static SystemClock Instance { get; } = new();

    /// <inheritdoc />
    public DateTime UtcNow => DateTime.UtcNow;

    /// <inheritdoc />
    public long MonotonicTicks => (long)(Stopwatch.GetTimestamp() * s_toTimeSpanTicks);
}
