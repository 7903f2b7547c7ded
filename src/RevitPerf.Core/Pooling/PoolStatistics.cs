using System;

namespace RevitPerf.Core.Pooling;

/// <summary>
/// One pool's statistics, counted, never estimated; flat and the same shape every time. The counts run since the
/// pool was created or last reset; Available, Outstanding and MaxSize are figures of now. Without a reset,
/// Borrowed = Returned + Outstanding and Created = Available + Outstanding + Discarded.
/// </summary>
public sealed class PoolStatistics
{
    internal PoolStatistics(
        string name, string itemType, bool enabled, int maxSize, long created, long borrowed, long returned, long[] discarded,
        int available, long outstanding, long outstandingPeak, bool trackingLoans, DateTime since)
    {
        Name = name;
        ItemType = itemType;
        Enabled = enabled;
        MaxSize = maxSize;
        Created = created;
        Borrowed = borrowed;
        Returned = returned;
        DiscardedResetFailed = discarded[(int)DiscardReason.ResetFailed];
        DiscardedPoolFull = discarded[(int)DiscardReason.PoolFull];
        DiscardedPoolingOff = discarded[(int)DiscardReason.PoolingOff];
        Trimmed = discarded[(int)DiscardReason.Trimmed];
        Discarded = DiscardedResetFailed + DiscardedPoolFull + DiscardedPoolingOff + Trimmed;
        Available = available;
        Outstanding = outstanding;
        OutstandingPeak = outstandingPeak;
        var served = Math.Max(0, borrowed - created);
        HitRatio = borrowed == 0 ? 0 : Math.Min(1, (double)served / borrowed);
        TrackingLoans = trackingLoans;
        StatisticsSinceUtc = since;
    }

    /// <summary>The pool's name.</summary>
    public string Name { get; }

    /// <summary>The full name of the type the pool holds.</summary>
    public string ItemType { get; }

    /// <summary>False while pooling is off: every borrow creates, every return discards.</summary>
    public bool Enabled { get; }

    /// <summary>The most idle objects the pool keeps.</summary>
    public int MaxSize { get; }

    /// <summary>Objects the factory created (each a borrow the pool could not serve).</summary>
    public long Created { get; }

    /// <summary>Objects handed out.</summary>
    public long Borrowed { get; }

    /// <summary>Objects given back (kept or discarded).</summary>
    public long Returned { get; }

    /// <summary>Objects let go, for any reason (the four counts below together).</summary>
    public long Discarded { get; }

    /// <summary>Discarded because their reset threw.</summary>
    public long DiscardedResetFailed { get; }

    /// <summary>Discarded because the pool was full.</summary>
    public long DiscardedPoolFull { get; }

    /// <summary>Discarded because pooling was off.</summary>
    public long DiscardedPoolingOff { get; }

    /// <summary>Idle objects dropped by trimming, shrinking or emptying the pool.</summary>
    public long Trimmed { get; }

    /// <summary>Idle objects in the pool now.</summary>
    public int Available { get; }

    /// <summary>Objects borrowed and not yet returned, now.</summary>
    public long Outstanding { get; }

    /// <summary>The most objects out at once (measured whenever the pool ran dry and had to create one).</summary>
    public long OutstandingPeak { get; }

    /// <summary>Borrows served from the pool / borrows; 0 before the first borrow.</summary>
    public double HitRatio { get; }

    /// <summary>True while the pool records where each outstanding object was borrowed.</summary>
    public bool TrackingLoans { get; }

    /// <summary>When the counts started (creation or last reset), UTC.</summary>
    public DateTime StatisticsSinceUtc { get; }
}
