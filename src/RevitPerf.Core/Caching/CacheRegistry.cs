using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Time;

namespace RevitPerf.Core.Caching;

/// <summary>The caches of one optimizer: the default one (which cannot be removed) and named ones beside it.</summary>
public sealed class CacheRegistry
{
    private readonly ConcurrentDictionary<string, RevitCache> _caches = new(StringComparer.OrdinalIgnoreCase);
    private readonly IClock? _clock;

    internal CacheRegistry(CacheOptions defaultOptions, IClock? clock)
    {
        _clock = clock;
        Default = new RevitCache(defaultOptions, clock);
        _caches[Default.Name] = Default;
    }

    /// <summary>The default cache, sized from the configuration.</summary>
    public RevitCache Default { get; }

    /// <summary>Every cache, the default first, then by name.</summary>
    public IReadOnlyList<RevitCache> All => Find(null);

    /// <summary>Entries in all the caches together (for memory snapshots).</summary>
    public int EntryCount
    {
        get
        {
            var count = 0;
            foreach (var cache in _caches.Values)
            {
                count += cache.Count;
            }

            return count;
        }
    }

    /// <summary>Creates a named cache; false (and no cache) when the name is taken.</summary>
    public bool TryCreate(CacheOptions options, out RevitCache cache)
    {
        var created = new RevitCache(options ?? throw new ArgumentNullException(nameof(options)), _clock);
        cache = _caches.GetOrAdd(created.Name, created);
        return ReferenceEquals(cache, created);
    }

    /// <summary>Finds a cache by name (case-insensitive).</summary>
    public bool TryGet(string name, out RevitCache cache) => _caches.TryGetValue(name ?? string.Empty, out cache!);

    /// <summary>The caches whose names match <paramref name="pattern"/> (all when null), the default first.</summary>
    public IReadOnlyList<RevitCache> Find(WildcardMatcher? pattern) =>
        _caches.Values
            .Where(c => pattern is null || pattern.IsMatch(c.Name))
            .OrderBy(c => ReferenceEquals(c, Default) ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>Removes a named cache; the default cache cannot be removed.</summary>
    public bool TryRemove(string name, out RevitCache? cache)
    {
        cache = null;
        if (string.Equals(name, Default.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The default cache '{Default.Name}' cannot be removed; clear it instead.");
        }

        return _caches.TryRemove(name ?? string.Empty, out cache);
    }
}
