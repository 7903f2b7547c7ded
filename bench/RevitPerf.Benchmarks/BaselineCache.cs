#if BASELINE_CORE
extern alias baseline;

using System;
using BaselineCacheType = baseline::RevitPerf.Core.Caching.RevitCache;
using BaselineOptions = baseline::RevitPerf.Core.Caching.CacheOptions;

namespace RevitPerf.Benchmarks;

/// <summary>The default cache of an older commit, configured as <see cref="CacheKind.RevitPerfLru"/> is.</summary>
public readonly struct BaselineCache : ICacheAdapter
{
    private readonly BaselineCacheType _cache;

    private BaselineCache(BaselineCacheType cache) => _cache = cache;

    /// <summary>An LRU cache of 10,000 entries, 100 MB and an hour's time-to-live.</summary>
    public static BaselineCache Create() =>
        new(new BaselineCacheType(new BaselineOptions { MaxSize = 10_000, MaxMemoryBytes = 100L << 20, DefaultTimeToLive = TimeSpan.FromHours(1) }));

    /// <inheritdoc />
    public bool TryGet(string key, out object? value) => _cache.TryGet(key, out value);

    /// <inheritdoc />
    public void Set(string key, object value) => _cache.Set(key, value);
}
#endif
