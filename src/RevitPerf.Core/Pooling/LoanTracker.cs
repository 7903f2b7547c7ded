using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;

namespace RevitPerf.Core.Pooling;

/// <summary>
/// The record of a pool's outstanding objects while loans are tracked: where and when each was borrowed. Objects are
/// held weakly, so the record never keeps one alive, and one collected before its return shows as leaked.
/// </summary>
internal sealed class LoanTracker
{
    private readonly object _gate = new();
    private readonly Dictionary<int, List<Loan>> _loans = new();
    private long _sequence;

    public void Add(object item, string? site, DateTime now)
    {
        // Without a site given, the stack trace above the pool's own frames says where.
        var key = RuntimeHelpers.GetHashCode(item);
        var trace = site ?? new StackTrace(2, false).ToString().TrimEnd();
        lock (_gate)
        {
            var loan = new Loan(new WeakReference(item), item.GetType().FullName ?? item.GetType().Name, trace, now, _sequence++);
            if (!_loans.TryGetValue(key, out var list))
            {
                _loans[key] = list = new List<Loan>(1);
            }

            list.Add(loan);
        }
    }

    public void Remove(object item)
    {
        var key = RuntimeHelpers.GetHashCode(item);
        lock (_gate)
        {
            if (!_loans.TryGetValue(key, out var list))
            {
                return;
            }

            var index = list.FindIndex(l => ReferenceEquals(l.Target.Target, item));
            if (index >= 0)
            {
                list.RemoveAt(index);
            }

            if (list.Count == 0)
            {
                _loans.Remove(key);
            }
        }
    }

    public IReadOnlyList<PoolLoan> Snapshot(string pool, DateTime now)
    {
        lock (_gate)
        {
            return _loans.Values.SelectMany(l => l)
                .OrderBy(l => l.Sequence)
                .Select(l => new PoolLoan(pool, l.ItemType, l.BorrowedAt, Math.Max(0, (now - l.BorrowedAt).TotalSeconds), l.Site, !l.Target.IsAlive))
                .ToList();
        }
    }

    private sealed class Loan
    {
        public Loan(WeakReference target, string itemType, string site, DateTime borrowedAt, long sequence)
        {
            Sequence = sequence;
            Target = target;
            ItemType = itemType;
            Site = site;
            BorrowedAt = borrowedAt;
        }

        public WeakReference Target { get; }

        public string ItemType { get; }

        public string Site { get; }

        public DateTime BorrowedAt { get; }

        public long Sequence { get; }
    }
}
