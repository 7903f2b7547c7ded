using System.Runtime.InteropServices;

namespace RevitPerf.Core.Pooling;

/// <summary>
/// A pool's hot state, each part in a cache line of its own: the fast slot and the count of borrows it served beside it. The
/// compare-exchange on the slot already brings the line to the borrowing core, so the count's Interlocked increment
/// right after it costs little even when two threads share the pool; padding keeps other data off the line.
/// (Explicit layout is not allowed inside the generic pool, hence this type.)
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 320)]
internal sealed class PoolCounters
{
    [FieldOffset(64)]
    public object? FastItem;

    [FieldOffset(72)]
    public long FastOut;

    // The overflow queue's count and tallies, on a line of their own: written on every queue operation, they must not
    // share a line with the slot, nor with the pool's read-mostly fields (its settings, queue and reset).
    [FieldOffset(192)]
    public int Queued;

    [FieldOffset(196)]
    public int LowWater;

    [FieldOffset(200)]
    public long QueueIn;

    [FieldOffset(208)]
    public long QueueOut;
}
