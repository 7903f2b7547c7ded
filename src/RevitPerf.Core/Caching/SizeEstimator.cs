using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace RevitPerf.Core.Caching;

/// <summary>
/// Estimates the memory of a cached value by RevitPy's rules: text counts its UTF-8 bytes; arrays of primitives
/// count length x element size; other collections and dictionaries count 64 bytes plus their items, recursively
/// (each object once, so cycles end); anything else counts 64 bytes.
/// </summary>
internal static class SizeEstimator
{
    /// <summary>RevitPy's DEFAULT_ESTIMATED_OBJECT_SIZE: an object of unknown shape, and a collection's own overhead.</summary>
    public const long DefaultObjectSize = 64;

    /// <summary>
    /// Estimates <paramref name="value"/>. <paramref name="unwrap"/> lets a caller see through wrappers
    /// (PowerShell's PSObject) before the rules apply, at every level.
    /// </summary>
    public static long Estimate(object? value, Func<object?, object?>? unwrap = null)
    {
        var unwrapped = unwrap is null ? value : unwrap(value);

        // Scalars and primitive arrays (the common case on every cache write) need no cycle tracking: no allocation.
        if (unwrapped is null or string or not IEnumerable || unwrapped is Array { Rank: 1 } array && array.GetType().GetElementType() is { IsPrimitive: true })
        {
            return Estimate(unwrapped, null, null);
        }

        return Estimate(value, unwrap, new HashSet<object>(ReferenceComparer.Instance));
    }

    private static long Estimate(object? value, Func<object?, object?>? unwrap, HashSet<object>? seen)
    {
        if (unwrap is not null)
        {
            value = unwrap(value);
        }

        switch (value)
        {
            case null:
                return DefaultObjectSize;
            case string text:
                return Encoding.UTF8.GetByteCount(text);
            case Array array when array.GetType().GetElementType() is { IsPrimitive: true } element:
                return (long)array.LongLength * PrimitiveSize(element);
        }

        if (value is not IEnumerable enumerable || seen is null || !seen.Add(value))
        {
            // A repeated reference (a cycle, or shared data) is counted once, where first met.
            return DefaultObjectSize;
        }

        var total = DefaultObjectSize;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                total += Estimate(entry.Key, unwrap, seen) + Estimate(entry.Value, unwrap, seen);
            }
        }
        else
        {
            foreach (var item in enumerable)
            {
                total += Estimate(item, unwrap, seen);
            }
        }

        return total;
    }

    private static int PrimitiveSize(Type type) =>
        type == typeof(bool) || type == typeof(byte) || type == typeof(sbyte) ? 1
        : type == typeof(char) || type == typeof(short) || type == typeof(ushort) ? 2
        : type == typeof(int) || type == typeof(uint) || type == typeof(float) ? 4
        : type == typeof(IntPtr) || type == typeof(UIntPtr) ? IntPtr.Size
        : 8;

    private sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
