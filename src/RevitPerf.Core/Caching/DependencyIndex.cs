using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Caching;

/// <summary>
/// Which entries depend on which tags (an entry's key is a tag for the entries that depend on it), and the transitive
/// cascade an invalidation follows. Not thread-safe: the cache calls it under its lock.
/// </summary>
internal sealed class DependencyIndex
{
    private readonly Dictionary<string, HashSet<string>> _dependents = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="entry"/> depends on each of its tags.</summary>
    public void Register(CacheEntry entry)
    {
        foreach (var tag in entry.Dependencies)
        {
            if (!_dependents.TryGetValue(tag, out var keys))
            {
                _dependents[tag] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.Add(entry.Key);
        }
    }

    /// <summary>Forgets <paramref name="entry"/>'s dependencies (it left the cache or was replaced).</summary>
    public void Unregister(CacheEntry entry)
    {
        foreach (var tag in entry.Dependencies)
        {
            if (_dependents.TryGetValue(tag, out var keys) && keys.Remove(entry.Key) && keys.Count == 0)
            {
                _dependents.Remove(tag);
            }
        }
    }

    /// <summary>Forgets everything.</summary>
    public void Clear() => _dependents.Clear();

    /// <summary>
    /// Visits every key that depends on <paramref name="tags"/>, directly or through other dependents, breadth-first,
    /// each once (cycles end). <paramref name="visit"/> may unregister entries while the walk goes on.
    /// </summary>
    public void Cascade(IEnumerable<string> tags, Action<string> visit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (var tag in tags)
        {
            if (seen.Add(tag))
            {
                pending.Enqueue(tag);
            }
        }

        while (pending.Count > 0)
        {
            if (!_dependents.TryGetValue(pending.Dequeue(), out var keys))
            {
                continue;
            }

            foreach (var key in keys.ToList())
            {
                visit(key);
                if (seen.Add(key))
                {
                    pending.Enqueue(key);
                }
            }
        }
    }
}
