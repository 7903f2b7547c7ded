using System;
using System.Threading;

namespace RevitPerf.Core.Benchmarking;

/// <summary>Measures built-in benchmarks (<see cref="BenchmarkSpec"/> payloads) on the calling thread.</summary>
internal sealed class SpecWorker : IBenchmarkWorker
{
    private readonly BenchmarkEngine _engine;

    public SpecWorker(BenchmarkEngine engine) => _engine = engine;

    public BenchmarkMeasurement Measure(BenchmarkJob job, BenchmarkOverrides overrides, long deadline, CancellationToken cancellation)
    {
        var spec = job?.Payload as BenchmarkSpec ?? throw new ArgumentException("The job is not a built-in benchmark.", nameof(job));
        overrides?.Apply(spec);
        return _engine.Run(spec, deadline, cancellation);
    }

    public void Dispose()
    {
    }
}
