namespace RevitPerf.Core.Caching;

/// <summary>
/// One cached value with everything the cache and its policy keep about it. An update replaces the whole entry,
/// so a reader that found an entry without the lock always sees one consistent value, size and expiry.
/// The policy fields are only touched under the cache's lock.
/// </summary>
internal sealed class CacheEntry
{
    public CacheEntry(string key, object? value, long size, long expiresAtTicks, long createdTicks, string[] dependencies)
    {
        Key = key;
        Value = value;
        Size = size;
        ExpiresAtTicks = expiresAtTicks;
        CreatedTicks = createdTicks;
        Dependencies = dependencies;
    }

    public string Key { get; }

    public object? Value { get; }

    /// <summary>Estimated once, at insertion; removal subtracts exactly this.</summary>
    public long Size { get; }

    /// <summary>Monotonic ticks after which the entry is expired; long.MaxValue for never.</summary>
    public long ExpiresAtTicks { get; }

    public long CreatedTicks { get; }

    public string[] Dependencies { get; }

    /// <summary>Set under the lock when the entry leaves the cache; a read buffer may still hold it.</summary>
    public bool Removed;

    // Policy bookkeeping: linked lists (LRU, FIFO, LFU buckets, Adaptive regions), heaps (TTL, SizeBased).
    public CacheEntry? Previous;
    public CacheEntry? Next;
    public object? Owner;
    public int HeapIndex = -1;
    public int Frequency;
    public long Sequence;

    public bool IsExpired(long nowTicks) => nowTicks >= ExpiresAtTicks;
}
