using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Tests.Configuration;

public class YamlConfigurationWriterTests
{
    private static ConfigurationReadResult Read(string yaml, PerformanceConfiguration? baseline = null) =>
        YamlConfigurationReader.Read(yaml.Replace("\r\n", "\n", StringComparison.Ordinal), "test.yaml", baseline);

    [Fact]
    public void WhenDefaultsAreWrittenAndRead_TheConfigurationIsIdentical()
    {
        var text = YamlConfigurationWriter.Write(new PerformanceConfiguration());
        var result = Read(text);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.True(new PerformanceConfiguration().HasSameValues(result.Configuration!));
    }

    [Fact]
    public void WhenEverySettingIsChangedAndRoundTripped_EveryValueComesBack()
    {
        var config = new PerformanceConfiguration();
        config.Optimization.CacheMaxSize = 12_345;
        config.Optimization.CacheMaxMemoryMB = 0.1 + 0.2; // a double that needs all its digits
        config.Optimization.CacheTtlSeconds = 1e-3;
        config.Optimization.EnableAdaptiveCaching = false;
        config.Optimization.MaxWorkerThreads = 7;
        config.Optimization.MetricsCollectionIntervalSeconds = 0.1;
        config.Optimization.BenchmarkWarmupIterations = 0;
        config.Benchmark.ParallelExecution = true;
        config.Benchmark.BaselineFile = "C:\\perf\\base \"line\".json";
        config.Benchmark.ResultsDirectory = "résultats/yes";
        config.Benchmark.StrictTargetValidation = true;
        config.PerformanceTargets.CacheHitRatio = 1;
        config.PerformanceTargets.ThroughputOpsPerSec = 1e12;

        var result = Read(YamlConfigurationWriter.Write(config));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Empty(config.Differences(result.Configuration!));
    }

    [Fact]
    public void WhenWritten_EverySettingAppearsUnderItsSectionWithAComment()
    {
        var text = YamlConfigurationWriter.Write(new PerformanceConfiguration(), "header line");
        Assert.StartsWith("# header line\n", text, StringComparison.Ordinal);
        foreach (var setting in ConfigurationSchema.All)
        {
            var indent = setting.Section == ConfigSection.PerformanceTargets ? "    " : "  ";
            Assert.Contains("\n" + indent + setting.Key + ": ", text, StringComparison.Ordinal);
        }

        Assert.Contains("\n  performance_targets:\n", text, StringComparison.Ordinal);
        Assert.Contains("  baseline_file: null\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line\u2028separator")]
    [InlineData("paragraph\u2029separator")]
    [InlineData("next\u0085line")]
    [InlineData("\uFEFFbom")]
    [InlineData("nul\u0000and\u0001bell\u0007")]
    [InlineData("del\u007F and c1 \u009B")]
    [InlineData("non\uFFFEcharacters\uFFFF")]
    [InlineData("tab\tcr\rlf\n")]
    [InlineData("quote\" back\\ slash")]
    [InlineData("yes")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("# not a comment")]
    [InlineData("key: value")]
    [InlineData("- item")]
    [InlineData("{ flow }")]
    [InlineData("C:\\perf\\results")]
    [InlineData("accents é ü and emoji \uD83D\uDE00")]
    [InlineData("lone \uD800 surrogate")]
    public void WhenATextHoldsWhatYamlTreatsSpecially_ItIsWrittenSoThatItReadsBackTheSame(string text)
    {
        var configuration = new PerformanceConfiguration();
        configuration.Benchmark.ResultsDirectory = text;
        configuration.Benchmark.BaselineFile = text;
        var yaml = YamlConfigurationWriter.Write(configuration);
        var result = YamlConfigurationReader.Read(yaml, "round-trip.yaml");
        Assert.Empty(result.Problems);
        Assert.Equal(text, result.Configuration!.Benchmark.ResultsDirectory);
        Assert.Equal(text, result.Configuration.Benchmark.BaselineFile);
    }
}
