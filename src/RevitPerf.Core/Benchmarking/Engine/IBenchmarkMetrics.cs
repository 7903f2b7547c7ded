namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// A workload that measures figures the engine cannot see from outside (a cache's hit ratio, the memory a child
/// process reports). The engine calls <see cref="BeginMeasurement"/> after the warm-up, pilot and calibration, just
/// before the measured iterations, and reads the figures after them, outside the timed window.
/// </summary>
public interface IBenchmarkMetrics
{
    /// <summary>Forgets everything recorded so far: the figures cover the measured iterations only.</summary>
    void BeginMeasurement();

    /// <summary>The benchmark's memory in MB, replacing the engine's live-heap peak; null to keep the engine's.</summary>
    double? MemoryMB { get; }

    /// <summary>The hit ratio (0..1) of the measured iterations; null when the workload has none.</summary>
    double? HitRatio { get; }
}
