using System;
using System.Text;

namespace RevitPerf.Core.Configuration;

/// <summary>A text setting (a path, usually); optional ones accept null.</summary>
public sealed class TextSetting : SettingDefinition<string?>
{
    internal TextSetting(
        ConfigSection section, string key, string name, string? defaultValue, bool optional, string description,
        Func<PerformanceConfiguration, string?> get, Action<PerformanceConfiguration, string?> set)
        : base(section, key, name, defaultValue, description, get, set)
    {
        Optional = optional;
    }

    /// <summary>True when null (no value) is allowed.</summary>
    public bool Optional { get; }

    /// <inheritdoc />
    public override string AllowedValues => Optional ? "a non-empty text or null" : "a non-empty text";

    /// <inheritdoc />
    public override bool TryParseYaml(string text, bool plain, out object? value)
    {
        // Plain null, ~ and an empty value are YAML's null; quoted, they are text.
        value = plain && (text.Length == 0 || text == "~" || string.Equals(text, "null", StringComparison.OrdinalIgnoreCase))
            ? null
            : text;
        return true;
    }

    /// <inheritdoc />
    public override string FormatYaml(object? value)
    {
        if (value is not string s)
        {
            return "null";
        }

        // Always double-quoted: a path such as C:\results or a value such as "yes" stays text when read back.
        var builder = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <inheritdoc />
    protected override string? Reason(string? value) =>
        value is null ? (Optional ? null : "a value is required")
        : value.Trim().Length == 0 ? "it is empty"
        : null;

    /// <inheritdoc />
    protected override bool TryConvert(object? value, out string? typed)
    {
        typed = value as string;
        return value is null or string;
    }
}
