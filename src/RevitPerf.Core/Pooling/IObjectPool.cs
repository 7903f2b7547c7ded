using System;
using System.Collections.Generic;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Tuning;

namespace RevitPerf.Core.Pooling;

/// <summary>What every object pool offers whatever it holds: its statistics, sizing, trimming and loans.</summary>
public interface IObjectPool : INamedObject
{
    /// <summary>The type the pool holds.</summary>
    Type ItemType { get; }

    /// <summary>The most idle objects it keeps.</summary>
    int MaxSize { get; }

    /// <summary>True when its size follows pool_max_size (it was created without one of its own).</summary>
    bool FollowsConfiguration { get; }

    /// <summary>False while pooling is off: every borrow creates, every return discards.</summary>
    bool Enabled { get; set; }

    /// <summary>True while it records where each outstanding object was borrowed (off by default: it costs).</summary>
    bool TrackLoans { get; set; }

    /// <summary>Disposes the objects the pool discards when they are <see cref="IDisposable"/> (off by default).</summary>
    bool DisposeDiscarded { get; set; }

    /// <summary>Idle objects in the pool now.</summary>
    int Available { get; }

    /// <summary>A snapshot of its statistics.</summary>
    PoolStatistics GetStatistics();

    /// <summary>Changes the most idle objects it keeps; a smaller size drops the surplus at once. Returns the objects dropped.</summary>
    int Resize(int maxSize);

    /// <summary>Drops the idle objects the pool did not need since the last trim; returns how many.</summary>
    int Trim();

    /// <summary>Drops every idle object; returns how many.</summary>
    int Clear();

    /// <summary>Drops every idle object and starts the counts afresh.</summary>
    void Reset();

    /// <summary>
    /// Doubles the size (to at most <see cref="ObjectPoolDefaults.MaxAdaptiveSize"/>) when at least
    /// <paramref name="minimumBorrows"/> borrows since the last decision found the pool empty too often (hit ratio
    /// below <see cref="ObjectPoolDefaults.LowHitRatioThreshold"/>). Returns the new size, or null when it keeps its size.
    /// </summary>
    int? TryGrowForHitRatio(long minimumBorrows);

    /// <summary>What <see cref="TryGrowForHitRatio"/> would do now, without doing it.</summary>
    GrowthDecision EvaluateGrowth(long minimumBorrows);

    /// <summary><see cref="TryGrowForHitRatio"/> with the decision it made.</summary>
    GrowthDecision Grow(long minimumBorrows);

    /// <summary>Borrows an object, for callers that do not know the type (see <c>RevitObjectPool&lt;T&gt;.Borrow(string)</c>).</summary>
    object BorrowObject(string? site);

    /// <summary>Returns an object, for callers that do not know the type; it must be of <see cref="ItemType"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="item"/> is not of <see cref="ItemType"/>.</exception>
    ReturnOutcome ReturnObject(object item, out Exception? resetError);

    /// <summary>The objects borrowed and not returned while loans were tracked, oldest first.</summary>
    IReadOnlyList<PoolLoan> GetLoans();
}
