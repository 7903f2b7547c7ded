namespace RevitPerf.Core.Caching.Policies;

/// <summary>
/// The eviction order of a cache. Every method runs under the cache's lock; none scans the whole cache.
/// </summary>
internal abstract class CachePolicy
{
    /// <summary>True when reads matter to the order, so the cache records hits for <see cref="OnRead"/>.</summary>
    public abstract bool TracksReads { get; }

    /// <summary>A new entry entered the cache.</summary>
    public abstract void OnAdd(CacheEntry entry);

    /// <summary>An entry left the cache.</summary>
    public abstract void OnRemove(CacheEntry entry);

    /// <summary>An entry was read (replayed from the read buffer, in order).</summary>
    public abstract void OnRead(CacheEntry entry);

    /// <summary>The next entry to evict (it stays until <see cref="OnRemove"/>); null when empty.</summary>
    public abstract CacheEntry? Victim();

    /// <summary>
    /// Takes the entry of a key that is getting a new value out of the order, returning what the policy wants to
    /// keep about the key (its frequency, its segment) for <see cref="Reattach"/>. By default nothing: the new value
    /// counts as a new write.
    /// </summary>
    public virtual object? Detach(CacheEntry old)
    {
        OnRemove(old);
        return null;
    }

    /// <summary>Puts the key's new entry in, with what <see cref="Detach"/> kept.</summary>
    public virtual void Reattach(CacheEntry entry, object? kept) => OnAdd(entry);

    /// <summary>The cache's maximum entry count changed.</summary>
    public virtual void OnCapacityChanged(int maxSize)
    {
    }

    /// <summary>Removes everything.</summary>
    public abstract void Clear();

    /// <summary>Creates the policy for <paramref name="policy"/>.</summary>
    public static CachePolicy Create(EvictionPolicy policy, int maxSize) => policy switch
    {
        EvictionPolicy.LFU => new LfuPolicy(),
        EvictionPolicy.FIFO => new ListPolicy(moveOnRead: false),
        EvictionPolicy.TTL => new HeapPolicy(static (a, b) => a.ExpiresAtTicks != b.ExpiresAtTicks ? a.ExpiresAtTicks.CompareTo(b.ExpiresAtTicks) : a.Sequence.CompareTo(b.Sequence)),
        EvictionPolicy.SizeBased => new HeapPolicy(static (a, b) => a.Size != b.Size ? b.Size.CompareTo(a.Size) : a.Sequence.CompareTo(b.Sequence)),
        EvictionPolicy.Adaptive => new AdaptivePolicy(maxSize),
        _ => new ListPolicy(moveOnRead: true),
    };
}
