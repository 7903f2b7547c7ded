using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace RevitPerf.Core.Caching;

/// <summary>
/// Derives a cache key from an operation's text and its arguments: a canonical form of the full values, in which
/// every value is written with its type and, for text, its length (so 1, "1" and 1.0 differ, and dictionaries are
/// ordered by key), reduced to a SHA-256 hash so that the key stays short whatever the arguments. A value that has no
/// faithful canonical form is refused (<see cref="CacheKeyNotDerivableException"/>) rather than approximated: two
/// different calls must never share a key. Callers keep the canonical form beside the value to check, on a hit, that
/// the hash did not collide.
/// </summary>
public static class CacheKey
{
    /// <summary>The deepest nesting of arguments a key is derived from (a cycle ends here too).</summary>
    public const int MaxDepth = 32;

    /// <summary>What every derived key starts with.</summary>
    public const string Prefix = "derived:";

    /// <summary>The key of <paramref name="operationText"/> with <paramref name="arguments"/>.</summary>
    /// <exception cref="CacheKeyNotDerivableException">An argument has no faithful canonical form.</exception>
    public static string Derive(string operationText, IEnumerable? arguments, Func<object?, object?>? unwrap = null, Func<object, string?>? describe = null) =>
        FromCanonical(Canonical(operationText, arguments, unwrap, describe));

    /// <summary>
    /// The canonical form of <paramref name="operationText"/> with <paramref name="arguments"/>. <paramref name="unwrap"/>
    /// sees through wrappers (PSObject) at every level; <paramref name="describe"/> may give a faithful canonical text
    /// for a type the rules do not know (null when it cannot either).
    /// </summary>
    /// <exception cref="CacheKeyNotDerivableException">An argument has no faithful canonical form.</exception>
    public static string Canonical(string operationText, IEnumerable? arguments, Func<object?, object?>? unwrap = null, Func<object, string?>? describe = null)
    {
        if (operationText is null)
        {
            throw new ArgumentNullException(nameof(operationText));
        }

        var key = new StringBuilder(operationText.Trim());
        key.Append(" |args:");
        Append(key, arguments?.Cast<object?>().ToArray() ?? Array.Empty<object?>(), unwrap, describe, 0);
        return key.ToString();
    }

    /// <summary>The key of a canonical form: <see cref="Prefix"/> and the SHA-256 of its UTF-8 bytes, in hex.</summary>
    public static string FromCanonical(string canonical)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(canonical ?? throw new ArgumentNullException(nameof(canonical))));
        var text = new StringBuilder(Prefix, Prefix.Length + (hash.Length * 2));
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static void Append(StringBuilder key, object? value, Func<object?, object?>? unwrap, Func<object, string?>? describe, int depth)
    {
        var original = value;
        value = unwrap is null ? value : unwrap(value);
        if (depth > MaxDepth)
        {
            throw new CacheKeyNotDerivableException($"The arguments nest deeper than {MaxDepth} levels (or hold themselves), so no key can be derived from them; pass an explicit key.");
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
            case XmlNode xml:
                // Before IEnumerable, which an XmlNode also is: its markup is the whole of it.
                Text(key, "xml:" + xml.GetType().FullName, xml.OuterXml);
                return;
            case Uri uri:
                Text(key, "uri", uri.OriginalString);
                return;
            case Version version:
                Text(key, "version", version.ToString());
                return;
            case FileSystemInfo file:
                Text(key, "path:" + file.GetType().Name, file.FullName);
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
                        Append(k, entry.Key, unwrap, describe, depth + 1);
                        var v = new StringBuilder();
                        Append(v, entry.Value, unwrap, describe, depth + 1);
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
                    Append(key, item, unwrap, describe, depth + 1);
                    key.Append(',');
                }

                key.Append(']');
                return;
        }

        if (describe?.Invoke(original!) is not { } described)
        {
            throw new CacheKeyNotDerivableException(
                $"A value of type {value.GetType().FullName} has no faithful canonical form to derive a cache key from; pass an explicit key.");
        }

        Text(key, "x:" + value.GetType().FullName, described);
    }

    private static void Text(StringBuilder key, string kind, string text) =>
        key.Append(kind).Append(':').Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
}
