using System;
using System.Management.Automation;
using System.Threading;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>
/// Measures script-block benchmarks (<see cref="BenchmarkDefinition"/> jobs) on the calling runspace, in the
/// <see cref="ScriptBenchmarkRun"/> wrapper, and built-in ones (<see cref="BenchmarkSpec"/> jobs) with the engine.
/// </summary>
internal sealed class ScriptBenchmarkWorker : IBenchmarkWorker
{
    private readonly BenchmarkEngine _engine;

    public ScriptBenchmarkWorker(BenchmarkEngine engine) => _engine = engine;

    public BenchmarkMeasurement Measure(BenchmarkJob job, BenchmarkOverrides overrides, long deadline, CancellationToken cancellation)
    {
        switch (job?.Payload)
        {
            case BenchmarkDefinition definition:
                var run = new ScriptBenchmarkRun(_engine, definition, overrides, deadline, cancellation);
                run.Invoke();
                return run.Measurement ?? throw new InvalidOperationException($"The benchmark '{job.Label}' was not measured.");
            case BenchmarkSpec spec:
                overrides?.Apply(spec);
                return _engine.Run(spec, deadline, cancellation);
            default:
                throw new ArgumentException("The job is neither a script-block nor a built-in benchmark.", nameof(job));
        }
    }

    public void Dispose()
    {
    }
}
