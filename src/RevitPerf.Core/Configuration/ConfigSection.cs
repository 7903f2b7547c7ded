namespace RevitPerf.Core.Configuration;

/// <summary>The three groups of settings; the YAML file nests <see cref="PerformanceTargets"/> inside <c>benchmark:</c>.</summary>
public enum ConfigSection
{
    /// <summary>The optimizer's settings (<c>optimization:</c>).</summary>
    Optimization,

    /// <summary>The benchmark suite's settings (<c>benchmark:</c>).</summary>
    Benchmark,

    /// <summary>The targets benchmarks are judged by (<c>benchmark: performance_targets:</c>).</summary>
    PerformanceTargets,
}
