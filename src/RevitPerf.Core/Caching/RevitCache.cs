using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using RevitPerf.Core.Caching.Policies;
using RevitPerf.Core.Time;

namespace RevitPerf.Core.Caching;

/// <summary>
/// A thread-safe cache of string keys (ordinal) to any values, null included, with a pluggable eviction policy,
/// entry and memory limits, per-entry time-to-live and dependencies, single-flight <see cref="GetOrAdd"/> and exact
/// statistics.
/// </summary>
/// <remarks>
/// Reads take no lock: a lookup in a <see cref="ConcurrentDictionary{TKey,TValue}"/>, an expiry check against a
/// coarse clock, a striped hit counter and, for policies that care about reads, a slot in a striped read buffer
/// that is replayed to the policy under the lock (in order, so from one thread the recency order is exact).
/// Writes, removals and evictions take the lock. Removal notifications run after it is released.
/// </remarks>
public sealed class RevitCache
{
    /// <summary>The name of the module's default cache.</summary>
    public const string DefaultName = "Default";

    /// <summary>RevitPy's MAX_ADAPTIVE_CACHE_SIZE: adaptive growth stops here.</summary>
    public const int MaxAdaptiveSize = 50_000;

    /// <summary>RevitPy's LOW_CACHE_HIT_RATIO_THRESHOLD: below it, adaptive sizing grows the cache.</summary>
    public const double LowHitRatioThreshold = 0.7;

    /// <summary>RevitPy's MEMORY_HEADROOM_FACTOR: grow only while memory is below this share of the cleanup threshold.</summary>
    public const double MemoryHeadroomFactor = 0.8;

    /// <summary>Under concurrent readers, one read in this many is recorded for the policy.</summary>
    internal const int ConcurrentReadSampling = 8;

    private static readonly string[] s_noDependencies = Array.Empty<string>();
    private static readonly int s_stripeCount;
    private static int s_nextStripe;

    // Each thread takes the next stripe, round-robin, the first time it reads any cache: threads started one after
    // the other never share a stripe (a hash of the thread id put two of them on one stripe about 1 time in 8).
    [ThreadStatic]
    private static int t_stripe;

    // Allocation order matters: the object allocated right after this one is _map (read-mostly), and the lock and
    // the drain state, written on every drain, are allocated last, away from the fields every read touches.
    private readonly ConcurrentDictionary<string, CacheEntry> _map = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _dependents = new(StringComparer.Ordinal);
    private readonly ReadStripe[] _stripes;
    private readonly object _lock;
    private readonly DrainState _drain;
    private readonly long[] _removals = new long[Enum.GetValues(typeof(RemovalReason)).Length];
    private readonly IClock _clock;
    private readonly bool _coarseClock;
    private readonly CachePolicy _policy;
    private readonly bool _tracksReads;
    private readonly long _createdTicks;
    private long _statisticsSinceTicks;
    private long _sequence;
    private int _count;
    private long _memoryBytes;
    private int _maxSize;
    private long _maxMemoryBytes;
    private long _defaultTtlTicks;
    private long _hitsAtLastSizing;
    private long _missesAtLastSizing;
    private int _sampling;

    static RevitCache()
    {
        // Enough stripes that two busy threads rarely share one: a power of two, 4 per processor, at least 8.
        var count = 8;
        while (count < Environment.ProcessorCount * 4 && count < 256)
        {
            count <<= 1;
        }

        s_stripeCount = count;
    }

