using System.Linq;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Tests.Fakes;
using static RevitPerf.Core.Tests.Caching.CacheTestHelpers;

namespace RevitPerf.Core.Tests.Caching;

public class ListPolicyTests
{
    [Fact]
    public void WhenFifoIsFull_TheOldestWriteGoesWhateverWasRead()
    {
        var cache = NewCache(EvictionPolicy.FIFO, maxSize: 2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.TryGet("a", out _);
        cache.Set("c", 3);
        Assert.False(cache.Has("a"));
        Assert.True(cache.Has("b") && cache.Has("c"));
    }

    [Fact]
    public void WhenLruIsUsedFromOneThread_ItsOrderIsExactAcrossManyBufferedReads()
    {
        // More reads than one read buffer holds, so the replay order is what decides.
        var cache = NewCache(maxSize: 200);
        var reference = new System.Collections.Generic.LinkedList<string>();
        var random = new System.Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var key = "k" + random.Next(400);
            if (cache.TryGet(key, out _))
            {
                reference.Remove(key);
                reference.AddLast(key);
            }
            else
            {
                cache.Set(key, i);
                reference.AddLast(key);
                if (reference.Count > 200)
                {
                    reference.RemoveFirst();
                }
            }
        }

        Assert.Equal(reference.OrderBy(k => k, System.StringComparer.Ordinal), cache.GetEntries().Select(e => e.Key));
    }
}
