using System.Linq;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Tests.Fakes;
using static RevitPerf.Core.Tests.Caching.CacheTestHelpers;

namespace RevitPerf.Core.Tests.Caching;

public class CachePolicyTests
{
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
        Assert.Equal(cache.MemoryBytes, entries.Sum(e => e.SizeBytes + e.KeyBytes));
        Assert.True(cache.Count <= 50);
        Assert.True(cache.MemoryBytes <= 2_000);
    }
}
