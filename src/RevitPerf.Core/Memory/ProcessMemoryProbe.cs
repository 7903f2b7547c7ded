using System;
using System.Diagnostics;

namespace RevitPerf.Core.Memory;

/// <summary>The real probe for the current process.</summary>
public sealed class ProcessMemoryProbe : IMemoryProbe
{
    private ProcessMemoryProbe()
    {
    }

    /// <summary>The one instance.</summary>
    public static ProcessMemoryProbe Instance { get; } = new();

    /// <inheritdoc />
    public long ManagedHeapBytes => GC.GetTotalMemory(false);

    /// <inheritdoc />
    public long WorkingSetBytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }
    }

    /// <inheritdoc />
    public void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
