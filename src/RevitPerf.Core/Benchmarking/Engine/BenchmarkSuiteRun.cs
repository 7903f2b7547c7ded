using System.Collections.Generic;

namespace RevitPerf.Core.Benchmarking;

/// <summary>The results of a suite run: every finished measurement, and what the suite timeout left out.</summary>
public sealed class BenchmarkSuiteRun
{
    internal BenchmarkSuiteRun(IReadOnlyList<BenchmarkMeasurement> results, IReadOnlyList<string> notRun, bool timedOut)
    {
        Results = results;
        NotRun = notRun;
        TimedOut = timedOut;
    }

    /// <summary>The measurements, in run order (the one the timeout stopped included, with its samples).</summary>
    public IReadOnlyList<BenchmarkMeasurement> Results { get; }

    /// <summary>Names of the benchmarks the suite timeout left unstarted.</summary>
    public IReadOnlyList<string> NotRun { get; }

    /// <summary>True when the suite timeout cut the run short.</summary>
    public bool TimedOut { get; }
}
