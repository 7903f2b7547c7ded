using System;
using System.Linq;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Tests.Statistics;

public class LinearFitTests
{
    [Fact]
    public void WhenPointsLieOnALine_TheFitRecoversItExactly()
    {
        var x = new double[] { 0, 1, 2, 3, 4 };
        var fit = LinearFit.Fit(x, x.Select(v => 3 + (2 * v)).ToArray());
        Assert.Equal(2, fit.Slope, 12);
        Assert.Equal(3, fit.Intercept, 12);
        Assert.Equal(1, fit.RSquared, 12);
        Assert.Equal(0, fit.SlopeErrorHalfWidth, 12);
        Assert.True(fit.IsSignificantlyPositive);
        Assert.Equal(23, fit.Predict(10), 12);
    }

    [Fact]
    public void WhenTimesAreRelative_MemoryGrowthPerHourIsFittedPrecisely()
    {
        // 12 MB per hour sampled every minute for an hour, on time relative to the first sample.
        var seconds = Enumerable.Range(0, 61).Select(i => i * 60.0).ToArray();
        var megabytes = seconds.Select(s => 500 + (12 * s / 3600)).ToArray();
        var fit = LinearFit.Fit(seconds, megabytes);
        Assert.Equal(12, fit.Slope * 3600, 9);
    }

    [Fact]
    public void WhenYDoesNotVary_RSquaredIsZeroAndTheSlopeIsNotSignificant()
    {
        var fit = LinearFit.Fit(new double[] { 1, 2, 3, 4 }, new double[] { 5, 5, 5, 5 });
        Assert.Equal(0, fit.Slope);
        Assert.Equal(0, fit.RSquared);
        Assert.False(fit.IsSignificantlyPositive);
    }

    [Fact]
    public void WhenInputIsUnusable_TheFitSaysWhy()
    {
        Assert.Throws<ArgumentException>(() => LinearFit.Fit(new double[] { 1 }, new double[] { 1 }));
        Assert.Throws<ArgumentException>(() => LinearFit.Fit(new double[] { 2, 2 }, new double[] { 1, 3 }));
        Assert.Throws<ArgumentException>(() => LinearFit.Fit(new double[] { 1, 2 }, new double[] { 1 }));
    }
}
