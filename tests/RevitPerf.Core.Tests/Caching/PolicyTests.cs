using System.Linq;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Tests.Fakes;
using static RevitPerf.Core.Tests.Caching.CacheTestHelpers;

namespace RevitPerf.Core.Tests.Caching;

public class PolicyTests
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
    public void WhenLfuIsFull_TheLeastFrequentGoesNotTheNewestEntry()
    {
        var cache = NewCache(EvictionPolicy.LFU, maxSize: 3);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        cache.TryGet("a", out _);
        cache.TryGet("a", out _);
        cache.TryGet("c", out _);
        cache.Set("d", 4);
        Assert.False(cache.Has("b"));
        Assert.True(cache.Has("a") && cache.Has("c") && cache.Has("d"));
        cache.Set("e", 5); // d (frequency 1) is now the least frequent; e, being inserted, is never its own victim
        Assert.False(cache.Has("d"));
        Assert.True(cache.Has("e"));
    }

    [Fact]
    public void WhenLfuTiesOnFrequency_TheLeastRecentGoes()
    {
        var cache = NewCache(EvictionPolicy.LFU, maxSize: 2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.TryGet("b", out _);
        cache.TryGet("a", out _);
        cache.Set("c", 3);
        Assert.False(cache.Has("b"));
    }

    [Fact]
    public void WhenAnLfuKeyIsUpdated_ItKeepsItsFrequency()
    {
        var cache = NewCache(EvictionPolicy.LFU, maxSize: 2);
        cache.Set("hot", 1);
        for (var i = 0; i < 5; i++)
        {
            cache.TryGet("hot", out _);
        }

        cache.Set("cold", 2);
        cache.TryGet("cold", out _);
        cache.Set("hot", 10);
        cache.Set("new", 3);
        Assert.True(cache.Has("hot"));
        Assert.False(cache.Has("cold"));
    }

    [Fact]
    public void WhenTtlPolicyIsFull_TheEntryClosestToExpiryGoes()
    {
        var cache = NewCache(EvictionPolicy.TTL, maxSize: 3, ttl: System.TimeSpan.FromHours(1));
        cache.Set("late", 1, new CacheEntryOptions { TimeToLive = System.TimeSpan.FromMinutes(30) });
        cache.Set("soon", 2, new CacheEntryOptions { TimeToLive = System.TimeSpan.FromMinutes(1) });
        cache.Set("default", 3);
        cache.Set("new", 4);
        Assert.False(cache.Has("soon"));
        Assert.Equal(new[] { "default", "late", "new" }, cache.GetEntries().Select(e => e.Key));
    }

    [Fact]
    public void WhenSizeBasedIsFull_TheLargestEntryGoes()
    {
        var cache = NewCache(EvictionPolicy.SizeBased, maxSize: 3);
        cache.Set("small", "ab");
        cache.Set("large", new string('x', 500));
        cache.Set("medium", new string('x', 50));
        cache.Set("new", "c");
        Assert.False(cache.Has("large"));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void WhenAdaptiveSeesAScan_ThePopularWorkingSetSurvives()
    {
        var cache = NewCache(EvictionPolicy.Adaptive, maxSize: 100);
        for (var round = 0; round < 20; round++)
        {
            for (var i = 0; i < 50; i++)
            {
                if (!cache.TryGet("hot" + i, out _))
                {
                    cache.Set("hot" + i, i);
                }
            }
        }

        for (var i = 0; i < 1000; i++)
        {
            cache.Set("scan" + i, i);
        }

        var survivors = Enumerable.Range(0, 50).Count(i => cache.Has("hot" + i));
        Assert.True(survivors >= 45, $"only {survivors} of the 50 popular keys survived the scan");
        Assert.Equal(100, cache.Count);
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

    [Theory]
    [InlineData(EvictionPolicy.LRU)]
    [InlineData(EvictionPolicy.LFU)]
    [InlineData(EvictionPolicy.FIFO)]
    [InlineData(EvictionPolicy.TTL)]
    [InlineData(EvictionPolicy.SizeBased)]
    [InlineData(EvictionPolicy.Adaptive)]
    public void WhenAnyPolicyChurns_CountAndMemoryMatchTheEntriesAndLimitsHold(EvictionPolicy policy)
    {
        var clock = new ManualClock();
        var cache = NewCache(policy, maxSize: 50, maxMemoryBytes: 2_000, ttl: System.TimeSpan.FromSeconds(30), clock: clock);
        var random = new System.Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var key = "k" + random.Next(200);
            switch (random.Next(10))
            {
                case < 6:
                    cache.TryGet(key, out _);
                    break;
                case < 9:
                    cache.Set(key, new string('v', random.Next(80)), new CacheEntryOptions { TimeToLive = System.TimeSpan.FromSeconds(random.Next(1, 60)) });
                    break;
                default:
                    cache.Remove(key);
                    break;
            }

            if (i % 100 == 0)
            {
                clock.Advance(System.TimeSpan.FromSeconds(1));
            }
        }

        cache.RemoveExpired();
        var entries = cache.GetEntries();
        Assert.Equal(cache.Count, entries.Count);
        Assert.Equal(cache.MemoryBytes, entries.Sum(e => e.SizeBytes));
        Assert.True(cache.Count <= 50);
        Assert.True(cache.MemoryBytes <= 2_000);
    }
}
