using System;

namespace RevitPerf.Core.Kernel;

/// <summary>
/// The one time source of everything that expires, samples, schedules or times a benchmark: wall-clock time and a
/// monotonic timestamp with its frequency (the shape of .NET's TimeProvider). Tests inject a clock that moves only
/// when told to.
/// </summary>
public interface IClock
{
    /// <summary>The current time (UTC).</summary>
    DateTime UtcNow { get; }

    /// <summary>A monotonic reading in ticks of <see cref="TimestampFrequency"/>; only differences are meaningful.</summary>
    long Timestamp { get; }

    /// <summary>Timestamp ticks per second.</summary>
    long TimestampFrequency { get; }
}
