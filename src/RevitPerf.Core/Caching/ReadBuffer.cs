using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using RevitPerf.Core.Caching.Policies;

namespace RevitPerf.Core.Caching;

/// <summary>
/// A cache's lock-free read side: striped hit and miss counters, and striped buffers of recent hits that are replayed
/// to the eviction policy under the cache's lock (in order, so from one thread the recency order is exact). Its drain
/// state is the cache's lock object, laid out so that drains do not invalidate the cache lines readers use.
/// </summary>
internal sealed class ReadBuffer
{
    /// <summary>Under concurrent readers, one read in this many is recorded for the policy.</summary>
    public const int ConcurrentReadSampling = 8;

    private static readonly int s_stripeCount = StripeCount();
    private static int s_nextStripe;

    // Each thread takes the next stripe, round-robin, the first time it reads any cache: threads started one after
    // the other never share a stripe (a hash of the thread id put two of them on one stripe about 1 time in 8).
    [ThreadStatic]
    private static int t_stripe;

    private readonly ReadStripe[] _stripes;
    private readonly CachePolicy _policy;
    private readonly bool _tracksReads;
    private readonly DrainState _drain;
    private int _sampling;

    public ReadBuffer(CachePolicy policy)
    {
        _policy = policy;
        _tracksReads = policy.TracksReads;
        _stripes = Enumerable.Range(0, s_stripeCount).Select(_ => new ReadStripe()).ToArray();

        // Allocated last, away from the objects every read touches.
        _drain = new DrainState();
    }

    /// <summary>The cache's lock.</summary>
    public object Gate => _drain;

    /// <summary>Hits counted on every stripe.</summary>
    public long Hits => _stripes.Sum(s => s.Hits);

    /// <summary>Misses counted on every stripe.</summary>
    public long Misses => _stripes.Sum(s => s.Misses);

    /// <summary>This thread's stripe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadStripe Stripe()
    {
        var stripe = t_stripe;
        if (stripe == 0)
        {
            stripe = t_stripe = (Interlocked.Increment(ref s_nextStripe) & (s_stripeCount - 1)) + 1;
        }

        return _stripes[stripe - 1];
    }

    /// <summary>Counts a hit on <paramref name="entry"/> and records it for the policy when the policy cares about reads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Hit(ReadStripe stripe, CacheEntry entry)
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
    }

    /// <summary>Replays every recorded read to the policy; call under <see cref="Gate"/>.</summary>
    public void DrainAll()
    {
        if (_tracksReads)
        {
            foreach (var stripe in _stripes)
            {
                stripe.Drain(_policy);
            }
        }
    }

    /// <summary>Forgets the recorded reads (the entries are gone); call under <see cref="Gate"/>.</summary>
    public void Discard()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Discard();
        }
    }

    /// <summary>Sets the hit and miss counters back to zero; call under <see cref="Gate"/>.</summary>
    public void ResetCounters()
    {
        foreach (var stripe in _stripes)
        {
            stripe.ResetCounters();
        }
    }

    private static int StripeCount()
    {
        // Enough stripes that two busy threads rarely share one: a power of two, 4 per processor, at least 8.
        var count = 8;
        while (count < Environment.ProcessorCount * 4 && count < 256)
        {
            count <<= 1;
        }

        return count;
    }

    private void TryDrain(ReadStripe stripe)
    {
        // While another thread drains, a full buffer just drops reads: trying the lock on every read would make
        // each one a contended atomic operation on the lock's cache line. The flag is read far more than written.
        if (Volatile.Read(ref _drain.Draining) != 0 || !Monitor.TryEnter(_drain))
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
            Monitor.Exit(_drain);
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
}
