using System;
using System.Collections;
using System.Collections.Generic;
using RevitPerf.Core.Caching;

namespace RevitPerf.Core.Tests.Caching;

public class AdaptiveSizingTests
{
    private static RevitCache Cache(int maxSize) => CacheTestHelpers.NewCache(maxSize: maxSize);

    [Fact]
    public void WhenTheCacheIsIdle_ItDoesNotGrow()
    {
        var cache = Cache(100);
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(cache.TryGrowForHitRatio(0, 400L << 20, minimumTraffic: 100));
        }

        Assert.Equal(100, cache.MaxSize);
    }

    [Fact]
    public void WhenTheHitRatioIsLowOverEnoughReads_TheSizeDoublesUpTo50000()
    {
        var cache = Cache(30_000);
        for (var i = 0; i < 100; i++)
        {
            cache.TryGet("miss" + i, out _);
        }

        Assert.Equal(50_000, cache.TryGrowForHitRatio(0, 400L << 20, minimumTraffic: 100));
        for (var i = 0; i < 100; i++)
        {
            cache.TryGet("miss" + i, out _);
        }

        Assert.Null(cache.TryGrowForHitRatio(0, 400L << 20, minimumTraffic: 100));
        Assert.Equal(50_000, cache.MaxSize);
    }

    [Fact]
    public void WhenMemoryHasNoHeadroomOrTheRatioIsGood_TheSizeStays()
    {
        var cache = Cache(100);
        for (var i = 0; i < 100; i++)
        {
            cache.TryGet("miss" + i, out _);
        }

        Assert.Null(cache.TryGrowForHitRatio(memoryBytes: 321L << 20, cleanupThresholdBytes: 400L << 20, minimumTraffic: 100));
        cache.Set("hit", 1);
        for (var i = 0; i < 100; i++)
        {
            cache.TryGet("hit", out _);
        }

        Assert.Null(cache.TryGrowForHitRatio(0, 400L << 20, minimumTraffic: 100));
        Assert.Equal(100, cache.MaxSize);
    }
}
