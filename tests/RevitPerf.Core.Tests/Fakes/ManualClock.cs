using System;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Tests.Fakes;

/// <summary>A clock that moves only when told to; by default at TimeSpan's 10 MHz, or at the frequency given.</summary>
internal sealed class ManualClock : IClock
{
    public ManualClock(long frequency = TimeSpan.TicksPerSecond) => TimestampFrequency = frequency;

    public DateTime UtcNow { get; private set; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public long Timestamp { get; set; }

    public long TimestampFrequency { get; }

    public void Advance(TimeSpan by)
    {
        UtcNow += by;
        Timestamp += (long)(by.Ticks * ((double)TimestampFrequency / TimeSpan.TicksPerSecond));
    }
}
