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
    public void WhenAnArgumentHasNoCanonicalForm_TheSerializerIsUsedOrTheKeyRefused()
    {
        var arg = new object();
        Assert.Throws<ArgumentException>(() => CacheKey.Derive("{}", new[] { arg }));
        Assert.EndsWith("x:System.Object:4:obj1,]", CacheKey.Derive("{}", new[] { arg }, serialize: _ => "obj1"), StringComparison.Ordinal);
    }
}
