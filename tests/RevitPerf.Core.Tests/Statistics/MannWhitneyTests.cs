using System;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Tests.Statistics;

public class MannWhitneyTests
{
    private static double[] Normal(int seed, int count, double mean, double sd)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            // Box-Muller: deterministic normal samples for a given seed.
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            return mean + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }).ToArray();
    }

    [Fact]
    public void WhenSamplesDoNotOverlap_TheExactPValueIsTheTwoArrangementsOverAll()
    {
        var low = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var high = Enumerable.Range(11, 10).Select(i => (double)i).ToArray();
        var result = MannWhitney.Test(low, high);
        Assert.True(result.Exact);
        Assert.Equal(0, result.U);
        Assert.Equal(2.0 / 184_756, result.PValue, 12);   // C(20, 10) = 184,756
        Assert.Equal(100, MannWhitney.Test(high, low).U);
    }

    [Fact]
    public void WhenSamplesAreSmallAndInterleaved_TheExactPValueMatchesTheTable()
    {
        // n1 = n2 = 4 and U = 4 (4 > 3; 7 > 3, 5, 6): arrangements with U <= 4 are 1 + 1 + 2 + 3 + 5 = 12 of
        // C(8, 4) = 70, so the two-sided p is 24/70.
        var result = MannWhitney.Test(new double[] { 1, 2, 4, 7 }, new double[] { 3, 5, 6, 8 });
        Assert.Equal(4, result.U);
        Assert.Equal(24.0 / 70, result.PValue, 12);
    }

    [Fact]
    public void WhenSamplesAreIdenticalOrAllTied_ThePValueIsOne()
    {
        Assert.Equal(1, MannWhitney.Test(new double[] { 5, 5, 5 }, new double[] { 5, 5 }).PValue);
        var same = Normal(1, 50, 10, 1);
        Assert.True(MannWhitney.Test(same, same).PValue > 0.99);
    }
}
