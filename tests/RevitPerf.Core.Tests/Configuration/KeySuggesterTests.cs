using RevitPerf.Core.Configuration;

namespace RevitPerf.Core.Tests.Configuration;

public class KeySuggesterTests
{
    private static readonly string[] s_keys = { "cache_max_size", "cache_max_memory_mb", "cache_ttl_seconds", "pool_max_size" };

    [Theory]
    [InlineData("cache_max_sise", "cache_max_size")]
    [InlineData("CacheMaxSize", "cache_max_size")]
    [InlineData("cache-ttl-seconds", "cache_ttl_seconds")]
    [InlineData("cache_max_memory", "cache_max_memory_mb")]
    [InlineData("pool_max_siz", "pool_max_size")]
    public void WhenAKeyIsMisspelt_TheClosestValidKeyIsSuggested(string typed, string expected) =>
        Assert.Equal(expected, KeySuggester.Suggest(typed, s_keys));

    [Fact]
    public void WhenNothingIsClose_NothingIsSuggested() =>
        Assert.Null(KeySuggester.Suggest("completely_different", s_keys));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    public void WhenDistanceIsMeasured_ItIsTheLevenshteinDistance(string a, string b, int expected) =>
        Assert.Equal(expected, KeySuggester.Distance(a, b));
}
