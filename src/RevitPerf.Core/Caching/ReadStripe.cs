using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace RevitPerf.Core.Caching;

/// <summary>
/// One stripe of a cache's hit path: its hit and miss counters and a bounded buffer of the entries read, replayed to
/// the policy in order under the lock. Threads pick a stripe by their id, so two threads rarely share a cache line.
/// </summary>
internal sealed class ReadStripe
{
    public const int BufferSize = 64;
    private const int Mask = BufferSize - 1;

    private readonly CacheEntry?[] _slots = new CacheEntry?[BufferSize];
    private Counters _counters;

    // A recorded read is a hit counted by the tail it advanced; only hits that are not recorded (sampled out, buffer
    // full, slot lost to another thread) take the separate counter. One atomic operation per hit, not two.
    public long Hits => Volatile.Read(ref _counters.Tail) - Volatile.Read(ref _counters.TailAtReset) + Volatile.Read(ref _counters.Hits);

    /// <summary>True when the buffer holds as many reads as it can.</summary>
    public bool IsFull => Volatile.Read(ref _counters.Tail) - Volatile.Read(ref _counters.Head) >= BufferSize;

    public long Misses => Volatile.Read(ref _counters.Misses);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountHit() => Interlocked.Increment(ref _counters.Hits);

    public void CountMiss() => Interlocked.Increment(ref _counters.Misses);

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _counters.TailAtReset, Volatile.Read(ref _counters.Tail));
        Interlocked.Exchange(ref _counters.Hits, 0);
        Interlocked.Exchange(ref _counters.Misses, 0);
    }

    /// <summary>
    /// True for one read in <paramref name="every"/> on this stripe. The counter is a plain field: threads that
    /// share a stripe may race on it, which only shifts which reads are sampled.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Sample(int every) => ++_counters.Skip % every == 0;

    /// <summary>
    /// Records a hit for the policy. When another thread of the same stripe wins the slot, or the buffer is full, the
    /// read is not recorded (only under contention: from one thread every read is kept) and is counted as a hit
    /// separately. Returns true when the buffer is full and should be drained.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool RecordHit(CacheEntry entry)
    {
        var tail = Volatile.Read(ref _counters.Tail);
        var size = tail - Volatile.Read(ref _counters.Head);
        if (size >= BufferSize)
        {
            CountHit();
            return true;
        }

        if (Interlocked.CompareExchange(ref _counters.Tail, tail + 1, tail) != tail)
        {
            CountHit();
            return false;
        }

        Volatile.Write(ref _slots[tail & Mask], entry);
        return size + 1 >= BufferSize;
    }

    /// <summary>Replays the recorded reads, oldest first. Only under the cache's lock (one drainer at a time).</summary>
    public void Drain(Policies.CachePolicy policy)
    {
        var head = _counters.Head;
        var tail = Volatile.Read(ref _counters.Tail);
        while (head < tail)
        {
            var index = (int)(head & Mask);
            var entry = Volatile.Read(ref _slots[index]);
            if (entry is null)
            {
                break; // a writer took the slot but has not filled it yet: replay it next time
            }

            _slots[index] = null;
            head++;
            if (!entry.Removed)
            {
                policy.OnRead(entry);
            }
        }

        Volatile.Write(ref _counters.Head, head);
    }

    /// <summary>Forgets the recorded reads (the cache was cleared).</summary>
    public void Discard()
    {
        for (var i = 0; i < BufferSize; i++)
        {
            Volatile.Write(ref _slots[i], null);
        }

        Volatile.Write(ref _counters.Head, Volatile.Read(ref _counters.Tail));
    }

    // The counters sit 64 bytes into a 192-byte block, so no other stripe's hot fields share their cache line.
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct Counters
    {
        [FieldOffset(64)]
        public long Hits;

        [FieldOffset(72)]
        public long Misses;

        [FieldOffset(80)]
        public long Tail;

        [FieldOffset(88)]
        public long Head;

        [FieldOffset(96)]
        public int Skip;

        [FieldOffset(104)]
        public long TailAtReset;
    }
}
