using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace RevitPerf.Core.Caching;

/// <summary>
/// Estimates the memory of a cached value by RevitPy's rules: text counts its UTF-8 bytes; arrays of primitives
/// count length x element size; other collections and dictionaries count 64 bytes plus their items; anything else
/// counts 64 bytes. The walk is iterative and bounded: each collection is counted once (a cycle, or data shared twice,
/// counts 64 bytes where met again), however it is wrapped, and after <see cref="MaxItems"/> items the rest of a
/// graph counts 64 bytes a collection without being enumerated.
/// </summary>
internal static class SizeEstimator
{
    /// <summary>RevitPy's DEFAULT_ESTIMATED_OBJECT_SIZE: an object of unknown shape, and a collection's own overhead.</summary>
    public const long DefaultObjectSize = 64;

    /// <summary>The most items one estimate enumerates (an endless enumerable must not hang a cache write).</summary>
    public const int MaxItems = 1_000_000;

    /// <summary>
    /// Estimates <paramref name="value"/>. <paramref name="unwrap"/> lets a caller see through wrappers (PowerShell's
    /// PSObject; a PSCustomObject becomes a new dictionary of its properties each time) before the rules apply, at
    /// every level: a cycle is recognised by the wrapper as well as by what it wraps.
    /// </summary>
    public static long Estimate(object? value, Func<object?, object?>? unwrap = null)
    {
        var first = unwrap is null ? value : unwrap(value);

        // Scalars and primitive arrays (the common case on every cache write) need no walk: no allocation.
        if (IsLeaf(first))
        {
            return Leaf(first);
        }

        var seen = new HashSet<object>(ReferenceComparer.Instance);
        var pending = new Stack<object?>();
        var budget = MaxItems;
        long total = 0;
        pending.Push(value);
        while (pending.Count > 0)
        {
            var original = pending.Pop();
            var item = unwrap is null ? original : unwrap(original);
            if (IsLeaf(item))
            {
                total += Leaf(item);
                continue;
            }

            total += DefaultObjectSize;
            var fresh = seen.Add(original!) & (ReferenceEquals(item, original) || seen.Add(item!));
            if (!fresh || budget <= 0)
            {
                continue; // met before (a cycle or shared data), or over the budget: its overhead only
            }

            if (item is IDictionary dictionary)
            {
                var entries = dictionary.GetEnumerator();
                while (budget-- > 0 && entries.MoveNext())
                {
                    pending.Push(entries.Key);
                    pending.Push(entries.Value);
                }
            }
            else
            {
                foreach (var child in (IEnumerable)item!)
                {
                    if (budget-- <= 0)
                    {
                        break;
                    }

                    pending.Push(child);
                }
            }
        }

        return total;
    }

    private static bool IsLeaf(object? value) =>
        value is null or string or not IEnumerable || (value is Array { Rank: 1 } array && array.GetType().GetElementType() is { IsPrimitive: true });

    private static long Leaf(object? value) => value switch
    {
        null => DefaultObjectSize,
        string text => Encoding.UTF8.GetByteCount(text),
        Array array when array.GetType().GetElementType() is { IsPrimitive: true } element => array.LongLength * PrimitiveSize(element),
        _ => DefaultObjectSize,
    };

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
