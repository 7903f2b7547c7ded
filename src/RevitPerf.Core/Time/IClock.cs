using System;

namespace RevitPerf.Core.Time;

/// <summary>The time source of everything that expires, samples or schedules; tests inject a settable one.</summary>
public interface IClock
{
    /// <summary>The current time (UTC).</summary>
    DateTime UtcNow { get; }

    /// <summary>A monotonic reading in <see cref="TimeSpan"/> ticks (100 ns); only differences are meaningful.</summary>
    long MonotonicTicks { get; }
}
