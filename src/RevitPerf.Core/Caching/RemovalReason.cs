namespace RevitPerf.Core.Caching;

/// <summary>Why an entry left the cache.</summary>
public enum RemovalReason
{
    /// <summary>Evicted because the cache held its maximum number of entries.</summary>
    Capacity,

    /// <summary>Evicted because the cache's memory budget was used up.</summary>
    Memory,

    /// <summary>Its time-to-live ran out.</summary>
    Expired,

    /// <summary>A dependency of it was invalidated, or it matched an invalidation pattern.</summary>
    Invalidated,

    /// <summary>Removed explicitly (by key, or by clearing the cache).</summary>
    Removed,

    /// <summary>Its value was replaced by a new one for the same key (not counted as an eviction).</summary>
    Replaced,
}
