using System;
using System.Collections;
using System.Collections.Generic;
using RevitPerf.Core.Caching;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Tests.Kernel;

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
