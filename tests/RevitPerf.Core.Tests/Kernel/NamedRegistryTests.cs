using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Tests.Kernel;

public class NamedRegistryTests
{
    [Fact]
    public void WhenNamesDifferOnlyInCase_TheSecondIsRefusedAndEitherSpellingFindsTheFirst()
    {
        using var registry = new NamedRegistry<Item>("item");
        var first = new Item("Revit");
        Assert.True(registry.TryAdd(first));
        Assert.False(registry.TryAdd(new Item("REVIT")));
        Assert.True(registry.TryGet("revit", out var found));
        Assert.Same(first, found);
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void WhenPatternsSelect_EachObjectComesOnceInPatternOrderAndOnlyLiteralMissesAreReported()
    {
        using var registry = Registry("beta", "alpha", "alpine", "gamma");
        var selection = registry.Select(new[] { "gamma", "al*", "ALPHA", "missing", "nothing*" });
        Assert.Equal(new[] { "gamma", "alpha", "alpine" }, selection.Items.Select(i => i.Name));
        Assert.Equal(new[] { "missing" }, selection.NotFound);
        Assert.Equal(new[] { "alpha", "alpine", "beta", "gamma" }, registry.Select(null).Items.Select(i => i.Name));
    }

    [Fact]
    public void WhenANameHoldsWildcardCharacters_ItsEscapedFormSelectsItAlone()
    {
        using var registry = Registry("a*", "ab");
        Assert.Equal(new[] { "a*" }, registry.Find(WildcardMatcher.Escape("a*")).Select(i => i.Name));
        Assert.Equal(2, registry.Find("a*").Count);
    }

    [Fact]
    public void WhenAPatternCannotBeMatched_ItIsRefusedWithThePattern()
    {
        using var registry = Registry("a");
        var ex = Assert.Throws<InvalidWildcardPatternException>(() => registry.Select(new[] { "[z-a]" }));
        Assert.Equal("[z-a]", ex.Pattern);
    }

    [Fact]
    public void WhenObjectsLeave_TheHookRunsForEachAndThePinnedOneCannotBeRemoved()
    {
        var removed = new List<string>();
        using var registry = new PinningRegistry(removed);
        registry.TryAdd(new Item("named"));
        Assert.Equal("default", registry.All[0].Name);
        var ex = Assert.Throws<NotRemovableException>(() => registry.TryRemove("DEFAULT", out _));
        Assert.Equal("default", ex.Name);
        Assert.True(registry.TryRemove("named", out var item));
        Assert.Equal("named", item!.Name);
        Assert.False(registry.TryRemove("named", out _));
        Assert.Equal(new[] { "named" }, removed);

        registry.Dispose();
        Assert.Equal(new[] { "named", "default" }, removed);
        Assert.Equal(0, registry.Count);
    }

    private static NamedRegistry<Item> Registry(params string[] names)
    {
        var registry = new NamedRegistry<Item>("item");
        foreach (var name in names)
        {
            registry.TryAdd(new Item(name));
        }

        return registry;
    }

    internal sealed class Item : INamedObject
    {
        public Item(string name) => Name = name;

        public string Name { get; }
    }

    private sealed class PinningRegistry : NamedRegistry<Item>
    {
        public PinningRegistry(List<string> removed)
            : base("item", item => removed.Add(item.Name)) => Pin(new Item("default"));
    }
}
