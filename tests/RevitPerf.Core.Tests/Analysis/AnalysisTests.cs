using System;
using System.Linq;
using RevitPerf.Core.Analysis;
using RevitPerf.Core.Memory;

namespace RevitPerf.Core.Tests.Analysis;

public class AnalysisTests
{
    private static readonly double[] s_sizes = { 100, 1_000, 5_000, 10_000, 50_000 };

    private static double[] Noisy(Func<double, double> f, double[] x, double relativeNoise, int seed)
    {
        var random = new Random(seed);
        return x.Select(v => f(v) * (1 + (relativeNoise * ((random.NextDouble() * 2) - 1)))).ToArray();
    }

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
    public void WhenRetainedMemoryGrows10KBPerIteration_TheVerdictIsLeakWithTheRate()
    {
        var iterations = Enumerable.Range(1, 8).Select(i => i * 50.0).ToArray();
        var random = new Random(3);
        var retained = iterations.Select(i => 40e6 + (10_240 * i) + (random.NextDouble() * 20_000)).ToArray();
        var analysis = LeakAnalysis.Analyze(iterations, retained);
        Assert.Equal(LeakVerdict.Leak, analysis.Verdict);
        Assert.InRange(analysis.BytesPerIteration, 10_000, 10_500);
        Assert.InRange(analysis.ProjectedBytesPer1000Runs, 10_000_000, 10_500_000);
    }

    [Fact]
    public void WhenRetainedMemoryOnlyJitters_TheVerdictIsNoLeak()
    {
        var iterations = Enumerable.Range(1, 10).Select(i => i * 50.0).ToArray();
        var jitter = new double[] { 0, 3000, -2000, 1000, -3000, 2500, -500, 0, 1500, -1000 };
        var analysis = LeakAnalysis.Analyze(iterations, jitter.Select(j => 40e6 + j).ToArray());
        Assert.Equal(LeakVerdict.NoLeak, analysis.Verdict);
    }

    [Fact]
    public void WhenMemoryCreepsUpByAFewBytes_RevitPysRuleOnlyRaisesSuspicion()
    {
        // Every sample a little higher (the 70 % rule fires), but 2 bytes per iteration is not a leak.
        var iterations = Enumerable.Range(1, 10).Select(i => i * 50.0).ToArray();
        var analysis = LeakAnalysis.Analyze(iterations, iterations.Select(i => 40e6 + (2 * i)).ToArray());
        Assert.Equal(1, analysis.GrowthRatio);
        Assert.Equal(LeakVerdict.Suspected, analysis.Verdict);
    }
}
