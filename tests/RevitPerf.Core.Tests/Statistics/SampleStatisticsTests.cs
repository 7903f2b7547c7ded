using System;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Tests.Statistics;

public class SampleStatisticsTests
{
    private static readonly double[] s_oneToTen = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();

    [Fact]
    public void WhenStatisticsOf1To10AreComputed_EveryFigureIsTheTextbookOne()
    {
        var stats = SampleStatistics.From(s_oneToTen.Reverse());
        Assert.Equal(10, stats.Count);
        Assert.Equal(5.5, stats.Mean, 12);
        Assert.Equal(5.5, stats.Median, 12);
        Assert.Equal(Math.Sqrt(55.0 / 6), stats.StdDev, 12);   // sample standard deviation, n - 1
        Assert.Equal(1, stats.Min);
        Assert.Equal(10, stats.Max);
        Assert.Equal(9.55, stats.P95, 12);
        Assert.Equal(stats.StdDev / 5.5, stats.CoefficientOfVariation, 12);
        Assert.Equal(4.780912585933472 * stats.StdDev / Math.Sqrt(10), stats.ErrorHalfWidth, 6);
        Assert.Equal(0, stats.Outliers);
        Assert.Equal(s_oneToTen, stats.Sorted);
    }

    [Fact]
    public void WhenASampleIsFarOutside_TukeysFencesCountItAndItCanBeLeftOut()
    {
        var samples = Enumerable.Repeat(10.0, 20).Concat(new[] { 9.0, 11.0, 100.0 }).ToArray();
        var stats = SampleStatistics.From(samples);
        Assert.Equal(3, stats.Outliers); // the IQR is 0, so 9 and 11 are outside the fences too
        var spread = SampleStatistics.From(Enumerable.Range(1, 20).Select(i => (double)i).Append(200));
        Assert.Equal(1, spread.Outliers);
        var trimmed = spread.WithoutOutliers();
        Assert.Equal(20, trimmed.Count);
        Assert.Equal(20, trimmed.Max);
        Assert.Same(trimmed, trimmed.WithoutOutliers());
    }

    [Fact]
    public void WhenThereIsOneSample_SpreadFiguresAreZero()
    {
        var stats = SampleStatistics.From(new[] { 3.0 });
        Assert.Equal(0, stats.StdDev);
        Assert.Equal(0, stats.ErrorHalfWidth);
        Assert.Equal(3, stats.P99);
    }

    [Fact]
    public void WhenSamplesAreMissingOrNotFinite_TheyAreRefused()
    {
        Assert.Throws<ArgumentException>(() => SampleStatistics.From(Array.Empty<double>()));
        Assert.Throws<ArgumentException>(() => SampleStatistics.From(new[] { 1, double.NaN }));
        Assert.Throws<ArgumentException>(() => SampleStatistics.From(new[] { 1, double.PositiveInfinity }));
    }
}
