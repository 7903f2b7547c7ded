using System;
using System.Globalization;

namespace RevitPerf.Core.Configuration;

/// <summary>A finite floating-point setting; the lower bound may be exclusive ("greater than 0").</summary>
public sealed class NumberSetting : SettingDefinition<double>
{
    internal NumberSetting(
        ConfigSection section, string key, string name, double defaultValue, double minimum, bool minimumExclusive,
        double maximum, string description,
        Func<PerformanceConfiguration, double> get, Action<PerformanceConfiguration, double> set)
        : base(section, key, name, defaultValue, description, get, set)
    {
        Minimum = minimum;
        MinimumExclusive = minimumExclusive;
        Maximum = maximum;
    }

    /// <summary>The lower bound.</summary>
    public double Minimum { get; }

    /// <summary>True when the lower bound itself is not allowed.</summary>
    public bool MinimumExclusive { get; }

    /// <summary>The largest allowed value (inclusive).</summary>
    public double Maximum { get; }

    /// <inheritdoc />
    public override string AllowedValues => MinimumExclusive
        ? string.Format(CultureInfo.InvariantCulture, "a number greater than {0} and at most {1}", Minimum, Maximum)
        : string.Format(CultureInfo.InvariantCulture, "a number from {0} to {1}", Minimum, Maximum);

    /// <inheritdoc />
    public override bool TryParseYaml(string text, bool plain, out object? value)
    {
        value = null;
        if (!plain)
        {
            return false;
        }

        // YAML spells infinity and not-a-number .inf and .nan: they are numbers, and Reason() refuses them.
        switch (text.ToLowerInvariant())
        {
            case ".inf" or "+.inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf":
                value = double.NegativeInfinity;
                return true;
            case ".nan":
                value = double.NaN;
                return true;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <inheritdoc />
    public override string FormatYaml(object? value) =>
        Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override string? Reason(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "it is not a finite number";
        }

        var min = Minimum.ToString(CultureInfo.InvariantCulture);
        if (MinimumExclusive ? value <= Minimum : value < Minimum)
        {
            return MinimumExclusive ? "it is not greater than " + min : "it is less than " + min;
        }

        return value > Maximum ? "it is greater than " + Maximum.ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <inheritdoc />
    protected override bool TryConvert(object? value, out double typed)
    {
        typed = 0;
        switch (value)
        {
            case double d:
                typed = d;
                return true;
            case float or decimal or int or long or short or byte or sbyte or ushort or uint or ulong:
                typed = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                typed = parsed;
                return true;
            default:
                return false;
        }
    }
}
