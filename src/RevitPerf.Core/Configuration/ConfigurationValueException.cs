using System;

namespace RevitPerf.Core.Configuration;

/// <summary>Thrown when a setting is given a value outside its allowed range or of the wrong type.</summary>
public sealed class ConfigurationValueException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="setting"/> and the refused <paramref name="value"/>.</summary>
    public ConfigurationValueException(SettingDefinition setting, object? value, string message)
        : base(message, setting?.Name)
    {
        Setting = setting ?? throw new ArgumentNullException(nameof(setting));
        Value = value;
    }

    /// <summary>The setting that refused the value.</summary>
    public SettingDefinition Setting { get; }

    /// <summary>The refused value.</summary>
    public object? Value { get; }
}
