using System;
using System.Diagnostics;
using System.Reflection;

namespace RevitPerf.Core.Time;

/// <summary>
/// A cheap monotonic clock with millisecond resolution, for checks on hot paths (cache expiry): on .NET it reads
/// Environment.TickCount64 (a few nanoseconds), bound at run time because netstandard2.0 does not expose it; on
/// .NET Framework it falls back to <see cref="Stopwatch"/>.
/// </summary>
public sealed class CoarseClock : IClock
{
    private static readonly Func<long>? s_tickCount64 = Bind();
    private static readonly double s_stopwatchToTicks = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

    private CoarseClock()
    {
    }

    /// <summary>The one instance.</summary>
    public static CoarseClock Instance { get; } = new();

    /// <inheritdoc />
    public DateTime UtcNow => DateTime.UtcNow;

    /// <inheritdoc />
    public long MonotonicTicks => Now();

    /// <summary>The reading itself, callable without the interface (hot paths check for this clock).</summary>
    public static long Now() => s_tickCount64 is { } tickCount
        ? tickCount() * TimeSpan.TicksPerMillisecond
        : (long)(Stopwatch.GetTimestamp() * s_stopwatchToTicks);

    private static Func<long>? Bind()
    {
        var getter = typeof(Environment).GetProperty("TickCount64", BindingFlags.Public | BindingFlags.Static)?.GetGetMethod();
        return getter is null ? null : (Func<long>)Delegate.CreateDelegate(typeof(Func<long>), getter);
    }
}
