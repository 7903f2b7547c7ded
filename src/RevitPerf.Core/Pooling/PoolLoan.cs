using System;

namespace RevitPerf.Core.Pooling;

/// <summary>
/// An object borrowed from a pool that tracks loans and not given back: where and when it was borrowed. One whose
/// object was garbage-collected can never come back: it leaked.
/// </summary>
public sealed class PoolLoan
{
    internal PoolLoan(string pool, string itemType, DateTime borrowedAtUtc, double ageSeconds, string site, bool collected)
    {
        Pool = pool;
        ItemType = itemType;
        BorrowedAtUtc = borrowedAtUtc;
        AgeSeconds = ageSeconds;
        Site = site;
        Collected = collected;
    }

    /// <summary>The pool's name.</summary>
    public string Pool { get; }

    /// <summary>The object's type.</summary>
    public string ItemType { get; }

    /// <summary>When it was borrowed (UTC).</summary>
    public DateTime BorrowedAtUtc { get; }

    /// <summary>How long ago, in seconds.</summary>
    public double AgeSeconds { get; }

    /// <summary>Where it was borrowed: the caller's description, or the stack trace.</summary>
    public string Site { get; }

    /// <summary>True when the object was garbage-collected without being returned: it leaked.</summary>
    public bool Collected { get; }
}
