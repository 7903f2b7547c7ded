using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using RevitPerf.Core.Caching.Policies;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tuning;

namespace RevitPerf.Core.Caching;

/// <summary>
/// A thread-safe cache of string keys (ordinal) to any values, null included, with a pluggable eviction policy,
/// entry and memory limits, per-entry time-to-live and dependencies, single-flight <see cref="GetOrAdd"/> and exact
/// statistics.
/// </summary>
/// <remarks>
/// Reads take no lock: a lookup in a <see cref="ConcurrentDictionary{TKey,TValue}"/>, an expiry check against a
/// coarse clock, and the read buffer (a striped hit counter and, for policies that care about reads, a slot replayed
/// to the policy under the lock). Writes, removals and evictions take the lock. Removal notifications run after it is
/// released. The dependency index, single-flight loading and adaptive sizing are types of their own; removal,
/// invalidation and their notifications are in RevitCache.Removal.cs.
/// </remarks>
public sealed partial class RevitCache : INamedObject
{
    /// <summary>The name of the module's default cache.</summary>
    public const string DefaultName = "Default";

    /// <summary>RevitPy's MAX_ADAPTIVE_CACHE_SIZE: adaptive growth stops here.</summary>
    public const int MaxAdaptiveSize = 50_000;

    /// <summary>RevitPy's LOW_CACHE_HIT_RATIO_THRESHOLD: below it, adaptive sizing grows the cache.</summary>
    public const double LowHitRatioThreshold = 0.7;

    /// <summary>RevitPy's MEMORY_HEADROOM_FACTOR: grow only while memory is below this share of the cleanup threshold.</summary>
    public const double MemoryHeadroomFactor = 0.8;

    private static readonly string[] s_noDependencies = Array.Empty<string>();

    // Allocation order matters: the object allocated right after this one is _map (read-mostly), and the read
    // buffer, whose drain state is written on every drain, is allocated last, away from what every read touches.
    private readonly ConcurrentDictionary<string, CacheEntry> _map = new(StringComparer.Ordinal);
    private readonly SingleFlight _flights = new();
    private readonly DependencyIndex _dependencies = new();
    private readonly AdaptiveSizing _sizing = new();
    private readonly long[] _removals = new long[Enum.GetValues(typeof(RemovalReason)).Length];
    private readonly CacheClock _time;
    private readonly CachePolicy _policy;
    private readonly ReadBuffer _reads;
    private readonly object _lock;
    private readonly long _createdTicks;
    private long _statisticsSinceTicks;
    private long _sequence;
    private int _count;
    private long _memoryBytes;
    private int _maxSize;
    private long _maxMemoryBytes;
    private long _defaultTtlTicks;

