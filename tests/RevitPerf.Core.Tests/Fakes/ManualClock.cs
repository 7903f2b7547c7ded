using System;
using RevitPerf.Core.Time;

namespace RevitPerf.Core.Tests.Fakes;

/// <summary>A clock that moves only when told to.</summary>
internal sealed class ManualClock : IClock
{
    public DateTime UtcNow { get; private set; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public long MonotonicTicks { get; private set; }

    public void Advance(TimeSpan by)
    {
        UtcNow += by;
        MonotonicTicks += by.Ticks;
    }
}
