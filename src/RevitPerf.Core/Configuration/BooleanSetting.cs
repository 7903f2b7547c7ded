using System;

namespace RevitPerf.Core.Configuration;

/// <summary>A true/false setting.</summary>
public sealed class BooleanSetting : SettingDefinition<bool>
{
    internal BooleanSetting(
        ConfigSection section, string key, string name, bool defaultValue, string description,
        Func<PerformanceConfiguration, bool> get, Action<PerformanceConfiguration, bool> set)
        : base(section, key, name, defaultValue, description, get, set)
    {
    }

    /// <inheritdoc />
    public override string AllowedValues => "true or false";

    /// <inheritdoc />
    public override bool TryParseYaml(string text, bool plain, out object? value)
    {
        value = null;

        // YAML 1.2 core schema: only true/false are booleans (not yes/no/on/off, which YAML 1.1 allowed).
        if (!plain || !TryConvert(text, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <inheritdoc />
    public override string FormatYaml(object? value) => value is true ? "true" : "false";

    /// <inheritdoc />
    protected override string? Reason(bool value) => null;

    /// <inheritdoc />
    protected override bool TryConvert(object? value, out bool typed)
    {
        typed = false;
        switch (value)
        {
            case bool b:
                typed = b;
                return true;
            case string s when string.Equals(s, "true", StringComparison.OrdinalIgnoreCase):
                typed = true;
                return true;
            case string s when string.Equals(s, "false", StringComparison.OrdinalIgnoreCase):
                return true;
            default:
                return false;
        }
    }
}
