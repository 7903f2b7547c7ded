using System;
using System.Linq;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Tests.Statistics;

public class MedianChangeTests
{
    [Fact]
    public void WhenTheCurrentRunIsTwentyPercentSlower_TheChangeIsTwentyAndItsIntervalHoldsIt()
    {
        var random = new Random(3);
        var baseline = Enumerable.Range(0, 500).Select(_ => 10 + random.NextDouble()).ToArray();
        var current = baseline.Select(x => x * 1.2).ToArray();
        var change = MedianChange.Estimate(baseline, current)!.Value;
        Assert.Equal(20, change.Percent, 6);
        Assert.InRange(20, change.LowPercent, change.HighPercent);
        Assert.True(change.HighPercent - change.LowPercent < 5, $"{change.LowPercent} to {change.HighPercent}");
    }

    [Fact]
    public void WhenNothingChanged_TheIntervalHoldsZero()
    {
        var random = new Random(5);
        var baseline = Enumerable.Range(0, 300).Select(_ => 5 + random.NextDouble()).ToArray();
        var current = Enumerable.Range(0, 300).Select(_ => 5 + random.NextDouble()).ToArray();
        var change = MedianChange.Estimate(baseline, current)!.Value;
        Assert.InRange(0, change.LowPercent, change.HighPercent);
    }

    [Fact]
    public void WhenTheSameSamplesAreGivenTwice_TheSameIntervalComesBack()
    {
        var baseline = new[] { 1.0, 2, 3, 4, 5, 6, 7 };
        var current = new[] { 2.0, 3, 4, 5, 6, 7, 8, 9 };
        Assert.Equal(MedianChange.Estimate(baseline, current), MedianChange.Estimate(baseline, current));
        Assert.Equal((5.5 / 4 - 1) * 100, MedianChange.Estimate(baseline, current)!.Value.Percent, 9); // even count: the middle two
    }

    [Fact]
    public void WhenASideIsEmptyOrTheBaselineMedianIsZero_ThereIsNoEstimate()
    {
        Assert.Null(MedianChange.Estimate(Array.Empty<double>(), new[] { 1.0 }));
        Assert.Null(MedianChange.Estimate(new[] { 0.0, 0, 0 }, new[] { 1.0 }));
    }
}