    /// <summary>Creates a cache; <paramref name="clock"/> decides expiry (tests pass a settable one).</summary>
    public RevitCache(CacheOptions options, IClock? clock = null)
    {
        (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        Name = options.Name;
        Policy = options.Policy;
        _clock = clock ?? CoarseClock.Instance;
        _coarseClock = ReferenceEquals(_clock, CoarseClock.Instance);
        _maxSize = options.MaxSize;
        _maxMemoryBytes = options.MaxMemoryBytes;
        _defaultTtlTicks = TtlTicks(options.DefaultTimeToLive);
        _policy = CachePolicy.Create(options.Policy, options.MaxSize);
        _tracksReads = _policy.TracksReads;
        _stripes = Enumerable.Range(0, s_stripeCount).Select(_ => new ReadStripe()).ToArray();
        _drain = new DrainState();
        _lock = _drain;
        _createdTicks = _statisticsSinceTicks = _clock.MonotonicTicks;
        CreatedUtc = _clock.UtcNow;
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
            var ticks = Interlocked.Read(ref _defaultTtlTicks);
            return ticks == long.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(ticks);
        }
    }

    /// <summary>The number of entries (expired ones not yet removed included).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The estimated bytes of the entries.</summary>
    public long MemoryBytes => Interlocked.Read(ref _memoryBytes);

    /// <summary>Looks a key up: a hit when a live entry holds it (its value may be null), otherwise a miss.</summary>
    public bool TryGet(string key, out object? value)
    {
        var stripe = Stripe();
        if (_map.TryGetValue(key, out var entry))
        {
            // The default clock is read directly: an interface call on every hit is measurable.
            if (!entry.IsExpired(_coarseClock ? CoarseClock.Now() : _clock.MonotonicTicks))
            {
                // From one thread every read is recorded (exact order); once several threads drain, one in 8 is.
                if (!_tracksReads || (Volatile.Read(ref _sampling) != 0 && !stripe.Sample(ConcurrentReadSampling)))
                {
                    stripe.CountHit();
                }
                else if (stripe.RecordHit(entry))
                {
                    TryDrain(stripe);
                }

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
    /// evicting only what the limits require. A value larger than the whole memory budget is refused with
    /// <see cref="CacheEntryTooLargeException"/> and nothing is touched.
    /// </summary>
    public void Set(string key, object? value, CacheEntryOptions? options = null)
    {
        CheckKey(key);
        var size = options?.SizeBytes ?? SizeEstimator.Estimate(value, options?.Unwrap);
        var ttl = options?.TimeToLive is { } given ? TtlTicks(CheckTimeToLive(given, nameof(options.TimeToLive))) : Interlocked.Read(ref _defaultTtlTicks);
        var dependencies = options?.Dependencies is { Count: > 0 } deps ? deps.Distinct(StringComparer.Ordinal).ToArray() : s_noDependencies;
        List<CacheEntryRemovedEventArgs>? removed = null;
        lock (_lock)
        {
            if (size > _maxMemoryBytes)
            {
                throw new CacheEntryTooLargeException(Name, key, size, _maxMemoryBytes);
            }

            DrainAll();
            var now = _clock.MonotonicTicks;
            var entry = new CacheEntry(key, value, size, ttl == long.MaxValue ? long.MaxValue : SaturatingAdd(now, ttl), now, dependencies)
            {
                Sequence = ++_sequence,
            };

            if (_map.TryGetValue(key, out var old))
            {
                // The old entry gives up its place first, so only what the new size needs beyond it is evicted,
                // and the key itself is never a victim of its own update.
                var kept = _policy.Detach(old);
                Unregister(old);
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
            Register(entry);
        }

        Notify(removed);
    }

    /// <summary>
    /// Returns the cached value for <paramref name="key"/>, or runs <paramref name="factory"/> once and caches its
    /// result. Concurrent misses on one key wait for that one run (single flight). A failing factory caches nothing,
    /// and every waiter gets its exception.
    /// </summary>
    public object? GetOrAdd(string key, Func<string, object?> factory, CacheEntryOptions? options = null)
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

        var flight = new Flight();
        var running = _flights.GetOrAdd(key, flight);
        if (!ReferenceEquals(running, flight))
        {
            return running.Wait();
        }

        try
        {
            var value = factory(key);
            Set(key, value, options);
            flight.Complete(value, null);
            return value;
        }
        catch (Exception ex)
        {
            flight.Complete(null, ex);
            throw;
        }
        finally
        {
            _flights.TryRemove(key, out _);
        }
    }

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
            foreach (var stripe in _stripes)
            {
                stripe.Discard();
            }

            foreach (var entry in _map.Values)
            {
                entry.Removed = true;
                count++;
                _removals[(int)RemovalReason.Removed]++;
                Collect(ref removed, entry.Key, entry.Value, RemovalReason.Removed);
            }

            _map.Clear();
            _dependents.Clear();
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
            DrainAll();
            var now = _clock.MonotonicTicks;
            foreach (var entry in _map.Values.Where(e => e.IsExpired(now)).ToList())
            {
                RemoveLocked(entry, RemovalReason.Expired, ref removed);
                count++;
            }
        }

        Notify(removed);
        return count;
    }

    /// <summary>A snapshot of the live entries whose keys match <paramref name="pattern"/> (all when null).</summary>
    public IReadOnlyList<CacheEntryInfo> GetEntries(WildcardMatcher? pattern = null)
    {
        var nowTicks = _clock.MonotonicTicks;
        var nowUtc = _clock.UtcNow;
        IEnumerable<CacheEntry> entries = pattern is { IsLiteral: true }
            ? (_map.TryGetValue(pattern.Literal, out var one) ? new[] { one } : Array.Empty<CacheEntry>())
            : _map.Values.Where(e => pattern is null || pattern.IsMatch(e.Key));
        return entries
            .Where(e => !e.IsExpired(nowTicks))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new CacheEntryInfo(
                Name, e.Key, e.Value, e.Size, ToUtc(e.CreatedTicks, nowTicks, nowUtc),
                e.ExpiresAtTicks == long.MaxValue ? null : ToUtc(e.ExpiresAtTicks, nowTicks, nowUtc), e.Dependencies))
            .ToList();
    }

