using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Tests.Configuration;

public class YamlConfigurationReaderTests
{
    private static ConfigurationReadResult Read(string yaml, PerformanceConfiguration? baseline = null) =>
        YamlConfigurationReader.Read(yaml.Replace("\r\n", "\n", StringComparison.Ordinal), "test.yaml", baseline);

    [Fact]
    public void WhenAFileNamesSomeSettings_TheOthersKeepTheBaseValues()
    {
        var baseline = new PerformanceConfiguration();
        baseline.Benchmark.MaxWorkers = 3;
        var result = Read("optimization:\n  cache_max_size: 500\nbenchmark:\n  performance_targets:\n    cache_hit_ratio: 0.9\n", baseline);
        Assert.True(result.Succeeded);
        Assert.Equal(500, result.Configuration!.Optimization.CacheMaxSize);
        Assert.Equal(0.9, result.Configuration.PerformanceTargets.CacheHitRatio);
        Assert.Equal(3, result.Configuration.Benchmark.MaxWorkers);
        Assert.Equal(10_000, baseline.Optimization.CacheMaxSize);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("optimization:\nbenchmark:\n")]
    [InlineData("---\n...\n")]
    public void WhenAFileIsEmpty_TheResultIsTheDefaults(string yaml)
    {
        var result = Read(yaml);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.True(new PerformanceConfiguration().HasSameValues(result.Configuration!));
    }

    [Fact]
    public void WhenAKeyIsUnknown_TheProblemNamesKeyFileLineColumnAndSuggestion()
    {
        var result = Read("optimization:\n  cache_max_size: 5\n  cache_max_sise: 6\n");
        Assert.Null(result.Configuration);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ConfigurationProblemKind.UnknownKey, problem.Kind);
        Assert.Equal("test.yaml", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Equal(3, problem.Column);
        Assert.Equal("optimization.cache_max_sise", problem.Key);
        Assert.Equal("optimization.cache_max_size", problem.Suggestion);
        Assert.Equal("test.yaml:3:3: unknown key 'cache_max_sise' in 'optimization'. Did you mean 'cache_max_size'?", problem.Message);
    }

