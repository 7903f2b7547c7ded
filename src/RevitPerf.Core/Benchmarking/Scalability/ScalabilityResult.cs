using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>The fit of a scalability run, flat: the straight line, RevitPy's linear verdict and the complexity class.</summary>
public sealed class ScalabilityResult
{
    internal ScalabilityResult(string name, int sizes, ScalabilityFit fit)
    {
        Name = name;
        Sizes = sizes;
        SlopeMsPerElement = fit.Linear.Slope;
        InterceptMs = fit.Linear.Intercept;
        RSquared = fit.Linear.RSquared;
        IsLinear = fit.IsLinear;
        Complexity = fit.Complexity;
        ComplexityRSquared = fit.ComplexityRSquared;
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
}
