using System;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Tests.Statistics;

public class StudentTTests
{
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
