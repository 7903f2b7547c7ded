using System;
using System.Collections.Generic;

namespace RevitPerf.Core.Caching;

/// <summary>Per-entry settings of a write.</summary>
public sealed class CacheEntryOptions
{
    /// <summary>This entry's time-to-live; null for the cache's default, InfiniteTimeSpan for none.</summary>
    public TimeSpan? TimeToLive { get; set; }

    /// <summary>Tags (or other entries' keys) this entry depends on: invalidating one removes this entry.</summary>
    public IReadOnlyCollection<string>? Dependencies { get; set; }

    /// <summary>The entry's size in bytes when the caller has estimated it; null to estimate it here.</summary>
    public long? SizeBytes { get; set; }

    /// <summary>Sees through wrappers (PowerShell's PSObject) when the size is estimated here.</summary>
    public Func<object?, object?>? Unwrap { get; set; }
}
