using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Benchmarking;

/// <summary>What a whole run came to: its results, what was not run, the results file, and the missed targets.</summary>
public sealed class BenchmarkRunSummary
{
    internal BenchmarkRunSummary(
        IReadOnlyList<BenchmarkResult> results, IReadOnlyList<MetricComparison> comparisons, IReadOnlyList<string> notRun,
        IReadOnlyList<TargetMiss> misses, bool failsRun, string? resultsFile, Exception? resultsFileError)
    {
        Results = results;
        Comparisons = comparisons;
        NotRun = notRun;
        Misses = misses;
        FailsRun = failsRun;
        ResultsFile = resultsFile;
        ResultsFileError = resultsFileError;
    }

    /// <summary>Every finished result, in the order the benchmarks were listed.</summary>
    public IReadOnlyList<BenchmarkResult> Results { get; }

    /// <summary>Every metric compared with the baseline.</summary>
    public IReadOnlyList<MetricComparison> Comparisons { get; }

    /// <summary>The benchmarks the suite's time limit left unstarted (Suite/Name).</summary>
    public IReadOnlyList<string> NotRun { get; }

    /// <summary>Every target missed.</summary>
    public IReadOnlyList<TargetMiss> Misses { get; }

    /// <summary>True when a target was missed and the run is strict: the caller should fail.</summary>
    public bool FailsRun { get; }

    /// <summary>The results file written, or null.</summary>
    public string? ResultsFile { get; }

    /// <summary>Why the results file could not be written, or null.</summary>
    public Exception? ResultsFileError { get; }
}
