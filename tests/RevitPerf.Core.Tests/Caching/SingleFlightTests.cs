using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RevitPerf.Core.Caching;
using static RevitPerf.Core.Tests.Caching.CacheTestHelpers;

namespace RevitPerf.Core.Tests.Caching;

public class SingleFlightTests
{
    [Fact]
    public async Task WhenManyCallersMissAtOnce_TheFactoryRunsOnceAndAllGetItsValue()
    {
        var cache = NewCache();
        var runs = 0;
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var first = Task.Run(() => cache.GetOrAdd("k", _ =>
        {
            Interlocked.Increment(ref runs);
            entered.Set();
            release.Wait();
            return "value";
        }));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10)));
        var others = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetOrAdd("k", _ =>
        {
            Interlocked.Increment(ref runs);
            return "other";
        }))).ToArray();
        release.Set();
        var results = await Task.WhenAll(others.Append(first));
        Assert.All(results, r => Assert.Equal("value", r));
        Assert.Equal(1, runs);
        var stats = cache.GetStatistics();
        Assert.Equal(9, stats.Hits + stats.Misses);
    }

    [Fact]
    public async Task WhenTheFactoryFails_NothingIsCachedAndEveryWaiterSeesTheError()
    {
        var cache = NewCache();
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var owner = Task.Run(() => cache.GetOrAdd("k", _ =>
        {
            entered.Set();
            release.Wait();
            throw new FormatException("bad data");
        }));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10)));
        var waiter = Task.Run(() => cache.GetOrAdd("k", _ => "never"));
        Thread.Yield();
        release.Set();
        Assert.Equal("bad data", (await Assert.ThrowsAsync<FormatException>(() => owner)).Message);
        var waiterError = await Record.ExceptionAsync(() => waiter);

        // The waiter either joined the failed flight (same error) or came after it and ran its own factory.
        Assert.True(waiterError is FormatException || (waiterError is null && await waiter as string == "never"));
        Assert.True(cache.Count <= 1);
        Assert.DoesNotContain(cache.GetEntries(), e => e.Value is FormatException);
    }

    [Fact]
    public void WhenTheFactoryFails_TheNextCallRunsItAgain()
    {
        var cache = NewCache();
        Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd("k", _ => throw new InvalidOperationException()));
        Assert.Equal(0, cache.Count);
        Assert.Equal(5, cache.GetOrAdd("k", _ => 5));
        Assert.Equal(5, cache.GetOrAdd("k", _ => 6));
    }

    [Fact]
    public void WhenAFactoryReturnsNull_TheNullIsCached()
    {
        var cache = NewCache();
        var runs = 0;
        Assert.Null(cache.GetOrAdd("k", _ => { runs++; return null; }));
        Assert.Null(cache.GetOrAdd("k", _ => { runs++; return "x"; }));
        Assert.Equal(1, runs);
    }

    [Fact]
    public void WhenAFactoryAsksForItsOwnKey_ItFailsInsteadOfDeadlocking()
    {
        var cache = NewCache();
        var ex = Assert.ThrowsAny<InvalidOperationException>(() => cache.GetOrAdd("k", _ => cache.GetOrAdd("k", _ => 1)));
        Assert.Contains("its own key", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task WhenAWaiterIsCancelled_ItStopsWaitingWhileTheOwnerGoesOn()
    {
        var cache = NewCache();
        using var ownerStarted = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var owner = Task.Run(() => cache.GetOrAdd("k", _ => { ownerStarted.Set(); release.Wait(TimeSpan.FromSeconds(30)); return 1; }));
        Assert.True(ownerStarted.Wait(TimeSpan.FromSeconds(10)));
        using var cancellation = new CancellationTokenSource();
        var waiter = Task.Run(() => cache.GetOrAdd("k", _ => 2, null, cancellation.Token));
        SpinWait.SpinUntil(() => waiter.Status == TaskStatus.Running, TimeSpan.FromSeconds(1));
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(owner.IsCompleted);
        release.Set();
        Assert.Equal(1, await owner.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WhenTheOwnerIsCancelled_AWaiterComputesTheValueItselfInsteadOfInheritingTheCancellation()
    {
        var cache = NewCache();
        using var ownerStarted = new ManualResetEventSlim();
        using var waiterWaiting = new ManualResetEventSlim();
        var owner = Task.Run(() => cache.GetOrAdd("k", _ =>
        {
            ownerStarted.Set();
            waiterWaiting.Wait(TimeSpan.FromSeconds(30));
            Thread.Sleep(50); // let the waiter block on the flight
            throw new OperationCanceledException("pipeline stopped");
        }));
        Assert.True(ownerStarted.Wait(TimeSpan.FromSeconds(10)));
        var waiter = Task.Run(() =>
        {
            waiterWaiting.Set();
            return cache.GetOrAdd("k", _ => "computed by the waiter");
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => owner.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("computed by the waiter", await waiter.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(cache.TryGet("k", out var cached));
        Assert.Equal("computed by the waiter", cached);
    }

    [Fact]
    public async Task WhenTwoThreadsWaitForEachOthersKeys_TheCycleFailsFastAndNobodyHangs()
    {
        var cache = NewCache();
        using var bothOwn = new Barrier(2);
        Exception? Run(string mine, string theirs)
        {
            try
            {
                cache.GetOrAdd(mine, _ =>
                {
                    bothOwn.SignalAndWait(TimeSpan.FromSeconds(10));
                    return cache.GetOrAdd(theirs, _ => "never computed here");
                });
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }

        var a = Task.Run(() => Run("K1", "K2"));
        var b = Task.Run(() => Run("K2", "K1"));
        var errors = await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromSeconds(20)); // a deadlock fails here
        Assert.All(errors, e => Assert.IsType<CacheRecursionException>(e));
        Assert.Contains(errors, e => ((CacheRecursionException)e!).WaitedFor is not null);

        // A third caller of K1 finds no flight left behind: it computes.
        Assert.Equal("third", await Task.Run(() => cache.GetOrAdd("K1", _ => "third")).WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
