using BenchmarkDotNet.Attributes;
using RevitPerf.Core;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Benchmarks;

/// <summary>
/// What configuration costs on the paths users hit: reading the process-wide configuration (every cmdlet does),
/// and reading and writing a complete YAML file (module import with REVITPERF_CONFIG, Import/Export).
/// </summary>
[MemoryDiagnoser]
public class ConfigurationBenchmarks
{
    private string _yaml = string.Empty;

    /// <summary>Prepares a complete configuration file's text.</summary>
    [GlobalSetup]
    public void Setup() => _yaml = YamlConfigurationWriter.Write(new PerformanceConfiguration());

    /// <summary>A copy of the process-wide configuration.</summary>
    [Benchmark(Baseline = true)]
    public PerformanceConfiguration ReadCurrentConfiguration() => RevitPerfOptimizer.CurrentConfiguration;

    /// <summary>Parse and validate a complete file.</summary>
    [Benchmark]
    public ConfigurationReadResult ReadYaml() => YamlConfigurationReader.Read(_yaml, "bench.yaml");

    /// <summary>Write a complete file's text.</summary>
    [Benchmark]
    public string WriteYaml() => YamlConfigurationWriter.Write(new PerformanceConfiguration());
}
