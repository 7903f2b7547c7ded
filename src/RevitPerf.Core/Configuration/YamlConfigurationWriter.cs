using System;
using System.Text;

namespace RevitPerf.Core.Configuration;

/// <summary>
/// Writes every setting with its current value, each under a comment saying what it does and what it allows.
/// Reading the text back with <see cref="YamlConfigurationReader"/> gives an identical configuration.
/// </summary>
public static class YamlConfigurationWriter
{
    /// <summary>Returns the YAML text of <paramref name="configuration"/> (LF line ends).</summary>
    public static string Write(PerformanceConfiguration configuration, string? header = null)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var text = new StringBuilder();
        foreach (var line in (header ?? "RevitPerf performance configuration.").Split('\n'))
        {
            text.Append("# ").Append(line.TrimEnd('\r')).Append('\n');
        }

        text.Append("# Settings left out of a file take their defaults. Keys are RevitPy's names.\n");
        WriteSection(text, configuration, ConfigSection.Optimization, ConfigurationSchema.OptimizationKey, 0);
        WriteSection(text, configuration, ConfigSection.Benchmark, ConfigurationSchema.BenchmarkKey, 0);
        WriteSection(text, configuration, ConfigSection.PerformanceTargets, ConfigurationSchema.PerformanceTargetsKey, 1);
        return text.ToString();
    }

    private static void WriteSection(StringBuilder text, PerformanceConfiguration configuration, ConfigSection section, string key, int depth)
    {
        var indent = new string(' ', depth * 2);
        text.Append('\n').Append(indent).Append(key).Append(":\n");
        foreach (var setting in ConfigurationSchema.InSection(section))
        {
            text.Append(indent).Append("  # ").Append(setting.Description)
                .Append(" Allowed: ").Append(setting.AllowedValues).Append(".\n");
            text.Append(indent).Append("  ").Append(setting.Key).Append(": ")
                .Append(setting.FormatYaml(setting.GetValue(configuration))).Append('\n');
        }
    }
}
