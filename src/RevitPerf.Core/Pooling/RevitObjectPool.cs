using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tuning;

namespace RevitPerf.Core.Pooling;

/// <summary>
/// A thread-safe pool of objects made by a factory and cleaned by an optional reset before they are kept again.
/// Borrowing takes an idle object or creates one; returning resets it and keeps it while the pool holds fewer than
/// <see cref="MaxSize"/> idle objects. A reset that throws discards the object: it is never handed out again.
/// </summary>
/// <remarks>
/// The common path is one compare-exchange on a single fast slot (the object most recently returned), as in
/// Microsoft.Extensions.ObjectPool's DefaultObjectPool; beyond it a ConcurrentQueue. The fast path counts one thing,
/// the borrows the slot served, with Interlocked on the slot's own cache line (see PoolCounters), which the exchange
/// has just brought to the core; every other count is on a slower path, and borrows and returns are derived from them
/// (cheaper than thread-local counters, whose lookup costs more than an uncontended increment).
/// </remarks>
/// <typeparam name="T">The pooled type.</typeparam>
public sealed class RevitObjectPool<T> : IObjectPool, IDisposable
    where T : class
{
    private readonly Func<T> _factory;
    private readonly Action<T>? _reset;
    private readonly IClock _clock;
    private readonly ConcurrentQueue<T> _items = new();
    private readonly PoolCounters _hot = new();
    private readonly long[] _discarded = new long[4];
    private readonly object _gate = new();
    private int _maxSize;
    private long _created;
    private long _fastDrops;
    private long _returnDiscards;
    private long _peak;
    private volatile bool _enabled = true;
    private volatile bool _disposed;
    private volatile LoanTracker? _loans;
    private PoolBaseline _baseline = new(0, 0, 0, new long[4], DateTime.MinValue);
    private long _borrowedAtTrim;
    private readonly PoolGrowthRule _growth = new();

    /// <summary>
    /// Creates a pool named <paramref name="name"/> (by default the full name of <typeparamref name="T"/>) that keeps
    /// at most <paramref name="maxSize"/> idle objects.
    /// </summary>
    public RevitObjectPool(Func<T> factory, Action<T>? reset = null, string? name = null, int maxSize = ObjectPoolDefaults.MaxSize, IClock? clock = null)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _reset = reset;
        _clock = clock ?? SystemClock.Instance;
        Name = string.IsNullOrWhiteSpace(name) ? typeof(T).FullName ?? typeof(T).Name : name!;
        _maxSize = CheckSize(maxSize);
        _baseline = new PoolBaseline(0, 0, 0, new long[4], _clock.UtcNow);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public Type ItemType => typeof(T);

    /// <inheritdoc/>
    public int MaxSize => Volatile.Read(ref _maxSize);

    /// <inheritdoc/>
    public bool FollowsConfiguration { get; internal set; }

    /// <summary>
    /// Disposes the objects the pool discards when they are <see cref="IDisposable"/> (off by default: trimming runs on
    /// the maintenance thread, and an object of an API bound to one thread, such as Revit's, must not be disposed there).
    /// </summary>
    public bool DisposeDiscarded { get; set; }

    /// <inheritdoc/>
    public bool Enabled
    {
        get => _enabled;
        set
        {
            _enabled = value;
            if (!value)
            {
                Drop(int.MaxValue, DiscardReason.PoolingOff);
            }
        }
    }

    /// <inheritdoc/>
    public bool TrackLoans
    {
        get => _loans is not null;
        set
        {
            lock (_gate)
            {
                if (value != (_loans is not null))
                {
                    _loans = value ? new LoanTracker() : null;
                }
            }
        }
    }

    /// <inheritdoc/>
    public int Available => (Volatile.Read(ref _hot.FastItem) is null ? 0 : 1) + Math.Max(0, Volatile.Read(ref _hot.Queued));

    /// <summary>Takes an idle object, or creates one when there is none.</summary>
    public T Borrow() => Borrow(null);

    /// <summary>
    /// Takes an idle object, or creates one; <paramref name="site"/> says where, for the record of loans (null: the
    /// stack trace, when loans are tracked).
    /// </summary>
    public T Borrow(string? site)
    {
        T? item = null;
        if (_enabled)
        {
            var hot = _hot;
            var fast = Volatile.Read(ref hot.FastItem);
            if (fast is not null && Interlocked.CompareExchange(ref hot.FastItem, null, fast) == fast)
            {
                item = (T)fast;
                Interlocked.Increment(ref hot.FastOut);
            }
            else if (_items.TryDequeue(out var queued))
            {
                item = queued;
                LowerLowWater(Interlocked.Decrement(ref _hot.Queued));
                Interlocked.Increment(ref _hot.QueueOut);
            }
        }

        item ??= Create();
        _loans?.Add(item, site, _clock.UtcNow);
        return item;
    }

    /// <summary>Gives <paramref name="item"/> back: reset and kept, or discarded (see the outcome).</summary>
    public ReturnOutcome Return(T item) => Return(item, out _);

    /// <summary>Gives <paramref name="item"/> back; <paramref name="resetError"/> is what the reset threw, if it did.</summary>
    public ReturnOutcome Return(T item, out Exception? resetError)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        resetError = null;
        _loans?.Remove(item);
        if (!_enabled || _disposed)
        {
            Interlocked.Increment(ref _returnDiscards);
            Discard(item, DiscardReason.PoolingOff);
            return ReturnOutcome.PoolingOff;
        }

        if (_reset is not null)
        {
            try
            {
                _reset(item);
            }
#pragma warning disable CA1031 // Any failure of a user's reset means the object's state is unknown: discard it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                resetError = ex;
                Interlocked.Increment(ref _returnDiscards);
                Discard(item, DiscardReason.ResetFailed);
                return ReturnOutcome.ResetFailed;
            }
        }

        if (Volatile.Read(ref _hot.FastItem) is null && Interlocked.CompareExchange(ref _hot.FastItem, item, null) is null)
        {
            return ReturnOutcome.Pooled;
        }

        // Reserve a place before enqueueing, so that concurrent returns never overfill the pool.
        if (Interlocked.Increment(ref _hot.Queued) <= Volatile.Read(ref _maxSize) - 1)
        {
            _items.Enqueue(item);
            Interlocked.Increment(ref _hot.QueueIn);
            return ReturnOutcome.Pooled;
        }

        Interlocked.Decrement(ref _hot.Queued);
        Interlocked.Increment(ref _returnDiscards);
        Discard(item, DiscardReason.PoolFull);
        return ReturnOutcome.PoolFull;
    }

    /// <inheritdoc/>
    object IObjectPool.BorrowObject(string? site) => Borrow(site);

    /// <inheritdoc/>
    ReturnOutcome IObjectPool.ReturnObject(object item, out Exception? resetError) => item is T typed
        ? Return(typed, out resetError)
        : throw new ArgumentException($"The object pool '{Name}' holds {typeof(T).FullName}; {item?.GetType().FullName ?? "null"} cannot be returned to it.", nameof(item));

    /// <inheritdoc/>
    public PoolStatistics GetStatistics()
    {
        var (borrowed, returned) = Totals();
        lock (_gate)
        {
            var discarded = new long[_discarded.Length];
            for (var i = 0; i < discarded.Length; i++)
            {
                discarded[i] = Interlocked.Read(ref _discarded[i]) - _baseline.Discarded[i];
            }

            return new PoolStatistics(
                Name, ItemType.FullName ?? ItemType.Name, _enabled, MaxSize, Interlocked.Read(ref _created) - _baseline.Created,
                borrowed - _baseline.Borrowed, returned - _baseline.Returned, discarded, Available, borrowed - returned,
                Math.Max(Interlocked.Read(ref _peak), borrowed - returned), TrackLoans, _baseline.Since);
        }
    }

    /// <inheritdoc/>
    public int Resize(int maxSize)
    {
        CheckSize(maxSize);
        lock (_gate)
        {
            Volatile.Write(ref _maxSize, maxSize);
            return DropQueued(Math.Max(0, Volatile.Read(ref _hot.Queued) - (maxSize - 1)), DiscardReason.Trimmed);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// An idle object is one the pool held through the whole time since the last trim: the fewest objects queued
    /// since then were never needed. The fast slot's object goes too when nothing was borrowed meanwhile. An object
    /// is thus dropped after one to two trim intervals of idleness.
    /// </remarks>
    public int Trim()
    {
        lock (_gate)
        {
            var (borrowed, _) = Totals();
            var idle = borrowed == _borrowedAtTrim;
            var dropped = (idle ? DropFastItem(DiscardReason.Trimmed) : 0)
                + DropQueued(Math.Min(Volatile.Read(ref _hot.LowWater), Volatile.Read(ref _hot.Queued)), DiscardReason.Trimmed);
            _borrowedAtTrim = borrowed;
            Volatile.Write(ref _hot.LowWater, Volatile.Read(ref _hot.Queued));
            return dropped;
        }
    }

    /// <inheritdoc/>
    public int Clear() => Drop(int.MaxValue, DiscardReason.Trimmed);

    /// <inheritdoc/>
    public void Reset()
    {
        Clear();
        var (borrowed, returned) = Totals();
        lock (_gate)
        {
            var discarded = _discarded.Select((_, i) => Interlocked.Read(ref _discarded[i])).ToArray();
            _baseline = new PoolBaseline(borrowed, returned, Interlocked.Read(ref _created), discarded, _clock.UtcNow);
            Interlocked.Exchange(ref _peak, borrowed - returned);
            _growth.Reset(borrowed, Interlocked.Read(ref _created));
            _loans = _loans is null ? null : new LoanTracker();
        }
    }

    /// <inheritdoc/>
    public int? TryGrowForHitRatio(long minimumBorrows) => Grow(minimumBorrows).NewSize;

    /// <inheritdoc/>
    public GrowthDecision EvaluateGrowth(long minimumBorrows) => Decide(minimumBorrows, commit: false);

    /// <inheritdoc/>
    public GrowthDecision Grow(long minimumBorrows) => Decide(minimumBorrows, commit: true);

    private GrowthDecision Decide(long minimumBorrows, bool commit)
    {
        var (borrowed, _) = Totals();
        lock (_gate)
        {
            var decision = _growth.Decide(_enabled, borrowed, Interlocked.Read(ref _created), _maxSize, minimumBorrows, commit);
            if (commit && decision.NewSize is { } size)
            {
                Volatile.Write(ref _maxSize, size);
            }

            return decision;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<PoolLoan> GetLoans() =>
        _loans?.Snapshot(Name, _clock.UtcNow) ?? (IReadOnlyList<PoolLoan>)Array.Empty<PoolLoan>();

    /// <summary>Empties the pool; objects returned afterwards are discarded.</summary>
    public void Dispose()
    {
        _disposed = true;
        Drop(int.MaxValue, DiscardReason.Trimmed);
    }

    private static int CheckSize(int maxSize) =>
        maxSize >= 1 ? maxSize : throw new ArgumentOutOfRangeException(nameof(maxSize), maxSize, "A pool keeps at least one object.");

    private T Create()
    {
        var item = _factory() ?? throw new InvalidOperationException($"The factory of pool '{Name}' returned null.");
        var created = Interlocked.Increment(ref _created);

        // The pool ran dry, which is when the count of objects out peaks: everything made and neither idle nor discarded.
        var outNow = created - DiscardedTotal() - Available;
        long peak;
        while (outNow > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, outNow, peak) != peak)
        {
        }

        return item;
    }

    private long DiscardedTotal()
    {
        long total = 0;
        for (var i = 0; i < _discarded.Length; i++)
        {
            total += Interlocked.Read(ref _discarded[i]);
        }

        return total;
    }

    private void LowerLowWater(int queued)
    {
        int low;
        while (queued < (low = Volatile.Read(ref _hot.LowWater)) && Interlocked.CompareExchange(ref _hot.LowWater, queued, low) != low)
        {
        }
    }

    private int Drop(int count, DiscardReason reason) => DropFastItem(reason) + DropQueued(count, reason);

    private int DropFastItem(DiscardReason reason)
    {
        if (Interlocked.Exchange(ref _hot.FastItem, null) is not T fast)
        {
            return 0;
        }

        Interlocked.Increment(ref _fastDrops);
        Discard(fast, reason);
        return 1;
    }

    private int DropQueued(int count, DiscardReason reason)
    {
        var dropped = 0;
        while (dropped < count && _items.TryDequeue(out var item))
        {
            LowerLowWater(Interlocked.Decrement(ref _hot.Queued));
            Discard(item, reason);
            dropped++;
        }

        return dropped;
    }

    private void Discard(T item, DiscardReason reason)
    {
        Interlocked.Increment(ref _discarded[(int)reason]);
        if (DisposeDiscarded && item is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    // Borrows and returns are not counted on the fast path beyond the slot's own count: every object in the slot came
    // from a return and leaves by a borrow or a drop, so the returns into it are its borrows, drops and occupant.
    // Exact whenever the pool is still; a snapshot taken mid-flight may be off by the operations in progress.
    private (long Borrowed, long Returned) Totals()
    {
        var occupied = Volatile.Read(ref _hot.FastItem) is null ? 0 : 1;
        var fastOut = Interlocked.Read(ref _hot.FastOut);
        var borrowed = fastOut + Interlocked.Read(ref _hot.QueueOut) + Interlocked.Read(ref _created);
        var returned = fastOut + Interlocked.Read(ref _fastDrops) + occupied + Interlocked.Read(ref _hot.QueueIn) + Interlocked.Read(ref _returnDiscards);
        return (borrowed, returned);
    }
}
