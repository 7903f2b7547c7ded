using System;
using System.Threading;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Measures jobs on one thread of execution: the caller's own (PowerShell's runspace, for script blocks) or, in a
/// parallel run, one of its own (a runspace per worker). A worker measures one job at a time.
/// </summary>
public interface IBenchmarkWorker : IDisposable
{
    /// <summary>
    /// Measures <paramref name="job"/> within <paramref name="deadline"/> (a timestamp of the run's engine clock);
    /// <paramref name="cancellation"/> stops it after its teardown with an <see cref="OperationCanceledException"/>.
    /// </summary>
    BenchmarkMeasurement Measure(BenchmarkJob job, BenchmarkOverrides overrides, long deadline, CancellationToken cancellation);
}
