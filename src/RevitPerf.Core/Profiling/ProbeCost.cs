namespace RevitPerf.Core.Profiling;

/// <summary>
/// What the profiler's probes cost per statement, as calibrated: in all (<see cref="Ticks"/>, what a statement run
/// adds to the code's time) and inside the statement's own window (<see cref="InnerTicks"/>, what its measured time
/// holds beyond its work); the rest lands in the enclosing statement. Likewise for allocated bytes.
/// </summary>
internal readonly struct ProbeCost
{
    public ProbeCost(double ticks, double innerTicks, double bytes, double innerBytes)
    {
        Ticks = ticks < 0 ? 0 : ticks;
        InnerTicks = innerTicks < 0 ? 0 : innerTicks > Ticks ? Ticks : innerTicks;
        Bytes = bytes < 0 ? 0 : bytes;
        InnerBytes = innerBytes < 0 ? 0 : innerBytes > Bytes ? Bytes : innerBytes;
    }

    public static ProbeCost None => default;

    public double Ticks { get; }

    public double InnerTicks { get; }

    public double Bytes { get; }

    public double InnerBytes { get; }
}
