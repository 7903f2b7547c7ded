using System.Diagnostics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>The real benchmark clock: <see cref="Stopwatch"/>'s raw timestamp, at full resolution.</summary>
public sealed class StopwatchClock : IBenchmarkClock
{
    private StopwatchClock()
    {
    }

    /// <summary>The one instance.</summary>
    public static StopwatchClock Instance { get; } = new();

    /// <inheritdoc />
    public long Timestamp => Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public double TicksPerSecond => Stopwatch.Frequency;
}
