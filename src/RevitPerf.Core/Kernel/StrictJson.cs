using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RevitPerf.Core.Kernel;

/// <summary>
/// Writes strict JSON (RFC 8259) from plain values: null, text, booleans, numbers, times, ordered objects
/// (<see cref="IEnumerable{T}"/> of string-keyed pairs) and arrays. NaN and infinities are not JSON: they are
/// written as null, so every file parses everywhere.
/// </summary>
internal static class StrictJson
{
    /// <summary>Returns the JSON text of <paramref name="value"/>, indented by two spaces.</summary>
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                AppendString(text, s);
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case double d:
                text.Append(double.IsNaN(d) || double.IsInfinity(d) ? "null" : d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case float f:
                Append(text, (double)f, depth);
                return;
            case int or long or short or byte or uint or ulong or ushort or sbyte or decimal:
                text.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                return;
            case DateTime time:
                AppendString(text, time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                return;
            case Enum e:
                AppendString(text, e.ToString());
                return;
            case IEnumerable<KeyValuePair<string, object?>> members:
                AppendObject(text, members, depth);
                return;
            case IEnumerable items:
                AppendArray(text, items, depth);
                return;
            default:
                AppendString(text, value.ToString() ?? string.Empty);
                return;
        }
    }

    private static void AppendObject(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> members, int depth)
    {
        text.Append('{');
        var first = true;
        foreach (var member in members)
        {
            text.Append(first ? "\n" : ",\n").Append(' ', (depth + 1) * 2);
            AppendString(text, member.Key);
            text.Append(": ");
            Append(text, member.Value, depth + 1);
            first = false;
        }

        if (!first)
        {
            text.Append('\n').Append(' ', depth * 2);
        }

        text.Append('}');
    }

    private static void AppendArray(StringBuilder text, IEnumerable items, int depth)
    {
        text.Append('[');
        var first = true;
        foreach (var item in items)
        {
            text.Append(first ? "\n" : ",\n").Append(' ', (depth + 1) * 2);
            Append(text, item, depth + 1);
            first = false;
        }

        if (!first)
        {
            text.Append('\n').Append(' ', depth * 2);
        }

        text.Append(']');
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20 || c is '\u2028' or '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
