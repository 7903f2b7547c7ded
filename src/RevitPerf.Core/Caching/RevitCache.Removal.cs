using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Caching;

/// <summary>The cache's removals: by key, pattern, dependency, expiry and clearing, and the notifications they raise.</summary>
public sealed partial class RevitCache
{
    /// <summary>Removes the entry of <paramref name="key"/>; true when there was one.</summary>
    public bool Remove(string key) => RemoveWhere(new[] { key }, RemovalReason.Removed) > 0;

    /// <summary>Removes every entry whose key matches the wildcard <paramref name="pattern"/>; returns how many.</summary>
    public int Remove(WildcardMatcher pattern) => RemoveWhere(KeysMatching(pattern), RemovalReason.Removed);

    /// <summary>
    /// Invalidates every entry whose key matches the wildcard <paramref name="pattern"/> (e.g. <c>Wall|*</c>), and
    /// everything that depends on them, transitively; returns how many entries were removed.
    /// </summary>
    public int InvalidatePattern(WildcardMatcher pattern)
    {
        var keys = KeysMatching(pattern);
        return Invalidate(keys, keys);
    }

    /// <summary>
    /// Invalidates every entry that depends on <paramref name="tag"/>, and, since an entry's key is a tag for the
    /// entries that depend on it, everything downstream of those, transitively (cycles end). Returns how many.
    /// </summary>
    public int InvalidateDependency(string tag) => Invalidate(new[] { tag ?? throw new ArgumentNullException(nameof(tag)) }, Array.Empty<string>());

    /// <summary>Removes every entry; returns how many there were.</summary>
    public int Clear()
    {
        List<CacheEntryRemovedEventArgs>? removed = null;
        var count = 0;
        lock (_lock)
        {
            _reads.Discard();
            foreach (var entry in _map.Values)
            {
                entry.Removed = true;
                count++;
                _removals[(int)RemovalReason.Removed]++;
                Collect(ref removed, entry.Key, entry.Value, RemovalReason.Removed);
            }

            _map.Clear();
            _dependencies.Clear();
            _policy.Clear();
            _count = 0;
            _memoryBytes = 0;
        }

        Notify(removed);
        return count;
    }

    /// <summary>Removes every expired entry (a full pass: for background maintenance, never on a read or write).</summary>
    public int RemoveExpired()
    {
        // Checked under the lock, entry by entry: a key set again since it expired keeps its new entry.
        List<CacheEntryRemovedEventArgs>? removed = null;
        var count = 0;
        lock (_lock)
        {
            _reads.DrainAll();
            var now = _time.Now();
            foreach (var entry in _map.Values.Where(e => e.IsExpired(now)).ToList())
            {
                RemoveLocked(entry, RemovalReason.Expired, ref removed);
                count++;
            }
        }

        Notify(removed);
        return count;
    }

    private List<string> KeysMatching(WildcardMatcher pattern) =>
        pattern.IsLiteral
            ? (_map.ContainsKey(pattern.Literal) ? new List<string> { pattern.Literal } : new List<string>())
            : _map.Keys.Where(pattern.IsMatch).ToList();

    private void RemoveLocked(CacheEntry entry, RemovalReason reason, ref List<CacheEntryRemovedEventArgs>? removed)
    {
        ((ICollection<KeyValuePair<string, CacheEntry>>)_map).Remove(new KeyValuePair<string, CacheEntry>(entry.Key, entry));
        entry.Removed = true;
        _policy.OnRemove(entry);
        _dependencies.Unregister(entry);
        _count--;
        _memoryBytes -= entry.Size;
        _removals[(int)reason]++;
        Collect(ref removed, entry.Key, entry.Value, reason);
    }

    // Notifications are built only when someone listens: a write must not allocate for an event nobody handles.
    private void Collect(ref List<CacheEntryRemovedEventArgs>? removed, string key, object? value, RemovalReason reason)
    {
        if (EntryRemoved is not null)
        {
            (removed ??= new()).Add(new CacheEntryRemovedEventArgs(Name, key, value, reason));
        }
    }

    private void RemoveIfSame(CacheEntry entry, RemovalReason reason)
    {
        List<CacheEntryRemovedEventArgs>? removed = null;
        lock (_lock)
        {
            if (!entry.Removed && _map.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
            {
                RemoveLocked(entry, reason, ref removed);
            }
        }

        Notify(removed);
    }

    private int RemoveWhere(IEnumerable<string> keys, RemovalReason reason)
    {
        List<CacheEntryRemovedEventArgs>? removed = null;
        var count = 0;
        lock (_lock)
        {
            _reads.DrainAll();
            foreach (var key in keys)
            {
                if (_map.TryGetValue(key, out var entry))
                {
                    RemoveLocked(entry, reason, ref removed);
                    count++;
                }
            }
        }

        Notify(removed);
        return count;
    }

    private int Invalidate(IEnumerable<string> tags, IEnumerable<string> alsoRemove)
    {
        List<CacheEntryRemovedEventArgs>? removed = null;
        var count = 0;
        lock (_lock)
        {
            _reads.DrainAll();
            void Remove(string key)
            {
                if (_map.TryGetValue(key, out var entry))
                {
                    RemoveLocked(entry, RemovalReason.Invalidated, ref removed);
                    count++;
                }
            }

            foreach (var key in alsoRemove)
            {
                Remove(key);
            }

            _dependencies.Cascade(tags, Remove);
        }

        Notify(removed);
        return count;
    }

    private void Notify(List<CacheEntryRemovedEventArgs>? removed)
    {
        var handler = EntryRemoved;
        if (removed is null || handler is null)
        {
            return;
        }

        foreach (var args in removed)
        {
            handler(this, args);
        }
    }
}
