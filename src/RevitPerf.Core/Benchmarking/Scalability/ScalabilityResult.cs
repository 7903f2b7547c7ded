using System;
using System.Collections.Generic;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>The fit of a scalability run, flat: the straight line, RevitPy's linear verdict and the complexity class.</summary>
public sealed class ScalabilityResult
{
    private readonly IReadOnlyList<ScalabilitySizeResult> _rows;

    internal ScalabilityResult(string name, int sizes, ScalabilityFit fit, int rounds = 1, double confidence = 1, string? reason = null, IReadOnlyList<ScalabilitySizeResult>? rows = null)
    {
        _rows = rows ?? Array.Empty<ScalabilitySizeResult>();
        Name = name;
        Sizes = sizes;
        SlopeMsPerElement = fit.Linear.Slope;
        InterceptMs = fit.Linear.Intercept;
        RSquared = fit.Linear.RSquared;
        IsLinear = fit.IsLinear;
        Complexity = reason is null ? fit.Complexity : ComplexityClass.Inconclusive;
        ComplexityRSquared = fit.ComplexityRSquared;
        Rounds = rounds;
        Confidence = confidence;
        Reason = reason;
    }

    /// <summary>What was measured.</summary>
    public string Name { get; }

    /// <summary>Sizes that produced a latency and were fitted.</summary>
    public int Sizes { get; }

    /// <summary>The straight line's slope, ms per element.</summary>
    public double SlopeMsPerElement { get; }

    /// <summary>The straight line's intercept, ms.</summary>
    public double InterceptMs { get; }

    /// <summary>The straight line's r².</summary>
    public double RSquared { get; }

    /// <summary>RevitPy's verdict: r² above 0.8 and slope below 0.1 ms per element.</summary>
    public bool IsLinear { get; }

    /// <summary>The best-fitting complexity class.</summary>
    public ComplexityClass Complexity { get; }

    /// <summary>The class's goodness of fit.</summary>
    public double ComplexityRSquared { get; }

    /// <summary>Independent rounds the sizes were measured in, interleaved.</summary>
    public int Rounds { get; }

    /// <summary>The share (0..1) of bootstrap resamples of the measurements whose fit names the same class.</summary>
    public double Confidence { get; }

    /// <summary>Why the class is Inconclusive; null otherwise.</summary>
    public string? Reason { get; }

    /// <summary>The per-size rows the fit was made from (what -BySize writes), smallest size first.</summary>
    public ScalabilitySizeResult[] GetSizes()
    {
        var copy = new ScalabilitySizeResult[_rows.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = _rows[i];
        }

        return copy;
    }
}
