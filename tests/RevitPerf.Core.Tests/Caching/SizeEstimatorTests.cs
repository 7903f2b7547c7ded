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

    [Fact]
    public void WhenAnUnwrapperMakesANewDictionaryEachTime_ACycleThroughTheWrapperStillEnds()
    {
        // A PSCustomObject that holds itself: unwrapping it makes a new dictionary of its properties every time.
        var wrapper = new Wrapper();
        wrapper.Properties["a"] = 1;
        wrapper.Properties["self"] = wrapper;
        static object? Unwrap(object? value) => value is Wrapper w ? new Dictionary<object, object?>(w.Properties) : value;
        Assert.Equal(64 + (1 + 64) + (4 + 64), SizeEstimator.Estimate(wrapper, Unwrap));
    }

    [Fact]
    public void WhenAValueNestsFiftyThousandLevelsDeep_TheEstimateEndsWithoutRecursing()
    {
        object nested = 1;
        for (var i = 0; i < 50_000; i++)
        {
            nested = new object[] { nested };
        }

        Assert.Equal((50_000 * 64) + 64, SizeEstimator.Estimate(nested));
    }

    [Fact]
    public void WhenAnEnumerableNeverEnds_TheEstimateStopsAtItsBudget()
    {
        static IEnumerable<object> Endless()
        {
            while (true)
            {
                yield return "x";
            }
        }

        Assert.Equal(64 + SizeEstimator.MaxItems, SizeEstimator.Estimate(Endless()));
    }

    private sealed class Wrapper
    {
        public Dictionary<object, object?> Properties { get; } = new();
    }
}
