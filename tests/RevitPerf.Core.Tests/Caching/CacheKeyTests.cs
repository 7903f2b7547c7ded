using System;
using System.Collections;
using System.Collections.Generic;
using RevitPerf.Core.Caching;

namespace RevitPerf.Core.Tests.Caching;

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
    public void WhenAnArgumentHasNoCanonicalForm_TheCallersDescriptionIsUsedOrTheKeyRefused()
    {
        var arg = new object();
        Assert.ThrowsAny<ArgumentException>(() => CacheKey.Derive("{}", new[] { arg }));
        Assert.EndsWith("x:System.Object:4:obj1,]", CacheKey.Canonical("{}", new[] { arg }, describe: _ => "obj1"), StringComparison.Ordinal);
        Assert.Throws<CacheKeyNotDerivableException>(() => CacheKey.Derive("{}", new[] { arg }, describe: _ => null));
    }

    [Fact]
    public void WhenArgumentsDifferOnlyDeepDown_TheKeysStillDiffer()
    {
        // Four levels of XML below the argument: a serializer with a depth limit saw these as equal.
        var one = new System.Xml.XmlDocument();
        one.LoadXml("<a><b><c><d>1</d></c></b></a>");
        var two = new System.Xml.XmlDocument();
        two.LoadXml("<a><b><c><d>2</d></c></b></a>");
        Assert.NotEqual(CacheKey.Derive("{}", new[] { one }), CacheKey.Derive("{}", new[] { two }));
        var deep1 = new object[] { new object[] { new object[] { new object[] { new object[] { 1 } } } } };
        var deep2 = new object[] { new object[] { new object[] { new object[] { new object[] { 2 } } } } };
        Assert.NotEqual(CacheKey.Derive("{}", deep1), CacheKey.Derive("{}", deep2));
    }

    [Fact]
    public void WhenArgumentsAreLarge_TheKeyStaysShortAndNamesItsHash()
    {
        var key = CacheKey.Derive("{ $args }", new object[] { new string('x', 500_000) });
        Assert.StartsWith(CacheKey.Prefix, key, StringComparison.Ordinal);
        Assert.Equal(CacheKey.Prefix.Length + 64, key.Length);
    }

    [Fact]
    public void WhenArgumentsHoldThemselvesOrNestTooDeeply_TheKeyIsRefusedNotAStackOverflow()
    {
        var cycle = new List<object>();
        cycle.Add(cycle);
        Assert.Throws<CacheKeyNotDerivableException>(() => CacheKey.Derive("{}", new object[] { cycle }));
        object nested = 1;
        for (var i = 0; i < 50_000; i++)
        {
            nested = new object[] { nested };
        }

        Assert.Throws<CacheKeyNotDerivableException>(() => CacheKey.Derive("{}", new[] { nested }));
    }
}