    /// <summary>Creates a cache; <paramref name="clock"/> decides expiry (tests pass a settable one).</summary>
    public RevitCache(CacheOptions options, IClock? clock = null)
    {
        (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        Name = options.Name;
        Policy = options.Policy;
        _time = new CacheClock(clock);
        _maxSize = options.MaxSize;
        _maxMemoryBytes = options.MaxMemoryBytes;
        _defaultTtlTicks = _time.TtlTicks(options.DefaultTimeToLive);
        _policy = CachePolicy.Create(options.Policy, options.MaxSize);
        _reads = new ReadBuffer(_policy);
        _lock = _reads.Gate;
        _createdTicks = _statisticsSinceTicks = _time.Now();
        CreatedUtc = _time.UtcNow;
    }

    /// <summary>Raised after an entry leaves the cache (outside the lock), with its key, value and reason.</summary>
    public event EventHandler<CacheEntryRemovedEventArgs>? EntryRemoved;

    /// <summary>The cache's name.</summary>
    public string Name { get; }

    /// <summary>The eviction policy.</summary>
    public EvictionPolicy Policy { get; }

    /// <summary>When the cache was created (UTC).</summary>
    public DateTime CreatedUtc { get; }

    /// <summary>The maximum number of entries.</summary>
    public int MaxSize => Volatile.Read(ref _maxSize);

    /// <summary>The memory budget in bytes.</summary>
    public long MaxMemoryBytes => Interlocked.Read(ref _maxMemoryBytes);

    /// <summary>The time-to-live of entries that do not set their own (InfiniteTimeSpan for none).</summary>
    public TimeSpan DefaultTimeToLive
    {
        get
        {
            return _time.Ttl(Interlocked.Read(ref _defaultTtlTicks));
        }
    }

    /// <summary>The number of entries (expired ones not yet removed included).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The estimated bytes of the entries.</summary>
    public long MemoryBytes => Interlocked.Read(ref _memoryBytes);

    /// <summary>Looks a key up: a hit when a live entry holds it (its value may be null), otherwise a miss.</summary>
    public bool TryGet(string key, out object? value)
    {
        var stripe = _reads.Stripe();
        if (_map.TryGetValue(key, out var entry))
        {
            if (!entry.IsExpired(_time.Now()))
            {
                _reads.Hit(stripe, entry);
                value = entry.Value;
                return true;
            }

            RemoveIfSame(entry, RemovalReason.Expired);
        }

        stripe.CountMiss();
        value = null;
        return false;
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/>, replacing any entry (and its dependencies),
    /// evicting only what the limits require. The value's size and the key's count against the memory budget; an
    /// entry larger than the whole budget is refused with <see cref="CacheEntryTooLargeException"/> and nothing is
    /// touched.
    /// </summary>
    public void Set(string key, object? value, CacheEntryOptions? options = null)
    {
        CheckKey(key);
        var valueSize = options?.SizeBytes ?? SizeEstimator.Estimate(value, options?.Unwrap);
        var ttl = options?.TimeToLive is { } given ? _time.TtlTicks(CheckTimeToLive(given, nameof(options.TimeToLive))) : Interlocked.Read(ref _defaultTtlTicks);
        var dependencies = options?.Dependencies is { Count: > 0 } deps ? deps.Distinct(StringComparer.Ordinal).ToArray() : s_noDependencies;
        List<CacheEntryRemovedEventArgs>? removed = null;
        lock (_lock)
        {
            // An update reuses the key's byte count from the entry it replaces (the same key): counting UTF-8 bytes
            // on every write was a tenth of a set-update.
            var keySize = _map.TryGetValue(key, out var old) ? old.KeySize : Encoding.UTF8.GetByteCount(key);
            var size = valueSize + keySize;
            if (size > _maxMemoryBytes)
            {
                throw new CacheEntryTooLargeException(Name, key, size, _maxMemoryBytes);
            }

            _reads.DrainAll();
            var now = _time.Now();
            var entry = new CacheEntry(key, value, size, keySize, CacheClock.ExpiryOf(now, ttl), now, dependencies)
            {
                Sequence = ++_sequence,
            };

            if (old is not null)
            {
                // The old entry gives up its place first, so only what the new size needs beyond it is evicted,
                // and the key itself is never a victim of its own update.
                var kept = _policy.Detach(old);
                _dependencies.Unregister(old);
                old.Removed = true;
                _count--;
                _memoryBytes -= old.Size;
                EvictToFit(extraCount: 1, extraBytes: size, ref removed);
                _map[key] = entry;
                _policy.Reattach(entry, kept);
                _count++;
                Collect(ref removed, key, old.Value, RemovalReason.Replaced);
            }
            else
            {
                EvictToFit(extraCount: 1, extraBytes: size, ref removed);
                _map[key] = entry;
                _policy.OnAdd(entry);
                _count++;
            }

            _memoryBytes += size;
            _dependencies.Register(entry);
        }

        Notify(removed);
    }

    /// <summary>
    /// Returns the cached value for <paramref name="key"/>, or runs <paramref name="factory"/> once and caches its
    /// result. Concurrent misses on one key wait for that one run (single flight); <paramref name="cancellation"/> ends
    /// a wait. A failing factory caches nothing, and every waiter gets its exception, except that a factory cancelled
    /// (an <see cref="OperationCanceledException"/>) leaves the key to the next caller, a waiter among them.
    /// </summary>
    public object? GetOrAdd(string key, Func<string, object?> factory, CacheEntryOptions? options = null, CancellationToken cancellation = default)
    {
        CheckKey(key);
        if (factory is null)
        {
            throw new ArgumentNullException(nameof(factory));
        }

        if (TryGet(key, out var cached))
        {
            return cached;
        }

        return _flights.Run(
            key,
            () =>
            {
                // A waiter that takes over from a cancelled owner may find the key filled meanwhile (not counted again).
                if (_map.TryGetValue(key, out var filled) && !filled.IsExpired(_time.Now()))
                {
                    return filled.Value;
                }

                var value = factory(key);
                Set(key, value, options);
                return value;
            },
            cancellation);
    }

    /// <summary>A snapshot of the live entries whose keys match <paramref name="pattern"/> (all when null).</summary>
    public IReadOnlyList<CacheEntryInfo> GetEntries(WildcardMatcher? pattern = null)
    {
        var nowTicks = _time.Now();
        var nowUtc = _time.UtcNow;
        IEnumerable<CacheEntry> entries = pattern is { IsLiteral: true }
            ? (_map.TryGetValue(pattern.Literal, out var one) ? new[] { one } : Array.Empty<CacheEntry>())
            : _map.Values.Where(e => pattern is null || pattern.IsMatch(e.Key));
        return entries
            .Where(e => !e.IsExpired(nowTicks))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new CacheEntryInfo(
                Name, e.Key, e.Value, e.Size - e.KeySize, e.KeySize, _time.ToUtc(e.CreatedTicks, nowTicks, nowUtc),
                e.ExpiresAtTicks == long.MaxValue ? null : _time.ToUtc(e.ExpiresAtTicks, nowTicks, nowUtc), e.Dependencies))
            .ToList();
    }

    /// <summary>A flat description of the cache: its settings and how full it is.</summary>
    public CacheInfo GetInfo() => new(this);

    /// <summary>The statistics now; hits and misses are exact however many threads read.</summary>
    public CacheStatistics GetStatistics()
    {
        lock (_lock)
        {
            var now = _time.Now();
            return new CacheStatistics(
                Name, Policy, _reads.Hits, _reads.Misses, (long[])_removals.Clone(), _count,
                _memoryBytes, _maxSize, _maxMemoryBytes, _time.Elapsed(_createdTicks, now),
                CreatedUtc + _time.Elapsed(_createdTicks, _statisticsSinceTicks));
        }
    }

    /// <summary>Sets the hit, miss and removal counters back to zero.</summary>
    public void ResetStatistics()
    {
        lock (_lock)
        {
            _reads.ResetCounters();
            Array.Clear(_removals, 0, _removals.Length);
            _statisticsSinceTicks = _time.Now();
            _sizing.Reset();
        }
    }

    /// <summary>Changes the limits and default time-to-live, evicting what no longer fits.</summary>
    public void Resize(int maxSize, long maxMemoryBytes, TimeSpan defaultTimeToLive)
    {
        new CacheOptions { Name = Name, MaxSize = maxSize, MaxMemoryBytes = maxMemoryBytes, DefaultTimeToLive = defaultTimeToLive }.Validate();
        List<CacheEntryRemovedEventArgs>? removed = null;
        lock (_lock)
        {
            _reads.DrainAll();
            Volatile.Write(ref _maxSize, maxSize);
            Interlocked.Exchange(ref _maxMemoryBytes, maxMemoryBytes);
            Interlocked.Exchange(ref _defaultTtlTicks, _time.TtlTicks(defaultTimeToLive));
            _policy.OnCapacityChanged(maxSize);
            EvictToFit(0, 0, ref removed);
        }

        Notify(removed);
    }

    /// <summary>
    /// RevitPy's adaptive sizing, without its defect of doubling an idle cache: when at least
    /// <paramref name="minimumTraffic"/> reads happened since the last decision, their hit ratio is below 0.7, the
    /// process's memory is below 0.8 x <paramref name="cleanupThresholdBytes"/> and the cache is below 50,000 entries,
    /// the maximum size doubles (to at most 50,000). Returns the new maximum size, or null when nothing changed.
    /// </summary>
    public int? TryGrowForHitRatio(long memoryBytes, long cleanupThresholdBytes, long minimumTraffic) =>
        Grow(memoryBytes, cleanupThresholdBytes, minimumTraffic).NewSize;

    /// <summary>What <see cref="TryGrowForHitRatio"/> would do now, without doing it (nothing is counted as decided).</summary>
    public GrowthDecision EvaluateGrowth(long memoryBytes, long cleanupThresholdBytes, long minimumTraffic)
    {
        lock (_lock)
        {
            return _sizing.Evaluate(_reads.Hits, _reads.Misses, _maxSize, memoryBytes, cleanupThresholdBytes, minimumTraffic);
        }
    }

    /// <summary><see cref="TryGrowForHitRatio"/> with the decision it made.</summary>
    public GrowthDecision Grow(long memoryBytes, long cleanupThresholdBytes, long minimumTraffic)
    {
        GrowthDecision decision;
        lock (_lock)
        {
            decision = _sizing.Decide(_reads.Hits, _reads.Misses, _maxSize, memoryBytes, cleanupThresholdBytes, minimumTraffic);
        }

        if (decision.NewSize is { } size)
        {
            Resize(size, MaxMemoryBytes, DefaultTimeToLive);
        }

        return decision;
    }

    internal static TimeSpan CheckTimeToLive(TimeSpan ttl, string name) =>
        ttl > TimeSpan.Zero || ttl == Timeout.InfiniteTimeSpan
            ? ttl
            : throw new ArgumentOutOfRangeException(name, ttl, "A time-to-live must be positive (or infinite).");

    private static void CheckKey(string key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (key.Length == 0)
        {
            throw new ArgumentException("A cache key cannot be empty.", nameof(key));
        }
    }

    private void EvictToFit(int extraCount, long extraBytes, ref List<CacheEntryRemovedEventArgs>? removed)
    {
        var now = _time.Now();
        while (true)
        {
            var overCount = _count + extraCount > _maxSize;
            var overMemory = _memoryBytes + extraBytes > _maxMemoryBytes;
            if (!overCount && !overMemory)
            {
                return;
            }

            var victim = _policy.Victim();
            if (victim is null)
            {
                return;
            }

            var reason = victim.IsExpired(now) ? RemovalReason.Expired : overCount ? RemovalReason.Capacity : RemovalReason.Memory;
            RemoveLocked(victim, reason, ref removed);
        }
    }
}
