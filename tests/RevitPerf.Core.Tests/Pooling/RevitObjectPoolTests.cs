using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using RevitPerf.Core.Pooling;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Pooling;

public class RevitObjectPoolTests
{
    private static void AssertBalanced(PoolStatistics s)
    {
        Assert.Equal(s.Borrowed, s.Returned + s.Outstanding);
        Assert.Equal(s.Created, s.Available + s.Outstanding + s.Discarded);
    }

    [Fact]
    public void WhenCreatedWithoutAName_ItIsNamedAfterTheFullTypeName()
    {
        var pool = new RevitObjectPool<StringBuilder>(() => new StringBuilder());
        Assert.Equal("System.Text.StringBuilder", pool.Name);
        Assert.Equal(typeof(StringBuilder), pool.ItemType);
        Assert.Equal(ObjectPoolDefaults.MaxSize, pool.MaxSize);
    }

    [Fact]
    public void WhenAnObjectIsReturned_TheNextBorrowGetsItBackReset()
    {
        var pool = new RevitObjectPool<StringBuilder>(() => new StringBuilder(), b => b.Clear());
        var first = pool.Borrow();
        first.Append("dirty");
        Assert.Equal(ReturnOutcome.Pooled, pool.Return(first));
        var second = pool.Borrow();
        Assert.Same(first, second);
        Assert.Equal(0, second.Length);

        var s = pool.GetStatistics();
        Assert.Equal(1, s.Created);
        Assert.Equal(2, s.Borrowed);
        Assert.Equal(1, s.Returned);
        Assert.Equal(1, s.Outstanding);
        Assert.Equal(0.5, s.HitRatio);
        AssertBalanced(s);
    }

    [Fact]
    public void WhenNothingIsEverReturned_TheHitRatioIsZeroNotOne()
    {
        // RevitPy's hit accounting made this about 1.
        var pool = new RevitObjectPool<object>(() => new object());
        for (var i = 0; i < 10; i++)
        {
            pool.Borrow();
        }

        var s = pool.GetStatistics();
        Assert.Equal(0, s.HitRatio);
        Assert.Equal(10, s.Created);
        Assert.Equal(10, s.Outstanding);
        Assert.Equal(10, s.OutstandingPeak);
    }

    [Fact]
    public void WhenTheResetThrows_TheObjectIsDiscardedAndNeverHandedOutAgain()
    {
        var pool = new RevitObjectPool<List<int>>(() => new List<int>(), l => throw new InvalidOperationException("broken"));
        var item = pool.Borrow();
        Assert.Equal(ReturnOutcome.ResetFailed, pool.Return(item, out var error));
        Assert.Equal("broken", error!.Message);
        Assert.NotSame(item, pool.Borrow());

        var s = pool.GetStatistics();
        Assert.Equal(1, s.DiscardedResetFailed);
        Assert.Equal(0, s.Available);
        AssertBalanced(s);
    }

    [Fact]
    public void WhenThePoolIsFull_TheSurplusIsDiscardedAndCounted()
    {
        var pool = new RevitObjectPool<object>(() => new object(), maxSize: 3);
        var items = Enumerable.Range(0, 5).Select(_ => pool.Borrow()).ToList();
        var outcomes = items.Select(pool.Return).ToList();
        Assert.Equal(3, outcomes.Count(o => o == ReturnOutcome.Pooled));
        Assert.Equal(2, outcomes.Count(o => o == ReturnOutcome.PoolFull));

        var s = pool.GetStatistics();
        Assert.Equal(3, s.Available);
        Assert.Equal(2, s.DiscardedPoolFull);
        AssertBalanced(s);
    }

    [Fact]
    public void WhenPoolingIsOff_EveryBorrowCreatesAndEveryReturnDiscards()
    {
        var pool = new RevitObjectPool<object>(() => new object());
        pool.Return(pool.Borrow());
        pool.Enabled = false;
        Assert.Equal(0, pool.Available);
        var a = pool.Borrow();
        Assert.Equal(ReturnOutcome.PoolingOff, pool.Return(a));
        Assert.NotSame(a, pool.Borrow());

        var s = pool.GetStatistics();
        Assert.False(s.Enabled);
        Assert.Equal(3, s.Created);
        Assert.Equal(2, s.DiscardedPoolingOff); // the idle one dropped when pooling went off, and the return
        AssertBalanced(s);
    }

