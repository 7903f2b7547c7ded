using System;
using System.Threading;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Caching;

internal static class CacheTestHelpers
{
    public static RevitCache NewCache(
        EvictionPolicy policy = EvictionPolicy.LRU, int maxSize = 100, long maxMemoryBytes = 1_000_000,
        TimeSpan? ttl = null, ManualClock? clock = null) =>
        new(new CacheOptions
        {
            Name = "test",
            Policy = policy,
            MaxSize = maxSize,
            MaxMemoryBytes = maxMemoryBytes,
            DefaultTimeToLive = ttl ?? Timeout.InfiniteTimeSpan,
        }, clock ?? new ManualClock());

    public static CacheEntryOptions Sized(long bytes) => new() { SizeBytes = bytes };

    public static bool Has(this RevitCache cache, string key) =>
        cache.GetEntries(new WildcardMatcher(key, ignoreCase: false)).Count == 1;
}
