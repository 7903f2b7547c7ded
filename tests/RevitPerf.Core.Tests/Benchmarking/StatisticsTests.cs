using System;
using System.Linq;
using RevitPerf.Core.Benchmarking;

namespace RevitPerf.Core.Tests.Benchmarking;

public class StatisticsTests
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

    [Theory]
    [InlineData(0.9995, 1, 636.6192)]
    [InlineData(0.9995, 9, 4.7809)]
    [InlineData(0.9995, 29, 3.6594)]
    [InlineData(0.975, 10, 2.2281)]
    [InlineData(0.95, 1000, 1.6464)]
    [InlineData(0.5, 5, 0)]
    public void WhenTQuantilesAreComputed_TheyMatchTheTables(double probability, double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(probability, df), 3);

    [Fact]
    public void WhenTheTCdfIsInverted_TheRoundTripHolds()
    {
        foreach (var df in new[] { 1.0, 3, 17, 120 })
        {
            foreach (var p in new[] { 0.001, 0.2, 0.5, 0.8, 0.9995 })
            {
                Assert.Equal(p, StudentT.Cdf(StudentT.Quantile(p, df), df), 9);
            }
        }
    }
}
