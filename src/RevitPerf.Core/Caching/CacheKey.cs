using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RevitPerf.Core.Caching;

/// <summary>
/// Derives a cache key from an operation's text and its arguments canonically: every value is written with its type
/// and, for text, its length, so two different argument lists never give the same key (1, "1" and 1.0 differ;
/// dictionaries are ordered by key). No hash code is involved, so there are no collisions to return wrong values.
/// </summary>
public static class CacheKey
{
    /// <summary>
    /// Builds the key. <paramref name="unwrap"/> sees through wrappers (PSObject) at every level;
    /// <paramref name="serialize"/> writes values of other types canonically (PowerShell's CLIXML serializer, say);
    /// without it such a value is refused with an <see cref="ArgumentException"/> naming its type.
    /// </summary>
    public static string Derive(string operationText, IEnumerable? arguments, Func<object?, object?>? unwrap = null, Func<object, string>? serialize = null)
    {
        if (operationText is null)
        {
            throw new ArgumentNullException(nameof(operationText));
        }

        var key = new StringBuilder(operationText.Trim());
        key.Append(" |args:");
        Append(key, arguments?.Cast<object?>().ToArray() ?? Array.Empty<object?>(), unwrap, serialize, 0);
        return key.ToString();
    }

    private static void Append(StringBuilder key, object? value, Func<object?, object?>? unwrap, Func<object, string>? serialize, int depth)
    {
        var original = value;
        value = unwrap is null ? value : unwrap(value);
        if (depth > 32)
        {
            throw new ArgumentException("The arguments nest too deeply to derive a cache key; pass -Key.");
        }

        var invariant = CultureInfo.InvariantCulture;
        switch (value)
        {
            case null:
                key.Append("null");
                return;
            case string s:
                key.Append("s").Append(s.Length.ToString(invariant)).Append(':').Append(s);
                return;
            case bool b:
                key.Append(b ? "b:true" : "b:false");
                return;
            case char c:
                key.Append("c:").Append(c);
                return;
            case Enum e:
                key.Append("e:").Append(e.GetType().FullName).Append(':').Append(Convert.ToInt64(e, invariant).ToString(invariant));
                return;
            case sbyte or byte or short or ushort or int or uint or long or ulong:
                key.Append("i:").Append(Type.GetTypeCode(value.GetType())).Append(':').Append(((IFormattable)value).ToString(null, invariant));
                return;
            case float f:
                key.Append("f:Single:").Append(f.ToString("R", invariant));
                return;
            case double d:
                key.Append("f:Double:").Append(d.ToString("R", invariant));
                return;
            case decimal m:
                key.Append("f:Decimal:").Append(m.ToString(invariant));
                return;
            case DateTime dt:
                key.Append("d:").Append(dt.Kind).Append(':').Append(dt.ToString("o", invariant));
                return;
            case DateTimeOffset dto:
                key.Append("o:").Append(dto.ToString("o", invariant));
                return;
            case TimeSpan ts:
                key.Append("t:").Append(ts.Ticks.ToString(invariant));
                return;
            case Guid g:
                key.Append("g:").Append(g.ToString("D"));
                return;
            case IDictionary dictionary:
                // IDictionary's own enumerator yields DictionaryEntry for every dictionary, generic ones included.
                var entries = new List<DictionaryEntry>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    entries.Add(entry);
                }

                var pairs = entries
                    .Select(entry =>
                    {
                        var k = new StringBuilder();
                        Append(k, entry.Key, unwrap, serialize, depth + 1);
                        var v = new StringBuilder();
                        Append(v, entry.Value, unwrap, serialize, depth + 1);
                        return (Key: k.ToString(), Value: v.ToString());
                    })
                    .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                    .ToList();
                key.Append('{').Append(pairs.Count.ToString(invariant)).Append(':');
                foreach (var (k, v) in pairs)
                {
                    key.Append(k).Append('=').Append(v).Append(';');
                }

                key.Append('}');
                return;
            case IEnumerable sequence:
                var items = sequence.Cast<object?>().ToList();
                key.Append('[').Append(items.Count.ToString(invariant)).Append(':');
                foreach (var item in items)
                {
                    Append(key, item, unwrap, serialize, depth + 1);
                    key.Append(',');
                }

                key.Append(']');
                return;
        }

        if (serialize is null)
        {
            throw new ArgumentException(
                $"A value of type {value.GetType().FullName} cannot be turned into a cache key; pass an explicit key.");
        }

        var text = serialize(original!);
        key.Append("x:").Append(value.GetType().FullName).Append(':').Append(text.Length.ToString(invariant)).Append(':').Append(text);
    }
}