    /// <summary>A flat description of the cache: its settings and how full it is.</summary>
    public CacheInfo GetInfo() => new(this);

    /// <summary>The statistics now; hits and misses are exact however many threads read.</summary>
    public CacheStatistics GetStatistics()
    {
        lock (_lock)
        {
            var now = _clock.MonotonicTicks;
            return new CacheStatistics(
                Name, Policy, _stripes.Sum(s => s.Hits), _stripes.Sum(s => s.Misses), (long[])_removals.Clone(), _count,
                _memoryBytes, _maxSize, _maxMemoryBytes, TimeSpan.FromTicks(now - _createdTicks),
                CreatedUtc + TimeSpan.FromTicks(_statisticsSinceTicks - _createdTicks));
        }
    }

    /// <summary>Sets the hit, miss and removal counters back to zero.</summary>
    public void ResetStatistics()
    {
        lock (_lock)
        {
            foreach (var stripe in _stripes)
            {
                stripe.ResetCounters();
            }

            Array.Clear(_removals, 0, _removals.Length);
            _statisticsSinceTicks = _clock.MonotonicTicks;
            _hitsAtLastSizing = _missesAtLastSizing = 0;
        }
    }

    /// <summary>Changes the limits and default time-to-live, evicting what no longer fits.</summary>
    public void Resize(int maxSize, long maxMemoryBytes, TimeSpan defaultTimeToLive)
    {
        new CacheOptions { Name = Name, MaxSize = maxSize, MaxMemoryBytes = maxMemoryBytes, DefaultTimeToLive = defaultTimeToLive }.Validate();
        List<CacheEntryRemovedEventArgs>? removed = null;
        lock (_lock)
        {
            DrainAll();
            Volatile.Write(ref _maxSize, maxSize);
            Interlocked.Exchange(ref _maxMemoryBytes, maxMemoryBytes);
            Interlocked.Exchange(ref _defaultTtlTicks, TtlTicks(defaultTimeToLive));
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
    public int? TryGrowForHitRatio(long memoryBytes, long cleanupThresholdBytes, long minimumTraffic)
    {
        int newSize;
        lock (_lock)
        {
            var hits = _stripes.Sum(s => s.Hits);
            var misses = _stripes.Sum(s => s.Misses);
            var traffic = hits - _hitsAtLastSizing + misses - _missesAtLastSizing;
            if (traffic < Math.Max(1, minimumTraffic))
            {
                return null; // not enough reads to judge: keep counting, decide later
            }

            var ratio = (double)(hits - _hitsAtLastSizing) / traffic;
            _hitsAtLastSizing = hits;
            _missesAtLastSizing = misses;
            if (ratio >= LowHitRatioThreshold || memoryBytes >= cleanupThresholdBytes * MemoryHeadroomFactor || _maxSize >= MaxAdaptiveSize)
            {
                return null;
            }

            newSize = (int)Math.Min(MaxAdaptiveSize, (long)_maxSize * 2);
        }

        Resize(newSize, MaxMemoryBytes, DefaultTimeToLive);
        return newSize;
    }

    internal static TimeSpan CheckTimeToLive(TimeSpan ttl, string name) =>
        ttl > TimeSpan.Zero || ttl == Timeout.InfiniteTimeSpan
            ? ttl
            : throw new ArgumentOutOfRangeException(name, ttl, "A time-to-live must be positive (or infinite).");

    private static long TtlTicks(TimeSpan ttl) => ttl == Timeout.InfiniteTimeSpan || ttl == TimeSpan.MaxValue ? long.MaxValue : ttl.Ticks;

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue - 1 : a + b;

    private static DateTime ToUtc(long ticks, long nowTicks, DateTime nowUtc)
    {
        var offset = ticks - nowTicks;
        return offset > (DateTime.MaxValue - nowUtc).Ticks ? DateTime.MaxValue : nowUtc.AddTicks(offset);
    }

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

    private ReadStripe Stripe()
    {
        var stripe = t_stripe;
        if (stripe == 0)
        {
            stripe = t_stripe = (Interlocked.Increment(ref s_nextStripe) & (s_stripeCount - 1)) + 1;
        }

        return _stripes[stripe - 1];
    }

    private void TryDrain(ReadStripe stripe)
    {
        // While another thread drains, a full buffer just drops reads: trying the lock on every read would make
        // each one a contended atomic operation on the lock's cache line. The flag is read far more than written.
        if (Volatile.Read(ref _drain.Draining) != 0 || !Monitor.TryEnter(_lock))
        {
            return;
        }

        try
        {
            Volatile.Write(ref _drain.Draining, 1);
            TrackDrainer();

            // Its own stripe, plus any other that is full (so a thread that found the lock busy is not left behind);
            // stripes that are not full stay with their threads' cache lines.
            stripe.Drain(_policy);
            foreach (var other in _stripes)
            {
                if (!ReferenceEquals(other, stripe) && other.IsFull)
                {
                    other.Drain(_policy);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _drain.Draining, 0);
            Monitor.Exit(_lock);
        }
    }

    // Replaying reads rewrites the policy's shared lists, whose cache lines then bounce between the cores of the
    // readers; recording every read only pays off from one thread. Drains alternating between threads switch to
    // sampling; 64 drains in a row by one thread switch back to exact order.
    private void TrackDrainer()
    {
        var me = Environment.CurrentManagedThreadId;
        if (me == _drain.LastDrainer)
        {
            if (++_drain.SameDrainerStreak >= 64 && _sampling != 0)
            {
                _drain.DrainerSwitches = 0;
                Volatile.Write(ref _sampling, 0);
            }

            return;
        }

        _drain.LastDrainer = me;
        _drain.SameDrainerStreak = 0;
        if (++_drain.DrainerSwitches >= 2 && _sampling == 0)
        {
            Volatile.Write(ref _sampling, 1);
        }
    }

    private void DrainAll()
    {
        if (_tracksReads)
        {
            foreach (var stripe in _stripes)
            {
                stripe.Drain(_policy);
            }
        }
    }

    private List<string> KeysMatching(WildcardMatcher pattern) =>
        pattern.IsLiteral
            ? (_map.ContainsKey(pattern.Literal) ? new List<string> { pattern.Literal } : new List<string>())
            : _map.Keys.Where(pattern.IsMatch).ToList();

    private void EvictToFit(int extraCount, long extraBytes, ref List<CacheEntryRemovedEventArgs>? removed)
    {
        var now = _clock.MonotonicTicks;
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

    private void RemoveLocked(CacheEntry entry, RemovalReason reason, ref List<CacheEntryRemovedEventArgs>? removed)
    {
        ((ICollection<KeyValuePair<string, CacheEntry>>)_map).Remove(new KeyValuePair<string, CacheEntry>(entry.Key, entry));
        entry.Removed = true;
        _policy.OnRemove(entry);
        Unregister(entry);
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
            DrainAll();
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
            DrainAll();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Queue<string>();
            foreach (var key in alsoRemove)
            {
                if (_map.TryGetValue(key, out var entry))
                {
                    RemoveLocked(entry, RemovalReason.Invalidated, ref removed);
                    count++;
                }
            }

            foreach (var tag in tags)
            {
                if (seen.Add(tag))
                {
                    pending.Enqueue(tag);
                }
            }

            // Breadth-first over "depends on": each removed entry's key becomes a tag in turn; `seen` ends cycles.
            while (pending.Count > 0)
            {
                if (!_dependents.TryGetValue(pending.Dequeue(), out var keys))
                {
                    continue;
                }

                foreach (var key in keys.ToList())
                {
                    if (_map.TryGetValue(key, out var entry))
                    {
                        RemoveLocked(entry, RemovalReason.Invalidated, ref removed);
                        count++;
                    }

                    if (seen.Add(key))
                    {
                        pending.Enqueue(key);
                    }
                }
            }
        }

        Notify(removed);
        return count;
    }

    private void Register(CacheEntry entry)
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

    private void Unregister(CacheEntry entry)
    {
        foreach (var tag in entry.Dependencies)
        {
            if (_dependents.TryGetValue(tag, out var keys) && keys.Remove(entry.Key) && keys.Count == 0)
            {
                _dependents.Remove(tag);
            }
        }
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

    /// <summary>
    /// What changes on every drain, and the lock itself: its own object, with its fields away from its header and
    /// from its neighbours, so drains do not invalidate cache lines that readers use.
    /// </summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 192)]
    private sealed class DrainState
    {
        [System.Runtime.InteropServices.FieldOffset(64)]
        public int Draining;

        [System.Runtime.InteropServices.FieldOffset(68)]
        public int LastDrainer;

        [System.Runtime.InteropServices.FieldOffset(72)]
        public int DrainerSwitches;

        [System.Runtime.InteropServices.FieldOffset(76)]
        public int SameDrainerStreak;
    }

    /// <summary>One factory run that concurrent misses on the same key wait for.</summary>
    private sealed class Flight
    {
        private readonly ManualResetEventSlim _done = new(false);
        private readonly int _ownerThread = Environment.CurrentManagedThreadId;
        private object? _value;
        private ExceptionDispatchInfo? _error;

        public void Complete(object? value, Exception? error)
        {
            _value = value;
            _error = error is null ? null : ExceptionDispatchInfo.Capture(error);
            _done.Set();
        }

        public object? Wait()
        {
            if (_ownerThread == Environment.CurrentManagedThreadId && !_done.IsSet)
            {
                throw new InvalidOperationException("A cache factory asked for its own key: the value cannot depend on itself.");
            }

            _done.Wait();

            // Every waiter sees the factory's own exception, as the caller that ran it does.
            _error?.Throw();
            return _value;
        }
    }
}
