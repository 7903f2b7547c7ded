using System;
using System.Globalization;

namespace RevitPerf.Core.Configuration;

/// <summary>An integer setting with an inclusive range.</summary>
public sealed class IntegerSetting : SettingDefinition<int>
{
    internal IntegerSetting(
        ConfigSection section, string key, string name, int defaultValue, int minimum, int maximum, string description,
        Func<PerformanceConfiguration, int> get, Action<PerformanceConfiguration, int> set)
        : base(section, key, name, defaultValue, description, get, set)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The smallest allowed value.</summary>
    public int Minimum { get; }

    /// <summary>The largest allowed value.</summary>
    public int Maximum { get; }

    /// <inheritdoc />
    public override string AllowedValues =>
        string.Format(CultureInfo.InvariantCulture, "an integer from {0} to {1}", Minimum, Maximum);

    /// <inheritdoc />
    public override bool TryParseYaml(string text, bool plain, out object? value)
    {
        value = null;
        if (!plain || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        // A value beyond Int32 is still an integer: report it as out of range, not as the wrong type.
        value = parsed;
        return true;
    }

    /// <inheritdoc />
    public override string FormatYaml(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0";

    /// <inheritdoc />
    protected override string? Reason(int value) =>
        value < Minimum ? $"it is less than {Minimum.ToString(CultureInfo.InvariantCulture)}"
        : value > Maximum ? $"it is greater than {Maximum.ToString(CultureInfo.InvariantCulture)}"
        : null;

    /// <inheritdoc />
    protected override string? ReasonBeforeConversion(object? value)
    {
        // A whole number too large for Int32 is out of range, not of the wrong type.
        double? whole = value switch
        {
            long l => l,
            ulong u => u,
            double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Floor(d) == d => d,
            string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return whole < Minimum ? $"it is less than {Minimum.ToString(CultureInfo.InvariantCulture)}"
            : whole > Maximum ? $"it is greater than {Maximum.ToString(CultureInfo.InvariantCulture)}"
            : null;
    }

    /// <inheritdoc />
    protected override bool TryConvert(object? value, out int typed)
    {
        typed = 0;
        switch (value)
        {
            case int i:
                typed = i;
                return true;
            case long l when l >= int.MinValue && l <= int.MaxValue:
                typed = (int)l;
                return true;
            case short or byte or sbyte or ushort or uint:
                typed = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                return true;
            case double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Floor(d) == d && d >= int.MinValue && d <= int.MaxValue:
                typed = (int)d;
                return true;
            case string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return TryConvert(parsed, out typed);
            default:
                return false;
        }
    }
}
