using System;

namespace RevitPerf.Core.Configuration;

/// <summary>
/// One setting: its YAML key, its property (and cmdlet parameter) name, its section, its default and the values
/// it allows. <see cref="ConfigurationSchema"/> declares every setting once; validation, YAML reading and writing,
/// and the cmdlets' parameter validation all go through it.
/// </summary>
public abstract class SettingDefinition
{
    private string? _defaultText;

    private protected SettingDefinition(ConfigSection section, string key, string name, string description)
    {
        Section = section;
        Key = key;
        Name = name;
        Description = description;
    }

    /// <summary>The section the setting belongs to.</summary>
    public ConfigSection Section { get; }

    /// <summary>The snake_case key used in YAML files (the original's name).</summary>
    public string Key { get; }

    /// <summary>The PascalCase property name, which is also the Set-RevitPerformanceConfig parameter name.</summary>
    public string Name { get; }

    /// <summary>What the setting does, for help and for the comments of an exported file.</summary>
    public string Description { get; }

    /// <summary>
    /// Which capability reads the setting and what it does there (for about_RevitPerf_Configuration); a setting
    /// whose name says less than what it drives says so here.
    /// </summary>
    public string ReadBy { get; internal set; } = string.Empty;

    /// <summary>The default as help shows it (a default that depends on the machine is described in words).</summary>
    public string DefaultText
    {
        get => _defaultText ?? Show(DefaultValue);
        internal set => _defaultText = value;
    }

    /// <summary>The dotted path of the key in a YAML file, e.g. <c>benchmark.performance_targets.cache_hit_ratio</c>.</summary>
    public string Path => SectionPath(Section) + "." + Key;

    /// <summary>The CLR type of the value.</summary>
    public abstract Type ValueType { get; }

    /// <summary>The default value.</summary>
    public abstract object? DefaultValue { get; }

    /// <summary>A phrase describing the allowed values, e.g. "an integer from 1 to 2147483647".</summary>
    public abstract string AllowedValues { get; }

    /// <summary>The YAML path of a section, e.g. <c>benchmark.performance_targets</c>.</summary>
    public static string SectionPath(ConfigSection section) => section switch
    {
        ConfigSection.Optimization => ConfigurationSchema.OptimizationKey,
        ConfigSection.Benchmark => ConfigurationSchema.BenchmarkKey,
        _ => ConfigurationSchema.BenchmarkKey + "." + ConfigurationSchema.PerformanceTargetsKey,
    };

    /// <summary>Reads the setting's value from <paramref name="configuration"/>.</summary>
    public abstract object? GetValue(PerformanceConfiguration configuration);

    /// <summary>
    /// Converts <paramref name="value"/> to the setting's type, validates it and stores it.
    /// Throws <see cref="ConfigurationValueException"/> and leaves the configuration unchanged when it is refused.
    /// </summary>
    public abstract void SetValue(PerformanceConfiguration configuration, object? value);

    /// <summary>Returns null when <paramref name="value"/> is allowed, otherwise the reason it is not.</summary>
    public abstract string? Check(object? value);

    /// <summary>
    /// Reads a YAML scalar. <paramref name="plain"/> is false for quoted scalars, which are always text.
    /// Returns false when the scalar is not of the setting's type.
    /// </summary>
    public abstract bool TryParseYaml(string text, bool plain, out object? value);

    /// <summary>Formats a value as a YAML scalar that <see cref="TryParseYaml"/> reads back to the same value.</summary>
    public abstract string FormatYaml(object? value);

    /// <summary>A value as messages may show it (<see cref="Show"/>, unless it must not be shown at all).</summary>
    public virtual string Display(object? value) => Show(value);

    /// <summary>Formats a value for messages.</summary>
    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => "'" + s + "'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <inheritdoc />
    public override string ToString() => Path;
}
