using System;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Tests.Statistics;

public class PercentileTests
{
    private static readonly double[] s_oneToTen = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();

    [Theory]
    [InlineData(0.95, 9.55)]
    [InlineData(0.50, 5.5)]
    [InlineData(0.90, 9.1)]
    [InlineData(0.99, 9.91)]
    [InlineData(0.0, 1)]
    [InlineData(1.0, 10)]
    [InlineData(0.25, 3.25)]
    public void WhenPercentilesOf1To10AreTaken_TheyInterpolateBetweenClosestRanks(double fraction, double expected) =>
        Assert.Equal(expected, Percentile.OfSorted(s_oneToTen, fraction), 10);

    [Fact]
    public void WhenPercentileArgumentsAreBad_TheyAreRefused()
    {
        Assert.Throws<ArgumentException>(() => Percentile.OfSorted(Array.Empty<double>(), 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.OfSorted(s_oneToTen, 1.5));
        Assert.Equal(7, Percentile.OfSorted(new double[] { 7 }, 0.95));
    }
}
