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
}
