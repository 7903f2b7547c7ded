using System;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Caching;

/// <summary>The caches of one optimizer: the default one (pinned: listed first, never removed) and named ones beside it.</summary>
public sealed class CacheRegistry : NamedRegistry<RevitCache>
{
    private readonly IClock? _clock;

    internal CacheRegistry(CacheOptions defaultOptions, IClock? clock)
        : base("cache")
    {
        _clock = clock;
        Default = new RevitCache(defaultOptions, clock);
        Pin(Default);
    }

    /// <summary>The default cache, sized from the configuration.</summary>
    public RevitCache Default { get; }

    /// <summary>Entries in all the caches together (for memory snapshots).</summary>
    public int EntryCount
    {
        get
        {
            var count = 0;
            foreach (var cache in All)
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
        if (TryAdd(created))
        {
            cache = created;
            return true;
        }

        TryGet(created.Name, out cache);
        return false;
    }
}
