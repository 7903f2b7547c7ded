using System.Linq;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Tests.Fakes;
using static RevitPerf.Core.Tests.Caching.CacheTestHelpers;

namespace RevitPerf.Core.Tests.Caching;

public class AdaptivePolicyTests
{
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
}
