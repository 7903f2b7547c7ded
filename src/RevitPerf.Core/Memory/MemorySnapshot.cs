using System;

namespace RevitPerf.Core.Memory;

/// <summary>
/// One reading of a process's memory, flat for tables and CSV. The managed-heap, allocation, collection, pause, cache
/// and pool figures exist only for the current process (null for another); Responding only where the platform
/// tells (Windows) and only for another process.
/// </summary>
public sealed class MemorySnapshot
{
    /// <summary>The monitor that took it (empty for a one-off reading).</summary>
    public string Monitor { get; set; } = string.Empty;

    /// <summary>When it was taken (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>The process's id.</summary>
    public int ProcessId { get; set; }

    /// <summary>The process's name.</summary>
    public string ProcessName { get; set; } = string.Empty;

    /// <summary>Physical memory in use, MB.</summary>
    public double WorkingSetMB { get; set; }

    /// <summary>Private (committed) memory, MB.</summary>
    public double PrivateMemoryMB { get; set; }

    /// <summary>Paged memory, MB (on Linux the swapped-out part).</summary>
    public double PagedMemoryMB { get; set; }

    /// <summary>Open handles (file descriptors on Linux).</summary>
    public int HandleCount { get; set; }

    /// <summary>Threads.</summary>
    public int ThreadCount { get; set; }

    /// <summary>Managed heap, MB, without forcing a collection (current process only).</summary>
    public double? ManagedHeapMB { get; set; }

    /// <summary>Bytes allocated since the process started (current process only, where the runtime tells).</summary>
    public long? AllocatedBytes { get; set; }

    /// <summary>Generation 0 collections so far (current process only).</summary>
    public int? Gen0Collections { get; set; }

    /// <summary>Generation 1 collections so far (current process only).</summary>
    public int? Gen1Collections { get; set; }

    /// <summary>Generation 2 collections so far (current process only).</summary>
    public int? Gen2Collections { get; set; }

    /// <summary>Share of the time since the previous snapshot spent paused for garbage collection, percent (where the runtime tells).</summary>
    public double? GcPausePercent { get; set; }

    /// <summary>Entries in the module's caches (current process only).</summary>
    public int? CacheEntryCount { get; set; }

    /// <summary>Object pools of the module (current process only).</summary>
    public int? PoolCount { get; set; }

    /// <summary>Whether another process's user interface responds (Windows only; null elsewhere and for this process).</summary>
    public bool? Responding { get; set; }
}
