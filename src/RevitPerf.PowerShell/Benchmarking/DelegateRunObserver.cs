using System;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.PowerShell.Benchmarking;

/// <summary>Hands what a benchmark run reports to a cmdlet's streams, through the delegates it is given.</summary>
internal sealed class DelegateRunObserver : IBenchmarkRunObserver
{
    public Action<BenchmarkJob, int, int> OnStarting { get; set; } = (_, _, _) => { };

    public Action<BenchmarkResult> OnCompleted { get; set; } = _ => { };

    public Action<string> OnWarning { get; set; } = _ => { };

    public Action<BenchmarkJob, Exception> OnFailed { get; set; } = (_, _) => { };

    public void Starting(BenchmarkJob job, int done, int total) => OnStarting(job, done, total);

    public void Completed(BenchmarkResult result) => OnCompleted(result);

    public void Warning(string message) => OnWarning(message);

    public void Failed(BenchmarkJob job, Exception error) => OnFailed(job, error);
}
