using System;
using System.Diagnostics;
using System.Reflection;

namespace RevitPerf.Core.Kernel;

/// <summary>
/// A cheap monotonic clock with millisecond resolution, for checks on hot paths (cache expiry): on .NET it reads
/// Environment.TickCount64 (a few nanoseconds, against about 20 for a Stopwatch timestamp), bound at run time because
/// netstandard2.0 does not expose it; on .NET Framework it falls back to <see cref="Stopwatch"/>.
/// </summary>
public sealed class CoarseClock : IClock
{
    private static readonly Func<long>? s_tickCount64 = Bind();

    private CoarseClock()
    {
    }

    /// <summary>The one instance.</summary>
    public static CoarseClock Instance { get; } = new();

    /// <inheritdoc />
    public DateTime UtcNow => DateTime.UtcNow;

    /// <inheritdoc />
    public long Timestamp => Now();

    /// <inheritdoc />
    public long TimestampFrequency => s_tickCount64 is null ? Stopwatch.Frequency : 1000;

    /// <summary>The reading itself, callable without the interface (hot paths check for this clock).</summary>
    public static long Now() => s_tickCount64 is { } tickCount ? tickCount() : Stopwatch.GetTimestamp();

    private static Func<long>? Bind()
    {
        var getter = typeof(Environment).GetProperty("TickCount64", BindingFlags.Public | BindingFlags.Static)?.GetGetMethod();
        return getter is null ? null : (Func<long>)Delegate.CreateDelegate(typeof(Func<long>), getter);
    }
}
