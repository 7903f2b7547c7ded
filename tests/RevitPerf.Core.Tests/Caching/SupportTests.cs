using System;
using System.Collections;
using System.Collections.Generic;
using RevitPerf.Core.Caching;

namespace RevitPerf.Core.Tests.Caching;

public class SizeEstimatorTests
{
    [Fact]
    public void WhenValuesAreEstimated_TheSeedRulesApply()
    {
        Assert.Equal(5, SizeEstimator.Estimate("héll"));          // UTF-8 bytes, not characters
        Assert.Equal(64, SizeEstimator.Estimate(42));
        Assert.Equal(64, SizeEstimator.Estimate(null));
        Assert.Equal(80, SizeEstimator.Estimate(new double[10]));
        Assert.Equal(40, SizeEstimator.Estimate(new int[10]));
        Assert.Equal(10, SizeEstimator.Estimate(new byte[10]));
        Assert.Equal(64 + 1 + 2, SizeEstimator.Estimate(new List<string> { "a", "bc" }));
        Assert.Equal(64 + (1 + 64) + (1 + 2), SizeEstimator.Estimate(new Hashtable { ["a"] = 1, ["b"] = "xy" }));
        Assert.Equal(64 + 64 + 1, SizeEstimator.Estimate(new List<object> { new List<string> { "a" } }));
    }

    [Fact]
    public void WhenAGraphHasACycle_TheEstimateEnds()
    {
        var list = new List<object> { "ab" };
        list.Add(list);
        Assert.Equal(64 + 2 + 64, SizeEstimator.Estimate(list));
    }

    [Fact]
    public void WhenAWrapperIsUnwrapped_TheWrappedValueIsMeasured()
    {
        Assert.Equal(3, SizeEstimator.Estimate(new Box("abc"), v => v is Box b ? b.Value : v));
    }

    private sealed record Box(object Value);
}

public class WildcardMatcherTests
{
    [Theory]
    [InlineData("Wall|*", "Wall|123", true)]
    [InlineData("Wall|*", "wall|123", false)]
    [InlineData("Wall|?", "Wall|12", false)]
    [InlineData("Wall|[12]", "Wall|2", true)]
    [InlineData("Wall|[a-c]", "Wall|d", false)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    [InlineData("plain.key", "plain.key", true)]
    [InlineData("(x)+", "(x)+", true)]
    public void WhenKeysAreMatched_PowerShellWildcardRulesApply(string pattern, string key, bool expected) =>
        Assert.Equal(expected, new WildcardMatcher(pattern, ignoreCase: false).IsMatch(key));

    [Fact]
    public void WhenNamesAreMatched_CaseIsIgnored() =>
        Assert.True(new WildcardMatcher("def*", ignoreCase: true).IsMatch("Default"));

    [Fact]
    public void WhenAPatternHasNoWildcard_ItIsLiteral()
    {
        var matcher = new WildcardMatcher("a`[1]", ignoreCase: false);
        Assert.True(matcher.IsLiteral);
        Assert.Equal("a[1]", matcher.Literal);
        Assert.False(new WildcardMatcher("a[1]", ignoreCase: false).IsLiteral);
    }
}

public class CacheKeyTests
{
    [Fact]
    public void WhenArgumentsDiffer_InTypeOrValue_TheKeysDiffer()
    {
        var keys = new[]
        {
            CacheKey.Derive("{ $args }", new object?[] { 1 }),
            CacheKey.Derive("{ $args }", new object?[] { "1" }),
            CacheKey.Derive("{ $args }", new object?[] { 1.0 }),
            CacheKey.Derive("{ $args }", new object?[] { 1L }),
            CacheKey.Derive("{ $args }", new object?[] { null }),
            CacheKey.Derive("{ $args }", new object?[] { "a,b" }),
            CacheKey.Derive("{ $args }", new object?[] { "a", "b" }),
            CacheKey.Derive("{ $args }", new object?[] { new[] { "a", "b" } }),
            CacheKey.Derive("{ $args }", Array.Empty<object?>()),
            CacheKey.Derive("{ $args + 1 }", new object?[] { 1 }),
        };
        Assert.Equal(keys.Length, new HashSet<string>(keys).Count);
    }

    [Fact]
    public void WhenArgumentsAreEqual_TheKeyIsTheSameAndDictionaryOrderDoesNotMatter()
    {
        var a = new Hashtable { ["x"] = 1, ["y"] = "z" };
        var b = new Hashtable { ["y"] = "z", ["x"] = 1 };
        Assert.Equal(CacheKey.Derive(" { 1 } ", new object?[] { a }), CacheKey.Derive("{ 1 }", new object?[] { b }));
    }

    [Fact]
    public void WhenAnArgumentHasNoCanonicalForm_TheSerializerIsUsedOrTheKeyRefused()
    {
        var arg = new object();
        Assert.Throws<ArgumentException>(() => CacheKey.Derive("{}", new[] { arg }));
        Assert.EndsWith("x:System.Object:4:obj1,]", CacheKey.Derive("{}", new[] { arg }, serialize: _ => "obj1"), StringComparison.Ordinal);
    }
}

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
