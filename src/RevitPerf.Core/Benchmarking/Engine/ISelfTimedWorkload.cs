namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// A workload that times its operation itself, where the time around the call would measure something else: an import
/// timed inside a child process, whose launch is not the operation. The engine takes <see cref="LastRunMs"/> as the
/// iteration's time instead of its own clock's, and never subtracts an overhead from it.
/// </summary>
public interface ISelfTimedWorkload : IBenchmarkWorkload
{
    /// <summary>
    /// The time the last <see cref="IBenchmarkWorkload.Run"/> call's operations took, in milliseconds; NaN when this
    /// workload does not time itself after all (then the engine's clock counts).
    /// </summary>
    double LastRunMs { get; }
}
