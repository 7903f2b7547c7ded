using System;
using System.Linq;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Tests.Statistics;

public class ScalabilityFitTests
{
    private static readonly double[] s_sizes = { 100, 1_000, 5_000, 10_000, 50_000 };

    private static double[] Noisy(Func<double, double> f, double[] x, double relativeNoise, int seed)
    {
        var random = new Random(seed);
        return x.Select(v => f(v) * (1 + (relativeNoise * ((random.NextDouble() * 2) - 1)))).ToArray();
    }

    [Theory]
    [InlineData(ComplexityClass.Constant)]
    [InlineData(ComplexityClass.Logarithmic)]
    [InlineData(ComplexityClass.Linear)]
    [InlineData(ComplexityClass.Linearithmic)]
    [InlineData(ComplexityClass.Quadratic)]
    public void WhenLatencyGrowsByAKnownClass_ThatClassFitsBest(ComplexityClass expected)
    {
        Func<double, double> latency = expected switch
        {
            ComplexityClass.Constant => _ => 2.0,
            ComplexityClass.Logarithmic => n => 0.5 + (0.3 * Math.Log(n)),
            ComplexityClass.Linear => n => 0.2 + (0.001 * n),
            ComplexityClass.Linearithmic => n => 0.2 + (0.0001 * n * Math.Log(n)),
            _ => n => 0.2 + (1e-7 * n * n),
        };
        for (var seed = 1; seed <= 5; seed++)
        {
            var fit = ScalabilityFit.Fit(s_sizes, Noisy(latency, s_sizes, 0.02, seed));
            Assert.Equal(expected, fit.Complexity);
        }
    }

    [Fact]
    public void WhenScalingIsLinearAndCheap_RevitPysVerdictIsLinear_AndAQuadraticOneIsNot()
    {
        var linear = ScalabilityFit.Fit(s_sizes, s_sizes.Select(n => 0.5 + (0.002 * n)).ToArray());
        Assert.True(linear.IsLinear);
        Assert.Equal(0.002, linear.Linear.Slope, 9);
        Assert.Equal(0.5, linear.Linear.Intercept, 6);

        var quadratic = ScalabilityFit.Fit(s_sizes, s_sizes.Select(n => 1e-4 * n * n).ToArray());
        Assert.False(quadratic.IsLinear); // the straight line's slope is far above 0.1 ms per element
        Assert.Equal(ComplexityClass.Quadratic, quadratic.Complexity);
        Assert.Equal(1, quadratic.ComplexityRSquared, 9);
        Assert.Throws<ArgumentException>(() => ScalabilityFit.Fit(new double[] { 10, 10, 100 }, new double[] { 1, 1, 2 }));
    }

    [Fact]
    public void WhenAClassFitsOnlyWithATimeBelowZeroForOneElement_ItIsNotChosen()
    {
        // A straight line with a dip in the middle sizes: a logarithm with a large negative intercept fits it well.
        var sizes = new double[] { 1_000, 2_000, 4_000, 8_000, 16_000 };
        var fit = ScalabilityFit.Fit(sizes, new[] { 0.065, 0.232, 0.291, 0.584, 1.067 });
        Assert.NotEqual(ComplexityClass.Logarithmic, fit.Complexity);
    }

    [Fact]
    public void WhenAMoreComplexClassIsOnlySlightlyBetter_TheSimplerOneIsChosen()
    {
        var sizes = new double[] { 1_000, 2_000, 4_000, 8_000, 16_000 };
        var fit = ScalabilityFit.Fit(sizes, new[] { 0.08, 0.16, 0.29, 0.57, 1.19 });
        Assert.Equal(ComplexityClass.Linear, fit.Complexity);
    }
}
