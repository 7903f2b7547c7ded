using System;
using System.Diagnostics;

namespace RevitPerf.Core.Kernel;

/// <summary>The real clock at full resolution: <see cref="DateTime.UtcNow"/> and <see cref="Stopwatch"/>'s raw timestamp.</summary>
public sealed class SystemClock : IClock
{
    private SystemClock()
    {
    }

    /// <summary>The one instance.</summary>
    public static SystemClock Instance { get; } = new();

    /// <inheritdoc />
    public DateTime UtcNow => DateTime.UtcNow;

    /// <inheritdoc />
    public long Timestamp => Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public long TimestampFrequency => Stopwatch.Frequency;
}
