using System;

namespace RevitPerf.Core.Kernel;

/// <summary>Conversions between a clock's timestamps and <see cref="TimeSpan"/>.</summary>
public static class ClockExtensions
{
    /// <summary>The time between two of <paramref name="clock"/>'s timestamps.</summary>
    public static TimeSpan Elapsed(this IClock clock, long start, long end) =>
        TimeSpan.FromTicks((long)((end - start) * ((double)TimeSpan.TicksPerSecond / Frequency(clock))));

    /// <summary>The time since <paramref name="start"/>, one of <paramref name="clock"/>'s timestamps.</summary>
    public static TimeSpan Since(this IClock clock, long start) => Elapsed(clock, start, clock.Timestamp);

    /// <summary>
    /// <paramref name="span"/> in <paramref name="clock"/>'s timestamp ticks, saturating at a quarter of
    /// <see cref="long.MaxValue"/> so that a timestamp plus it never overflows.
    /// </summary>
    public static long ToTimestampTicks(this IClock clock, TimeSpan span)
    {
        // Compared as doubles, converted only within range: a double cannot hold long.MaxValue / 4 exactly.
        var ticks = span.TotalSeconds * Frequency(clock);
        return ticks >= long.MaxValue / 4 ? long.MaxValue / 4 : ticks <= long.MinValue / 4 ? long.MinValue / 4 : (long)ticks;
    }

    private static long Frequency(IClock clock) =>
        (clock ?? throw new ArgumentNullException(nameof(clock))).TimestampFrequency;
}
