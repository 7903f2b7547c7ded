using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;
using static RevitPerf.Core.Tests.Caching.CacheTestHelpers;

namespace RevitPerf.Core.Tests.Caching;

public class DependencyIndexTests
{
    private static CacheEntryOptions DependsOn(params string[] tags) => new() { Dependencies = tags };

    [Fact]
    public void WhenATagIsInvalidated_EveryDependentGoesAndTheCascadeFollowsKeys()
    {
        var cache = NewCache();
        cache.Set("Level|1", 1);
        cache.Set("Wall|1", 1, DependsOn("Level|1"));
        cache.Set("Area|1", 1, DependsOn("Wall|1"));
        cache.Set("Report", 1, DependsOn("Area|1"));
        cache.Set("Unrelated", 1);
        Assert.Equal(3, cache.InvalidateDependency("Level|1"));
        Assert.True(cache.Has("Level|1"));
        Assert.False(cache.Has("Wall|1") || cache.Has("Area|1") || cache.Has("Report"));
        Assert.True(cache.Has("Unrelated"));
        Assert.Equal(3, cache.GetStatistics().InvalidatedEvictions);
    }

    [Fact]
    public void WhenDependenciesFormACycle_InvalidationEnds()
    {
        var cache = NewCache();
        cache.Set("a", 1, DependsOn("c"));
        cache.Set("b", 1, DependsOn("a"));
        cache.Set("c", 1, DependsOn("b"));
        Assert.Equal(3, cache.InvalidateDependency("a"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void WhenAKeyIsSetAgain_ItsOldDependenciesNoLongerApply()
    {
        var cache = NewCache();
        cache.Set("view", 1, DependsOn("old"));
        cache.Set("view", 2, DependsOn("new"));
        Assert.Equal(0, cache.InvalidateDependency("old"));
        Assert.True(cache.Has("view"));
        Assert.Equal(1, cache.InvalidateDependency("new"));
        Assert.False(cache.Has("view"));
    }

    [Fact]
    public void WhenAPatternIsInvalidated_TheMatchesAreReallyRemovedAndCounted()
    {
        var cache = NewCache();
        cache.Set("Wall|1", 1);
        cache.Set("Wall|2", 2);
        cache.Set("Door|1", 3);
        cache.Set("Tag|W1", 4, DependsOn("Wall|1"));
        Assert.Equal(3, cache.InvalidatePattern(new WildcardMatcher("Wall|*", ignoreCase: false)));
        Assert.Equal(new[] { "Door|1" }, System.Linq.Enumerable.Select(cache.GetEntries(), e => e.Key));
        Assert.Equal(0, cache.InvalidatePattern(new WildcardMatcher("Wall|*", ignoreCase: false)));
    }

    [Fact]
    public void WhenAKeyIsRemovedByWildcard_TheMatchesGoWithReasonRemoved()
    {
        var cache = NewCache();
        cache.Set("Wall|1", 1);
        cache.Set("Wall|2", 2);
        cache.Set("wall|3", 3);
        Assert.Equal(2, cache.Remove(new WildcardMatcher("Wall|?", ignoreCase: false)));
        Assert.Equal(2, cache.GetStatistics().RemovedEntries);
        Assert.True(cache.Has("wall|3"));
    }

    [Fact]
    public void WhenADependentIsEvicted_ItsRegistrationGoesWithIt()
    {
        var cache = NewCache(maxSize: 1);
        cache.Set("a", 1, DependsOn("t"));
        cache.Set("b", 2);
        Assert.Equal(0, cache.InvalidateDependency("t"));
        Assert.True(cache.Has("b"));
    }
}
