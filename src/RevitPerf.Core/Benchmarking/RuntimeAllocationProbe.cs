using System;
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
    public long ManagedHeapBytes => GC.GetTotalMemory(false);

    private static Func<long>? Bind()
    {
        var method = typeof(GC).GetMethod("GetAllocatedBytesForCurrentThread", BindingFlags.Public | BindingFlags.Static, null, Type.EmptyTypes, null);
        return method is null ? null : (Func<long>)Delegate.CreateDelegate(typeof(Func<long>), method);
    }
}
