using System;

namespace RevitPerf.Core.Benchmarking;

/// <summary>What a run tells its caller as it goes, always on the caller's thread (a cmdlet writes it to its streams).</summary>
public interface IBenchmarkRunObserver
{
    /// <summary>A benchmark is about to be measured (or, in a parallel run, waited for).</summary>
    void Starting(BenchmarkJob job, int done, int total);

    /// <summary>A benchmark finished: its result, compared with the baseline when there is one.</summary>
    void Completed(BenchmarkResult result);

    /// <summary>Something the user should know (a regression, a missed target, the suite timeout).</summary>
    void Warning(string message);

    /// <summary>A benchmark could not be measured at all (its parallel worker failed).</summary>
    void Failed(BenchmarkJob job, Exception error);
}
