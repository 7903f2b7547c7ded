using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Tests.Configuration;

public class ConfigurationSchemaTests
{
    public static IEnumerable<object[]> IntegerSettings() =>
        ConfigurationSchema.All.OfType<IntegerSetting>().Select(s => new object[] { s.Name });

    public static IEnumerable<object[]> NumberSettings() =>
        ConfigurationSchema.All.OfType<NumberSetting>().Select(s => new object[] { s.Name });

    [Theory]
    [MemberData(nameof(IntegerSettings))]
    public void WhenAnIntegerIsOutsideItsRange_ItIsRefusedAndTheValueStays(string name)
    {
        var setting = (IntegerSetting)ConfigurationSchema.FindByName(name)!;
        var config = new PerformanceConfiguration();

        setting.SetValue(config, setting.Minimum);
        Assert.Equal(setting.Minimum, setting.GetValue(config));
        setting.SetValue(config, setting.Maximum);
        Assert.Equal(setting.Maximum, setting.GetValue(config));

        var below = Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, (long)setting.Minimum - 1));
        Assert.Same(setting, below.Setting);
        Assert.Contains(setting.AllowedValues, below.Message, StringComparison.Ordinal);
        if (setting.Maximum < int.MaxValue)
        {
            Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, (long)setting.Maximum + 1));
        }

        Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, 2.5));
        Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, "many"));
        Assert.Equal(setting.Maximum, setting.GetValue(config));
    }

    [Theory]
    [MemberData(nameof(NumberSettings))]
    public void WhenANumberIsOutsideItsRangeOrNotFinite_ItIsRefusedAndTheValueStays(string name)
    {
        var setting = (NumberSetting)ConfigurationSchema.FindByName(name)!;
        var config = new PerformanceConfiguration();
        var before = setting.GetValue(config);

        if (setting.MinimumExclusive)
        {
            Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, setting.Minimum));
            setting.SetValue(config, setting.Minimum + 1e-9);
        }
        else
        {
            Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, setting.Minimum - 1e-9));
            setting.SetValue(config, setting.Minimum);
        }

        setting.SetValue(config, setting.Maximum);
        Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, setting.Maximum * 1.001));
        Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, double.NaN));
        Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, double.PositiveInfinity));
        Assert.Throws<ConfigurationValueException>(() => setting.SetValue(config, -1.0));
        Assert.Equal(setting.Maximum, setting.GetValue(config));
        Assert.NotEqual(before, setting.GetValue(config));
    }

    [Fact]
    public void WhenTheHitRatioTargetIsOutside0To1_ItIsRefused()
    {
        var targets = new PerformanceTargets();
        targets.CacheHitRatio = 0;
        targets.CacheHitRatio = 1;
        Assert.Throws<ConfigurationValueException>(() => targets.CacheHitRatio = 1.01);
        Assert.Throws<ConfigurationValueException>(() => targets.CacheHitRatio = -0.01);
        Assert.Equal(1, targets.CacheHitRatio);
    }

    [Fact]
    public void WhenAPropertyIsSetDirectlyToAnInvalidValue_TheSetterThrows()
    {
        var o = new OptimizationConfig();
        var ex = Assert.Throws<ConfigurationValueException>(() => o.CacheMaxSize = 0);
        Assert.Equal("optimization.cache_max_size (CacheMaxSize) must be an integer from 1 to 2147483647; 0 is not allowed: it is less than 1.", ex.Message[..ex.Message.IndexOf(" (Parameter", StringComparison.Ordinal)]);
        Assert.Throws<ConfigurationValueException>(() => o.PoolCleanupIntervalSeconds = 0);
        Assert.Throws<ConfigurationValueException>(() => o.MetricsCollectionIntervalSeconds = 0.05);
        Assert.Throws<ConfigurationValueException>(() => o.BenchmarkTestIterations = 0);
        o.BenchmarkWarmupIterations = 0;
        Assert.Throws<ConfigurationValueException>(() => o.BenchmarkWarmupIterations = -1);
        Assert.Equal(10_000, o.CacheMaxSize);
    }

    [Fact]
    public void WhenTextSettingsAreEmpty_RequiredOnesAreRefusedAndOptionalOnesTakeNull()
    {
        var b = new BenchmarkConfiguration();
        Assert.Throws<ConfigurationValueException>(() => b.ResultsDirectory = null);
        Assert.Throws<ConfigurationValueException>(() => b.ResultsDirectory = "  ");
        b.BaselineFile = "baseline.json";
        b.BaselineFile = null;
        Assert.Throws<ConfigurationValueException>(() => b.BaselineFile = "");
        Assert.Equal("benchmark_results", b.ResultsDirectory);
    }

    [Fact]
    public void WhenCheckIsAsked_ItNamesTheReasonWithoutChangingAnything()
    {
        Assert.Null(ConfigurationSchema.CacheMaxSize.Check(5));
        Assert.Equal("it is less than 1", ConfigurationSchema.CacheMaxSize.Check(0));
        Assert.Equal("it is not a number greater than 0 and at most 1048576", ConfigurationSchema.CacheMaxMemoryMB.Check("lots"));
        Assert.Equal("it is not true or false", ConfigurationSchema.SaveResults.Check(1));
        Assert.Null(ConfigurationSchema.SaveResults.Check("TRUE"));
    }

    [Fact]
    public void WhenLooseValuesArrive_TheyAreConvertedToTheSettingsType()
    {
        var config = new PerformanceConfiguration();
        ConfigurationSchema.CacheMaxSize.SetValue(config, 42L);
        ConfigurationSchema.CacheMaxSize.SetValue(config, 43.0);
        ConfigurationSchema.CacheMaxMemoryMB.SetValue(config, 7);
        ConfigurationSchema.CacheMaxMemoryMB.SetValue(config, 7.5m);
        ConfigurationSchema.SaveResults.SetValue(config, "false");
        Assert.Equal(43, config.Optimization.CacheMaxSize);
        Assert.Equal(7.5, config.Optimization.CacheMaxMemoryMB);
        Assert.False(config.Benchmark.SaveResults);
        Assert.Throws<ConfigurationValueException>(() => ConfigurationSchema.CacheMaxSize.SetValue(config, 3_000_000_000L));
    }

    [Fact]
    public void WhenSettingsAreLookedUp_NamesAreCaseInsensitiveAndKeysExact()
    {
        Assert.Same(ConfigurationSchema.CacheMaxSize, ConfigurationSchema.FindByName("cachemaxsize"));
        Assert.Same(ConfigurationSchema.CacheHitRatio, ConfigurationSchema.FindByKey(ConfigSection.PerformanceTargets, "cache_hit_ratio"));
        Assert.Null(ConfigurationSchema.FindByKey(ConfigSection.Optimization, "cache_hit_ratio"));
        Assert.Null(ConfigurationSchema.FindByName("NoSuchSetting"));
        Assert.Equal("benchmark.performance_targets.cache_hit_ratio", ConfigurationSchema.CacheHitRatio.Path);
    }

    // Wired by the capabilities still to come; each leaves this list in the change that makes it read the setting.
    private static readonly string[] s_readByCapabilitiesToCome = System.Array.Empty<string>();

    [Fact]
    public void WhenASettingIsDeclared_CodeOutsideTheConfigurationReadsIt()
    {
        // A setting nothing reads is a promise the module does not keep. The configuration itself (and the cmdlet that
        // sets every setting) only stores values; any other mention of the property is a reader.
        var root = RepositoryRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("RevitPerf.Core", "Configuration"), StringComparison.Ordinal)
                && !f.EndsWith("SetRevitPerformanceConfigCommand.cs", StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var unread = ConfigurationSchema.All
            .Where(s => !sources.Any(text => Regex.IsMatch(text, @"\." + s.Name + @"\b")))
            .Select(s => s.Name)
            .ToList();
        Assert.Equal(s_readByCapabilitiesToCome.OrderBy(n => n), unread.OrderBy(n => n));
        Assert.All(ConfigurationSchema.All, s => Assert.False(string.IsNullOrWhiteSpace(s.ReadBy), s.Name + " says nothing of what reads it"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RevitPerf.PowerShell.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
