namespace RevitPerf.Core.Caching;

/// <summary>How a full cache chooses what to evict.</summary>
public enum EvictionPolicy
{
    /// <summary>Least recently used (exact recency order when used from one thread). The default.</summary>
    LRU,

    /// <summary>Least frequently used; ties go to the least recently used.</summary>
    LFU,

    /// <summary>First in, first out: the oldest write goes first; reads do not matter.</summary>
    FIFO,

    /// <summary>The entry closest to expiry goes first.</summary>
    TTL,

    /// <summary>The largest entry goes first.</summary>
    SizeBased,

    /// <summary>W-TinyLFU: a small LRU window, then admission by estimated frequency into a segmented LRU; scan-resistant.</summary>
    Adaptive,
}
