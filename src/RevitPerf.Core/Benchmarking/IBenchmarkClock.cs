namespace RevitPerf.Core.Benchmarking;

/// <summary>The high-resolution clock a benchmark is timed with; tests inject one that moves only when told.</summary>
public interface IBenchmarkClock
{
    /// <summary>A monotonic reading in ticks of <see cref="TicksPerSecond"/>.</summary>
    long Timestamp { get; }

    /// <summary>Ticks per second.</summary>
    double TicksPerSecond { get; }
}
