using System.Threading;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>A built-in benchmark handed to a runspace of the -Parallel pool, which calls <see cref="Measure"/>.</summary>
public sealed class SpecRun
{
    private readonly BenchmarkEngine _engine;
    private readonly BenchmarkSpec _spec;
    private readonly long? _deadline;
    private readonly CancellationToken _cancellation;

    internal SpecRun(BenchmarkEngine engine, BenchmarkSpec spec, long? deadline, CancellationToken cancellation)
    {
        _engine = engine;
        _spec = spec;
        _deadline = deadline;
        _cancellation = cancellation;
    }

    internal BenchmarkMeasurement? Measurement { get; private set; }

    /// <summary>Measures the benchmark on the calling thread.</summary>
    public void Measure() => Measurement = _engine.Run(_spec, _deadline, _cancellation);
}
