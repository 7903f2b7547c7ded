using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Kernel;

/// <summary>
/// The one registry of named objects (caches, monitors, pools): names compared without regard to case, selection by
/// names and PowerShell-style wildcards with the same rules everywhere, an optional pinned object that is listed first
/// and cannot be removed, and a hook that runs (outside the lock) for every object that leaves.
/// </summary>
/// <typeparam name="T">The kind of object.</typeparam>
public class NamedRegistry<T> : IDisposable
    where T : class, INamedObject
{
    private readonly object _gate = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.OrdinalIgnoreCase);
    private readonly Action<T>? _onRemoved;
    private T? _pinned;

    /// <summary>Creates a registry of <paramref name="kind"/> objects; <paramref name="onRemoved"/> stops or disposes one that leaves.</summary>
    public NamedRegistry(string kind, Action<T>? onRemoved = null)
    {
        Kind = string.IsNullOrWhiteSpace(kind) ? throw new ArgumentException("A kind is needed.", nameof(kind)) : kind;
        _onRemoved = onRemoved;
    }

    /// <summary>What the registry holds, for messages ("cache", "memory monitor").</summary>
    public string Kind { get; }

    /// <summary>How many objects it holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Every object: the pinned one first, then by name.</summary>
    public IReadOnlyList<T> All
    {
        get
        {
            lock (_gate)
            {
                return Ordered(_items.Values);
            }
        }
    }

    /// <summary>Adds <paramref name="item"/>; false (and nothing changes) when its name is taken.</summary>
    public bool TryAdd(T item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        lock (_gate)
        {
            if (_items.ContainsKey(item.Name))
            {
                return false;
            }

            _items.Add(item.Name, item);
            return true;
        }
    }

    /// <summary>The object named <paramref name="name"/> (exactly, ignoring case), if any.</summary>
    public bool TryGet(string name, out T item)
    {
        lock (_gate)
        {
            return _items.TryGetValue(name ?? string.Empty, out item!);
        }
    }

    /// <summary>The objects whose names match the wildcard <paramref name="pattern"/>, in registry order.</summary>
    /// <exception cref="InvalidWildcardPatternException">The pattern cannot be matched.</exception>
    public IReadOnlyList<T> Find(string pattern) => Select(new[] { pattern ?? throw new ArgumentNullException(nameof(pattern)) }).Items;

    /// <summary>
    /// The objects that <paramref name="patterns"/> (names or wildcards) select, each once; every object when null.
    /// A name without wildcards that matches nothing is listed in <see cref="RegistrySelection{T}.NotFound"/>.
    /// </summary>
    /// <exception cref="InvalidWildcardPatternException">A pattern cannot be matched; nothing is selected.</exception>
    public RegistrySelection<T> Select(IEnumerable<string>? patterns)
    {
        var all = All;
        if (patterns is null)
        {
            return new RegistrySelection<T>(all, Array.Empty<string>());
        }

        var matchers = patterns.Select(p => new WildcardMatcher(p ?? string.Empty, ignoreCase: true)).ToList();
        var found = new List<T>();
        var seen = new HashSet<T>();
        var notFound = new List<string>();
        foreach (var matcher in matchers)
        {
            var matched = all.Where(item => matcher.IsMatch(item.Name)).ToList();
            if (matched.Count == 0 && matcher.IsLiteral)
            {
                notFound.Add(matcher.Pattern);
            }

            found.AddRange(matched.Where(seen.Add));
        }

        return new RegistrySelection<T>(found, notFound);
    }

    /// <summary>Removes the object named <paramref name="name"/> and runs the removal hook; false when there is none.</summary>
    /// <exception cref="NotRemovableException">It is the pinned object.</exception>
    public bool TryRemove(string name, out T? item)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(name ?? string.Empty, out item))
            {
                return false;
            }

            if (ReferenceEquals(item, _pinned))
            {
                item = null;
                throw new NotRemovableException(Kind, _pinned!.Name);
            }

            _items.Remove(name!);
        }

        _onRemoved?.Invoke(item);
        return true;
    }

    /// <summary>Removes every object, the pinned one too, running the removal hook for each.</summary>
    public void Dispose()
    {
        List<T> all;
        lock (_gate)
        {
            all = _items.Values.ToList();
            _items.Clear();
            _pinned = null;
        }

        foreach (var item in all)
        {
            _onRemoved?.Invoke(item);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Adds <paramref name="item"/> as the pinned object: listed first, never removed.</summary>
    protected void Pin(T item)
    {
        lock (_gate)
        {
            _items[(item ?? throw new ArgumentNullException(nameof(item))).Name] = item;
            _pinned = item;
        }
    }

    private List<T> Ordered(IEnumerable<T> items) =>
        items.OrderBy(i => ReferenceEquals(i, _pinned) ? 0 : 1).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
