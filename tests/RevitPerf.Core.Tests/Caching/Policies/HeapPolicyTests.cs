using System.Linq;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Tests.Fakes;
using static RevitPerf.Core.Tests.Caching.CacheTestHelpers;

namespace RevitPerf.Core.Tests.Caching;

public class HeapPolicyTests
{
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
}
