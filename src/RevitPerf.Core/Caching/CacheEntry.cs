using System.Runtime.InteropServices;

namespace RevitPerf.Core.Caching;

/// <summary>
/// One cached value with everything the cache and its policy keep about it. An update replaces the whole entry,
/// so a reader that found an entry without the lock always sees one consistent value, size and expiry.
/// </summary>
/// <remarks>
/// The layout is explicit so that what a lock-free reader touches (the value and the expiry, first) and what the
/// policy rewrites under the lock on every replayed read (the list links, from byte 128) never share a cache line:
/// otherwise a thread replaying reads would keep invalidating the line other threads are reading.
/// </remarks>
[StructLayout(LayoutKind.Explicit)]
internal sealed class CacheEntry
{
    // Read on every hit, without the lock.
    [FieldOffset(0)]
    public readonly object? Value;

    [FieldOffset(8)]
    public readonly long ExpiresAtTicks;

    // Read and written under the lock.
    [FieldOffset(16)]
    public readonly string Key;

    [FieldOffset(24)]
    public readonly string[] Dependencies;

    /// <summary>What the entry counts against the memory budget: its value's size and its key's.</summary>
    [FieldOffset(32)]
    public readonly long Size;

    [FieldOffset(40)]
    public readonly long CreatedTicks;

    /// <summary>Set under the lock when the entry leaves the cache; a read buffer may still hold it.</summary>
    [FieldOffset(48)]
    public bool Removed;

    /// <summary>The key's share of <see cref="Size"/>: keys count against the memory budget too.</summary>
    [FieldOffset(52)]
    public readonly int KeySize;

    // Policy bookkeeping: linked lists (LRU, FIFO, LFU buckets, Adaptive segments) and heaps (TTL, SizeBased).
    [FieldOffset(128)]
    public CacheEntry? Previous;

    [FieldOffset(136)]
    public CacheEntry? Next;

    [FieldOffset(144)]
    public object? Owner;

    [FieldOffset(152)]
    public long Sequence;

    [FieldOffset(160)]
    public int HeapIndex = -1;

    [FieldOffset(164)]
    public int Frequency;

    public CacheEntry(string key, object? value, long size, int keySize, long expiresAtTicks, long createdTicks, string[] dependencies)
    {
        Key = key;
        Value = value;
        Size = size;
        KeySize = keySize;
        ExpiresAtTicks = expiresAtTicks;
        CreatedTicks = createdTicks;
        Dependencies = dependencies;
    }

    public bool IsExpired(long nowTicks) => nowTicks >= ExpiresAtTicks;
}
