using System;
using System.Text;

namespace RevitPerf.Core.Configuration;

/// <summary>A text setting (a path, usually); optional ones accept null.</summary>
public sealed class TextSetting : SettingDefinition<string?>
{
    internal TextSetting(
        ConfigSection section, string key, string name, string? defaultValue, bool optional, string description,
        Func<PerformanceConfiguration, string?> get, Action<PerformanceConfiguration, string?> set, bool refusesPasswords = false)
        : base(section, key, name, defaultValue, description, get, set)
    {
        Optional = optional;
        RefusesPasswords = refusesPasswords;
    }

    /// <summary>
    /// True for a setting that may name a server (results_store): a connection string or URI with a password in it is
    /// refused, and never repeated in a message, since the configuration is shown and exported.
    /// </summary>
    public bool RefusesPasswords { get; }

    /// <inheritdoc />
    public override string Display(object? value) =>
        RefusesPasswords && value is string s && Kernel.ConnectionText.HoldsPassword(s) ? "the value (not shown: it holds a password)" : base.Display(value);

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

        // Always double-quoted: a path such as C:\results or a value such as "yes" stays text when read back. Inside
        // the quotes, everything YAML does not take as printable text (controls, line and paragraph separators, the
        // byte-order mark, non-characters, a surrogate without its pair) is escaped, so the reader gets it back.
        var builder = new StringBuilder(s.Length + 2).Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        builder.Append(c).Append(s[++i]);
                    }
                    else if (NeedsEscape(c))
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

    // YAML's printable set is TAB, LF, CR, U+0020-U+007E, U+0085, U+00A0-U+D7FF, U+E000-U+FFFD and the planes above;
    // U+0085, U+2028 and U+2029 are printable but break lines, and U+FEFF marks byte order.
    private static bool NeedsEscape(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);

    /// <inheritdoc />
    protected override string? Reason(string? value) =>
        value is null ? (Optional ? null : "a value is required")
        : value.Trim().Length == 0 ? "it is empty"
        : RefusesPasswords && Kernel.ConnectionText.HoldsPassword(value) ? "it holds a password; set PGPASSWORD or name a password file (Passfile=... or PGPASSFILE) instead"
        : null;

    /// <inheritdoc />
    protected override bool TryConvert(object? value, out string? typed)
    {
        typed = value as string;
        return value is null or string;
    }
}
