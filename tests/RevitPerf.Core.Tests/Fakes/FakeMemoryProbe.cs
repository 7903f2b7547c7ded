using System.Threading;
using RevitPerf.Core.Memory;

namespace RevitPerf.Core.Tests.Fakes;

/// <summary>A probe that reports what the test says, and counts the collections asked of it.</summary>
internal sealed class FakeMemoryProbe : IMemoryProbe
{
    private int _collections;

    public long ManagedHeapBytes { get; set; }

    public long WorkingSetBytes { get; set; }

    /// <summary>What the heap reads after a collection.</summary>
    public long BytesAfterCollection { get; set; }

    public int Collections => Volatile.Read(ref _collections);

    public void CollectGarbage()
    {
        Interlocked.Increment(ref _collections);
        ManagedHeapBytes = BytesAfterCollection;
    }

    public static long MB(double megabytes) => (long)(megabytes * 1024 * 1024);
}
