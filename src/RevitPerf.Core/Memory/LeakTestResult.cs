using System;

namespace RevitPerf.Core.Memory;

/// <summary>The outcome of a leak test, flat for tables and CSV; the samples and fit are behind <see cref="GetAnalysis"/>.</summary>
public sealed class LeakTestResult
{
    private readonly LeakAnalysis _analysis;

    internal LeakTestResult(string name, int iterations, TimeSpan elapsed, LeakAnalysis analysis)
    {
        Name = name;
        Iterations = iterations;
        ElapsedSeconds = elapsed.TotalSeconds;
        _analysis = analysis;
        Verdict = analysis.Verdict;
        BytesPerIteration = analysis.BytesPerIteration;
        BytesPerIterationError = analysis.Fit.SlopeErrorHalfWidth;
        ProjectedMBPer1000Runs = analysis.ProjectedBytesPer1000Runs / (1024 * 1024);
        RSquared = analysis.Fit.RSquared;
        GrowthRatio = analysis.GrowthRatio;
        Samples = analysis.RetainedBytes.Count;
        StartRetainedMB = analysis.RetainedBytes[0] / (1024 * 1024);
        EndRetainedMB = analysis.RetainedBytes[analysis.RetainedBytes.Count - 1] / (1024 * 1024);
    }

    /// <summary>What was tested.</summary>
    public string Name { get; }

    /// <summary>NoLeak, Suspected or Leak.</summary>
    public LeakVerdict Verdict { get; }

    /// <summary>Bytes retained per iteration: the slope of the trend.</summary>
    public double BytesPerIteration { get; }

    /// <summary>Half-width of the slope's 99 % confidence interval, bytes per iteration.</summary>
    public double BytesPerIterationError { get; }

    /// <summary>Projected growth over 1,000 more runs, MB.</summary>
    public double ProjectedMBPer1000Runs { get; }

    /// <summary>r² of the trend.</summary>
    public double RSquared { get; }

    /// <summary>The share of consecutive samples that grew (RevitPy's measure; above 0.7 raises suspicion).</summary>
    public double GrowthRatio { get; }

    /// <summary>Operations run.</summary>
    public int Iterations { get; }

    /// <summary>Samples of the retained heap (one per forced collection).</summary>
    public int Samples { get; }

    /// <summary>Retained managed heap at the first sample, MB.</summary>
    public double StartRetainedMB { get; }

    /// <summary>Retained managed heap at the last sample, MB.</summary>
    public double EndRetainedMB { get; }

    /// <summary>Wall time of the test, seconds.</summary>
    public double ElapsedSeconds { get; }

    /// <summary>The samples and the fit.</summary>
    public LeakAnalysis GetAnalysis() => _analysis;
}
