using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// The real probe. On .NET, GC.GetAllocatedBytesForCurrentThread (exact, per thread), bound at run time because
/// netstandard2.0 does not expose it; on .NET Framework, AppDomain.MonitoringTotalAllocatedMemorySize when
/// monitoring is enabled (process-wide, so other threads' allocations count too); otherwise null.
/// </summary>
public sealed class RuntimeAllocationProbe : IAllocationProbe
{
    private static readonly Func<long>? s_perThread = Bind();
    private static readonly Func<KeyValuePair<long, long>>? s_lastCollection = BindLastCollection();

    private RuntimeAllocationProbe()
    {
    }

    /// <summary>The one instance.</summary>
    public static RuntimeAllocationProbe Instance { get; } = new();

    /// <summary>True when allocations are counted per thread (exact for the benchmark).</summary>
    public static bool IsPerThread => s_perThread is not null;

    /// <inheritdoc />
    public long? AllocatedBytes
    {
        get
        {
            if (s_perThread is { } read)
            {
                return read();
            }

            var domain = AppDomain.CurrentDomain;
            if (!AppDomain.MonitoringIsEnabled)
            {
                AppDomain.MonitoringIsEnabled = true;
            }

            return domain.MonitoringTotalAllocatedMemorySize;
        }
    }

    /// <inheritdoc />
    public int CollectionCount(int generation) => GC.CollectionCount(generation);

    /// <inheritdoc />
    public long LiveHeapBytes() => GC.GetTotalMemory(forceFullCollection: true);

    /// <inheritdoc />
    public (long Index, long HeapBytes)? LastCollection => s_lastCollection is { } read && read() is var info ? (info.Key, info.Value) : null;

    // GC.GetGCMemoryInfo().Index and .HeapSizeBytes (.NET 5+), which netstandard2.0 cannot name: compiled once.
    private static Func<KeyValuePair<long, long>>? BindLastCollection()
    {
        var method = typeof(GC).GetMethod("GetGCMemoryInfo", BindingFlags.Public | BindingFlags.Static, null, Type.EmptyTypes, null);
        var index = method?.ReturnType.GetProperty("Index");
        var heap = method?.ReturnType.GetProperty("HeapSizeBytes");
        if (method is null || index?.PropertyType != typeof(long) || heap?.PropertyType != typeof(long))
        {
            return null;
        }

        var info = Expression.Variable(method.ReturnType);
        var body = Expression.Block(
            new[] { info },
            Expression.Assign(info, Expression.Call(method)),
            Expression.New(
                typeof(KeyValuePair<long, long>).GetConstructor(new[] { typeof(long), typeof(long) })!,
                Expression.Property(info, index),
                Expression.Property(info, heap)));
        return Expression.Lambda<Func<KeyValuePair<long, long>>>(body).Compile();
    }

    private static Func<long>? Bind()
    {
        var method = typeof(GC).GetMethod("GetAllocatedBytesForCurrentThread", BindingFlags.Public | BindingFlags.Static, null, Type.EmptyTypes, null);
        return method is null ? null : (Func<long>)Delegate.CreateDelegate(typeof(Func<long>), method);
    }
}
