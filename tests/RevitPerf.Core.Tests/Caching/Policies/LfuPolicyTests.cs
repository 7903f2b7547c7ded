using System.Linq;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Tests.Fakes;
using static RevitPerf.Core.Tests.Caching.CacheTestHelpers;

namespace RevitPerf.Core.Tests.Caching;

public class LfuPolicyTests
{
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
}
