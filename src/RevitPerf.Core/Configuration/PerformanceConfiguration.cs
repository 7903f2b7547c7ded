using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Configuration;

/// <summary>
/// The whole configuration: three flat sections. Instances are ordinary objects; the process-wide configuration
/// held by <see cref="RevitPerfOptimizer"/> is never handed out, only copies of it.
/// </summary>
public sealed class PerformanceConfiguration
{
    /// <summary>Creates a configuration with every default.</summary>
    public PerformanceConfiguration()
        : this(new OptimizationConfig(), new BenchmarkConfiguration(), new PerformanceTargets(), DefaultSource)
    {
    }

    private PerformanceConfiguration(
        OptimizationConfig optimization, BenchmarkConfiguration benchmark, PerformanceTargets targets, string source)
    {
        Optimization = optimization;
        Benchmark = benchmark;
        PerformanceTargets = targets;
        Source = source;
    }

    /// <summary>The <see cref="Source"/> of a configuration that holds the defaults.</summary>
    public const string DefaultSource = "Defaults";

    /// <summary>The optimizer's settings.</summary>
    public OptimizationConfig Optimization { get; }

    /// <summary>The benchmark suite's settings.</summary>
    public BenchmarkConfiguration Benchmark { get; }

    /// <summary>The targets benchmarks are judged by.</summary>
    public PerformanceTargets PerformanceTargets { get; }

    /// <summary>Where the values came from: "Defaults", a file path, or the command that last changed them.</summary>
    public string Source { get; set; }

    /// <summary>Returns an independent deep copy.</summary>
    public PerformanceConfiguration Clone() =>
        new(Optimization.Clone(), Benchmark.Clone(), PerformanceTargets.Clone(), Source);

    /// <summary>Returns a copy of the given section object.</summary>
    public object GetSection(ConfigSection section) => section switch
    {
        ConfigSection.Optimization => Optimization.Clone(),
        ConfigSection.Benchmark => Benchmark.Clone(),
        _ => PerformanceTargets.Clone(),
    };

    /// <summary>Sets every setting of <paramref name="section"/> back to its default.</summary>
    public void ResetSection(ConfigSection section)
    {
        foreach (var setting in ConfigurationSchema.InSection(section))
        {
            setting.SetValue(this, setting.DefaultValue);
        }
    }

    /// <summary>The settings whose values differ between this configuration and <paramref name="other"/>.</summary>
    public IReadOnlyList<SettingDefinition> Differences(PerformanceConfiguration other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        return ConfigurationSchema.All.Where(s => !Equals(s.GetValue(this), s.GetValue(other))).ToList();
    }

    /// <summary>True when every setting has the same value (the <see cref="Source"/> is not compared).</summary>
    public bool HasSameValues(PerformanceConfiguration other) => Differences(other).Count == 0;
}
