using System.Collections.Concurrent;
using BitFaster.Caching;
using Microsoft.Extensions.Caching.Memory;
using RevitPerf.Core.Caching;

namespace RevitPerf.Benchmarks;

/// <summary>
/// One shape over every cache compared. The adapters are structs, so generic code over them is specialised by the
/// JIT per cache and no virtual call is added to anyone's hit path.
/// </summary>
public interface ICacheAdapter
{
    /// <summary>A read.</summary>
    bool TryGet(string key, out object? value);

    /// <summary>A write (insert or update).</summary>
    void Set(string key, object value);
}

/// <summary>RevitPerf's cache.</summary>
public readonly struct RevitCacheAdapter : ICacheAdapter
{
    private readonly RevitCache _cache;

    /// <summary>Wraps a cache.</summary>
    public RevitCacheAdapter(RevitCache cache) => _cache = cache;

    /// <inheritdoc />
    public bool TryGet(string key, out object? value) => _cache.TryGet(key, out value);

    /// <inheritdoc />
    public void Set(string key, object value) => _cache.Set(key, value);
}

/// <summary>ConcurrentDictionary: no policy, no limits; the ceiling.</summary>
public readonly struct DictionaryAdapter : ICacheAdapter
{
    private readonly ConcurrentDictionary<string, object> _map;

    /// <summary>Wraps a dictionary.</summary>
    public DictionaryAdapter(ConcurrentDictionary<string, object> map) => _map = map;

    /// <inheritdoc />
    public bool TryGet(string key, out object? value)
    {
        var found = _map.TryGetValue(key, out var v);
        value = v;
        return found;
    }

    /// <inheritdoc />
    public void Set(string key, object value) => _map[key] = value;
}

/// <summary>BitFaster.Caching's ConcurrentLru or ConcurrentLfu.</summary>
public readonly struct BitFasterAdapter : ICacheAdapter
{
    private readonly ICache<string, object> _cache;

    /// <summary>Wraps a cache.</summary>
    public BitFasterAdapter(ICache<string, object> cache) => _cache = cache;

    /// <inheritdoc />
    public bool TryGet(string key, out object? value)
    {
        var found = _cache.TryGet(key, out var v);
        value = v;
        return found;
    }

    /// <inheritdoc />
    public void Set(string key, object value) => _cache.AddOrUpdate(key, value);
}

/// <summary>Microsoft.Extensions.Caching.Memory.MemoryCache.</summary>
public readonly struct MemoryCacheAdapter : ICacheAdapter
{
    private readonly MemoryCache _cache;

    /// <summary>Wraps a cache.</summary>
    public MemoryCacheAdapter(MemoryCache cache) => _cache = cache;

    /// <inheritdoc />
    public bool TryGet(string key, out object? value) => _cache.TryGetValue(key, out value);

    /// <inheritdoc />
    public void Set(string key, object value) => _cache.Set(key, value);
}
