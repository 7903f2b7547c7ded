namespace RevitPerf.Core.Memory;

/// <summary>Reads (and, for cleanup, reclaims) this process's memory; tests inject a scripted one.</summary>
public interface IMemoryProbe
{
    /// <summary>Bytes currently allocated on the managed heap, without forcing a collection.</summary>
    long ManagedHeapBytes { get; }

    /// <summary>The process's working set in bytes.</summary>
    long WorkingSetBytes { get; }

    /// <summary>Forces a full, blocking garbage collection (and waits for finalizers).</summary>
    void CollectGarbage();
}
