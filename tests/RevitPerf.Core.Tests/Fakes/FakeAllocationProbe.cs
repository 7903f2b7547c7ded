using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Tests.Fakes;

/// <summary>A probe whose counters the workload drives.</summary>
internal sealed class FakeAllocationProbe : IAllocationProbe
{
    public long? AllocatedBytes { get; set; } = 0;

    public int[] Collections { get; } = new int[3];

    public int CollectionCount(int generation) => Collections[generation];

    /// <summary>What stays live after a full collection; the workload adds to it.</summary>
    public long ManagedHeapBytes { get; set; }

    public (long Index, long HeapBytes)? LastCollection { get; set; }

    public long LiveHeapBytes() => ManagedHeapBytes;
}