    [Fact]
    public void WhenAKeyIsInTheWrongSection_TheProblemSaysWhereItBelongs()
    {
        var problem = Assert.Single(Read("benchmark:\n  cache_hit_ratio: 0.5\n").Problems);
        Assert.Equal(ConfigurationProblemKind.UnknownKey, problem.Kind);
        Assert.Equal("benchmark.performance_targets.cache_hit_ratio", problem.Suggestion);
        Assert.Contains("It belongs in 'benchmark.performance_targets'", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenATopLevelKeyIsUnknown_ItIsReportedWithTheSectionSuggestion()
    {
        var problem = Assert.Single(Read("optimisation:\n  cache_max_size: 5\n").Problems);
        Assert.Equal((1, 1), (problem.Line, problem.Column));
        Assert.Equal("optimization", problem.Suggestion);
    }

    [Theory]
    [InlineData("optimization:\n  cache_max_size: lots\n", "optimization.cache_max_size", "lots")]
    [InlineData("optimization:\n  cache_max_size: 2.5\n", "optimization.cache_max_size", "2.5")]
    [InlineData("optimization:\n  cache_max_size: \"100\"\n", "optimization.cache_max_size", "100")]
    [InlineData("optimization:\n  enable_profiling: yes\n", "optimization.enable_profiling", "yes")]
    [InlineData("optimization:\n  cache_ttl_seconds: [1, 2]\n", "optimization.cache_ttl_seconds", "a list")]
    [InlineData("optimization:\n  cache_ttl_seconds:\n", "optimization.cache_ttl_seconds", "no value (null)")]
    public void WhenAValueHasTheWrongType_TheProblemNamesKeyPlaceValueAndAllowedValues(string yaml, string key, string value)
    {
        var problem = Assert.Single(Read(yaml).Problems);
        Assert.Equal(ConfigurationProblemKind.InvalidType, problem.Kind);
        Assert.Equal(key, problem.Key);
        Assert.Equal(2, problem.Line);
        Assert.NotNull(problem.AllowedValues);
        Assert.Contains(problem.AllowedValues!, problem.Detail, StringComparison.Ordinal);
        Assert.Contains(value, problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("optimization:\n  cache_max_size: 0\n", "0", "an integer from 1 to 2147483647")]
    [InlineData("optimization:\n  cache_max_size: 99999999999\n", "99999999999", "an integer from 1 to 2147483647")]
    [InlineData("optimization:\n  cache_max_memory_mb: -5\n", "-5", "a number greater than 0 and at most 1048576")]
    [InlineData("optimization:\n  cache_max_memory_mb: .inf\n", ".inf", "a number greater than 0 and at most 1048576")]
    [InlineData("benchmark:\n  results_directory: \"\"\n", "", "a non-empty text")]
    public void WhenAValueIsOutOfRange_TheProblemNamesTheValueAndTheAllowedRange(string yaml, string value, string allowed)
    {
        var problem = Assert.Single(Read(yaml).Problems);
        Assert.Equal(ConfigurationProblemKind.OutOfRange, problem.Kind);
        Assert.Equal(value, problem.Value);
        Assert.Equal(allowed, problem.AllowedValues);
        Assert.Equal(2, problem.Line);
        Assert.Contains(allowed, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenATargetIsOutOfRange_ThePathIncludesPerformanceTargets()
    {
        var problem = Assert.Single(Read("benchmark:\n  performance_targets:\n    cache_hit_ratio: 1.5\n").Problems);
        Assert.Equal("benchmark.performance_targets.cache_hit_ratio", problem.Key);
        Assert.Equal((3, 22), (problem.Line, problem.Column));
    }

    [Fact]
    public void WhenAFileHasSeveralProblems_EveryOneIsReportedInFileOrder()
    {
        var result = Read(
            "optimization:\n" +
            "  cache_max_size: -1\n" +
            "  bogus: 1\n" +
            "  enable_profiling: maybe\n" +
            "benchmark:\n" +
            "  max_workers: 2\n" +
            "  performance_targets:\n" +
            "    startup_time_ms: 0\n" +
            "extra: 1\n");
        Assert.Null(result.Configuration);
        Assert.Equal(new[] { 2, 3, 4, 8, 9 }, result.Problems.Select(p => p.Line));
        Assert.Equal(
            new[] { ConfigurationProblemKind.OutOfRange, ConfigurationProblemKind.UnknownKey, ConfigurationProblemKind.InvalidType, ConfigurationProblemKind.OutOfRange, ConfigurationProblemKind.UnknownKey },
            result.Problems.Select(p => p.Kind));
    }

    [Theory]
    [InlineData("optimization:\n  cache_max_size: [1, 2\n", 3)]
    [InlineData("optimization:\n  cache_max_size: 1\n    bad_indent: 2\n", 3)]
    [InlineData("optimization: {\n", 2)]
    public void WhenYamlIsMalformed_TheProblemGivesLineAndColumn(string yaml, int line)
    {
        var problem = Assert.Single(Read(yaml).Problems);
        Assert.Equal(ConfigurationProblemKind.SyntaxError, problem.Kind);
        Assert.Equal(line, problem.Line);
        Assert.True(problem.Column >= 1);
        Assert.StartsWith("malformed YAML: ", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAKeyIsRepeated_ItIsASyntaxErrorAtTheRepeat()
    {
        var problem = Assert.Single(Read("optimization:\n  cache_max_size: 1\n  cache_max_size: 2\n").Problems);
        Assert.Equal(ConfigurationProblemKind.SyntaxError, problem.Kind);
        Assert.Equal(3, problem.Line);
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("just text\n")]
    public void WhenTheRootIsNotAMapping_ItIsReported(string yaml) =>
        Assert.Equal(ConfigurationProblemKind.InvalidType, Assert.Single(Read(yaml).Problems).Kind);

    [Fact]
    public void WhenASectionIsNotAMapping_ItIsReported()
    {
        var problem = Assert.Single(Read("optimization: 5\n").Problems);
        Assert.Equal(ConfigurationProblemKind.InvalidType, problem.Kind);
        Assert.Equal("optimization", problem.Key);
    }

    [Fact]
    public void WhenTwoDocumentsAreGiven_TheSecondIsReported()
    {
        var problem = Assert.Single(Read("optimization:\n  cache_max_size: 1\n---\nbenchmark:\n  max_workers: 1\n").Problems);
        Assert.Equal(ConfigurationProblemKind.SyntaxError, problem.Kind);
        Assert.Equal(4, problem.Line);
    }

    [Fact]
    public void WhenBaselineFileIsNullOrQuotedNull_NullAndTextAreKeptApart()
    {
        Assert.Null(Read("benchmark:\n  baseline_file: ~\n").Configuration!.Benchmark.BaselineFile);
        Assert.Equal("null", Read("benchmark:\n  baseline_file: \"null\"\n").Configuration!.Benchmark.BaselineFile);
    }

    [Fact]
    public void WhenAFileIsRead_TheSourceIsItsPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, "optimization:\n  cache_max_size: 77\n");
        try
        {
            var result = YamlConfigurationReader.ReadFile(path);
            Assert.Equal(path, result.Configuration!.Source);
            Assert.Equal(77, result.Configuration.Optimization.CacheMaxSize);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WhenAFileDoesNotExist_ReadFileThrowsTheIoException() =>
        Assert.Throws<FileNotFoundException>(() => YamlConfigurationReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yaml")));

    [Fact]
    public void WhenAValueNestsFiftyThousandLevelsDeep_ItIsAProblemAtItsPlaceNotAStackOverflow()
    {
        var yaml = "optimization:\n  cache_max_size: " + new string('[', 50_000) + new string(']', 50_000) + "\n";
        var result = YamlConfigurationReader.Read(yaml, "deep.yaml");
        Assert.Null(result.Configuration);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ConfigurationProblemKind.SyntaxError, problem.Kind);
        Assert.Contains("nests deeper than 64 levels", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, problem.Line);
    }

    [Theory]
    [InlineData("!!str 5", "tagged tag:yaml.org,2002:str")]
    [InlineData("!custom 5", "tagged !custom")]
    [InlineData("!!float 5", "tagged tag:yaml.org,2002:float")]
    public void WhenAnIntegerCarriesATagThatIsNotAnInteger_ItIsAWrongType(string value, string expected)
    {
        var result = YamlConfigurationReader.Read("optimization:\n  cache_max_size: " + value + "\n", "tags.yaml");
        Assert.Null(result.Configuration);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ConfigurationProblemKind.InvalidType, problem.Kind);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTagsMatchTheSettings_TheValuesAreRead()
    {
        var yaml = "optimization:\n  cache_max_size: !!int 5\n  cache_ttl_seconds: !!float 2.5\n  enable_profiling: !!bool false\n"
            + "benchmark:\n  results_directory: !!str 123\n  baseline_file: !!null\n";
        var result = YamlConfigurationReader.Read(yaml, "tags.yaml");
        Assert.Empty(result.Problems);
        Assert.Equal(5, result.Configuration!.Optimization.CacheMaxSize);
        Assert.Equal(2.5, result.Configuration.Optimization.CacheTtlSeconds);
        Assert.False(result.Configuration.Optimization.EnableProfiling);
        Assert.Equal("123", result.Configuration.Benchmark.ResultsDirectory);
        Assert.Null(result.Configuration.Benchmark.BaselineFile);
    }
}
