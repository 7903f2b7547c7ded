namespace RevitPerf.Core.Benchmarking;

/// <summary>Reads allocation and collection counters around (never inside) the timed window.</summary>
public interface IAllocationProbe
{
    /// <summary>Bytes allocated so far by the current thread; null where the runtime cannot tell.</summary>
    long? AllocatedBytes { get; }

    /// <summary>Collections so far of generation <paramref name="generation"/> (0, 1 or 2).</summary>
    int CollectionCount(int generation);

    /// <summary>Bytes still live after a full, blocking collection (which this forces).</summary>
    long LiveHeapBytes();

    /// <summary>
    /// The number of the last garbage collection and the heap's size right after it; null where the runtime cannot
    /// tell (.NET Framework).
    /// </summary>
    (long Index, long HeapBytes)? LastCollection { get; }
}