    [Fact]
    public void WhenResizedDown_TheSurplusIsDroppedAtOnce_AndUp_MoreIsKept()
    {
        var pool = new RevitObjectPool<object>(() => new object(), maxSize: 10);
        var items = Enumerable.Range(0, 10).Select(_ => pool.Borrow()).ToList();
        items.ForEach(i => pool.Return(i));
        Assert.Equal(10, pool.Available);

        Assert.Equal(6, pool.Resize(4));
        Assert.Equal(4, pool.Available);
        Assert.Equal(4, pool.MaxSize);

        pool.Resize(20);
        var more = Enumerable.Range(0, 20).Select(_ => pool.Borrow()).ToList();
        Assert.All(more.Select(pool.Return), o => Assert.Equal(ReturnOutcome.Pooled, o));
        Assert.Equal(20, pool.Available);

        var s = pool.GetStatistics();
        Assert.Equal(6, s.Trimmed);
        AssertBalanced(s);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Resize(0));
    }

    [Fact]
    public void WhenTrimmed_OnlyObjectsIdleSinceTheLastTrimAreDropped()
    {
        var pool = new RevitObjectPool<object>(() => new object());
        var items = Enumerable.Range(0, 10).Select(_ => pool.Borrow()).ToList();
        items.ForEach(i => pool.Return(i));
        pool.Trim(); // starts the interval: 10 idle

        // During the interval at most 3 are out at once: 7 were never needed.
        for (var round = 0; round < 5; round++)
        {
            var three = Enumerable.Range(0, 3).Select(_ => pool.Borrow()).ToList();
            three.ForEach(i => pool.Return(i));
        }

        Assert.Equal(7, pool.Trim());
        Assert.Equal(3, pool.Available);

        // Nothing borrowed for a whole interval: everything goes.
        Assert.Equal(3, pool.Trim());
        Assert.Equal(0, pool.Available);
        AssertBalanced(pool.GetStatistics());
    }

    [Fact]
    public void WhenResetAfterUse_TheCountsStartAfreshAndTheIdleObjectsGo()
    {
        var clock = new ManualClock();
        var pool = new RevitObjectPool<object>(() => new object(), clock: clock);
        pool.Return(pool.Borrow());
        var held = pool.Borrow();
        clock.Advance(TimeSpan.FromMinutes(1));
        pool.Reset();

        var s = pool.GetStatistics();
        Assert.Equal(0, s.Borrowed);
        Assert.Equal(0, s.Created);
        Assert.Equal(0, s.Available);
        Assert.Equal(1, s.Outstanding); // still out: outstanding is a figure of now
        Assert.Equal(clock.UtcNow, s.StatisticsSinceUtc);
        pool.Return(held);
        Assert.Equal(0, pool.GetStatistics().Outstanding);
    }

    [Fact]
    public void WhenTwoThreadsBorrowAndReturnHard_TheStatisticsBalanceExactly()
    {
        var pool = new RevitObjectPool<object>(() => new object(), maxSize: 8);
        var kept = new List<object>[2];
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            var held = new List<object>();
            for (var i = 0; i < 200_000; i++)
            {
                if (held.Count > 0 && (held.Count > 12 || random.Next(2) == 0))
                {
                    var index = random.Next(held.Count);
                    pool.Return(held[index]);
                    held.RemoveAt(index);
                }
                else
                {
                    held.Add(pool.Borrow());
                }
            }

            kept[t] = held;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var s = pool.GetStatistics();
        Assert.Equal(kept.Sum(k => k.Count), s.Outstanding);
        AssertBalanced(s);
        Assert.InRange(s.Available, 0, 8);
        Assert.InRange(s.OutstandingPeak, s.Outstanding, 26);
        Assert.True(s.HitRatio > 0.5, $"hit ratio {s.HitRatio}");
    }

    [Fact]
    public void WhenLoansAreTracked_AnObjectNeverReturnedIsReportedWithWhereItWasBorrowed()
    {
        var pool = new RevitObjectPool<object>(() => new object()) { TrackLoans = true };
        BorrowAndDrop(pool);
        var kept = pool.Borrow("keeper.ps1:12");
        pool.Return(pool.Borrow("returned.ps1:1"));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var loans = pool.GetLoans();
        Assert.Equal(2, loans.Count);
        Assert.Contains(nameof(BorrowAndDrop), loans[0].Site); // no site given: the stack trace
        Assert.True(loans[0].Collected);
        Assert.Equal("keeper.ps1:12", loans[1].Site);
        Assert.False(loans[1].Collected);
        GC.KeepAlive(kept);

        pool.TrackLoans = false;
        Assert.Empty(pool.GetLoans());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BorrowAndDrop(RevitObjectPool<object> pool) => pool.Borrow();

    [Fact]
    public void WhenTheFactoryFails_NothingIsCounted()
    {
        var pool = new RevitObjectPool<object>(() => throw new InvalidOperationException("no"));
        Assert.Throws<InvalidOperationException>(() => pool.Borrow());
        var s = pool.GetStatistics();
        Assert.Equal(0, s.Borrowed);
        Assert.Equal(0, s.Created);
    }

    [Fact]
    public void WhenBorrowsOftenFindThePoolEmpty_ItGrowsTwofoldUpToTheLimit_AndAnIdlePoolNever()
    {
        var pool = new RevitObjectPool<object>(() => new object(), maxSize: 2);
        Assert.Null(pool.TryGrowForHitRatio(10)); // no traffic, no change

        // Four out at once, a pool of two: half the borrows create.
        for (var round = 0; round < 10; round++)
        {
            var four = Enumerable.Range(0, 4).Select(_ => pool.Borrow()).ToList();
            four.ForEach(i => pool.Return(i));
        }

        Assert.Equal(4, pool.TryGrowForHitRatio(10));
        Assert.Equal(4, pool.MaxSize);
        Assert.Null(pool.TryGrowForHitRatio(10)); // nothing since the decision

        for (var round = 0; round < 10; round++)
        {
            var four = Enumerable.Range(0, 4).Select(_ => pool.Borrow()).ToList();
            four.ForEach(i => pool.Return(i));
        }

        Assert.Null(pool.TryGrowForHitRatio(10)); // now they fit: the hit ratio is high
        var big = new RevitObjectPool<object>(() => new object(), maxSize: 1500);
        for (var i = 0; i < 20; i++)
        {
            big.Borrow();
        }

        Assert.Equal(ObjectPoolDefaults.MaxAdaptiveSize, big.TryGrowForHitRatio(10));
    }

    [Fact]
    public void WhenDisposedObjectsAreAskedFor_ADiscardDisposesOnlyWhenAsked()
    {
        var pool = new RevitObjectPool<Disposable>(() => new Disposable(), maxSize: 1);
        var a = pool.Borrow();
        var b = pool.Borrow();
        pool.Return(a);
        pool.Return(b);
        Assert.False(b.Disposed);

        pool.DisposeDiscarded = true;
        var c = pool.Borrow();
        var d = pool.Borrow();
        pool.Return(c);
        pool.Return(d);
        Assert.True(d.Disposed);
    }

    [Fact]
    public void WhenThePoolIsDisposed_ReturnsAreDiscarded()
    {
        var pool = new RevitObjectPool<object>(() => new object());
        var item = pool.Borrow();
        pool.Return(pool.Borrow());
        pool.Dispose();
        Assert.Equal(0, pool.Available);
        Assert.Equal(ReturnOutcome.PoolingOff, pool.Return(item));
        AssertBalanced(pool.GetStatistics());
    }

    private sealed class Disposable : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
