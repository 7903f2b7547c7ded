using System;
using System.Runtime.CompilerServices;
using System.Threading;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Caching;

/// <summary>
/// A cache's view of its clock: readings in the clock's own ticks, time-to-live conversions, and the shortcut to the
/// coarse clock on the hit path. A readonly struct held in a field, so a read costs no extra indirection.
/// </summary>
internal readonly struct CacheClock
{
    private readonly IClock _clock;
    private readonly bool _coarse;
    private readonly double _ticksPerTimeSpanTick;

    public CacheClock(IClock? clock)
    {
        _clock = clock ?? CoarseClock.Instance;
        _coarse = ReferenceEquals(_clock, CoarseClock.Instance);
        _ticksPerTimeSpanTick = (double)_clock.TimestampFrequency / TimeSpan.TicksPerSecond;
    }

    /// <summary>The current time (UTC).</summary>
    public DateTime UtcNow => _clock.UtcNow;

    /// <summary>The current reading; the default clock is read directly, as an interface call on every hit is measurable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Now() => _coarse ? CoarseClock.Now() : _clock.Timestamp;

    /// <summary>The time between two readings.</summary>
    public TimeSpan Elapsed(long start, long end) => _clock.Elapsed(start, end);

    /// <summary>A time-to-live in the clock's ticks; infinite is <see cref="long.MaxValue"/>.</summary>
    public long TtlTicks(TimeSpan ttl) =>
        ttl == Timeout.InfiniteTimeSpan || ttl == TimeSpan.MaxValue ? long.MaxValue
        : ttl.Ticks >= long.MaxValue / Math.Max(1, _ticksPerTimeSpanTick) ? long.MaxValue - 1
        : (long)(ttl.Ticks * _ticksPerTimeSpanTick);

    /// <summary>The time-to-live <paramref name="ticks"/> stands for.</summary>
    public TimeSpan Ttl(long ticks) => ticks == long.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks((long)(ticks / _ticksPerTimeSpanTick));

    /// <summary>The reading at which an entry written at <paramref name="now"/> with <paramref name="ttlTicks"/> to live expires.</summary>
    public static long ExpiryOf(long now, long ttlTicks) =>
        ttlTicks == long.MaxValue ? long.MaxValue : now > long.MaxValue - ttlTicks ? long.MaxValue - 1 : now + ttlTicks;

    /// <summary>The UTC time of reading <paramref name="ticks"/>, given the reading and the UTC time of now.</summary>
    public DateTime ToUtc(long ticks, long nowTicks, DateTime nowUtc)
    {
        var offset = (ticks - nowTicks) / _ticksPerTimeSpanTick;
        return offset > (DateTime.MaxValue - nowUtc).Ticks ? DateTime.MaxValue : nowUtc.AddTicks((long)offset);
    }
}
