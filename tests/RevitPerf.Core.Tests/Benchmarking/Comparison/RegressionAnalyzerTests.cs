using System;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Tests.Benchmarking;

public class RegressionAnalyzerTests
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
    public void WhenSamplesAreLargeWithTies_TheNormalApproximationIsUsed()
    {
        var a = Enumerable.Range(0, 40).Select(i => (double)(i / 4)).ToArray();
        var b = Enumerable.Range(0, 40).Select(i => (double)((i / 4) + 3)).ToArray();
        var result = MannWhitney.Test(a, b);
        Assert.False(result.Exact);
        Assert.InRange(result.PValue, 1e-6, 0.05);
    }

    [Fact]
    public void WhenABenchmarkIsClearlySlower_ItIsSlowerWithTheSeedsSeverity()
    {
        var analyzer = new RegressionAnalyzer();
        var high = analyzer.Compare("LatencyMs", Normal(1, 100, 10, 0.5), Normal(2, 100, 16, 0.5));
        Assert.Equal(ComparisonVerdict.Slower, high.Verdict);
        Assert.Equal(RegressionSeverity.High, high.Severity);
        Assert.InRange(high.ChangePercent, 55, 65);
        Assert.True(high.PValue < 1e-10);

        var medium = analyzer.Compare("LatencyMs", Normal(3, 100, 10, 0.5), Normal(4, 100, 13, 0.5));
        Assert.Equal(ComparisonVerdict.Slower, medium.Verdict);
        Assert.Equal(RegressionSeverity.Medium, medium.Severity);
    }

    [Fact]
    public void WhenTheSameBenchmarkRunsAgain_ItIsTheSameTwentyTimesOutOfTwenty()
    {
        var analyzer = new RegressionAnalyzer();
        var baseline = Normal(100, 100, 10, 1.5);
        var falseAlarms = Enumerable.Range(0, 20)
            .Select(run => analyzer.Compare("LatencyMs", baseline, Normal(200 + run, 100, 10, 1.5)))
            .Count(c => c.Verdict != ComparisonVerdict.Same);
        Assert.Equal(0, falseAlarms);
    }

    [Fact]
    public void WhenTheBaselineHasOneLaunch_ASlowdownWithinTheLaunchAllowanceIsUnsure()
    {
        var analyzer = new RegressionAnalyzer();
        var baseline = Normal(5, 100, 10, 0.3);

        // 30 % is beyond the 20 % threshold but within threshold + allowance (50 %): one launch cannot tell.
        var unsure = analyzer.Compare("LatencyMs", baseline, Normal(6, 100, 13, 0.3), launchValues: new[] { 10.0 });
        Assert.Equal(ComparisonVerdict.Unsure, unsure.Verdict);
        Assert.Equal(RegressionSeverity.None, unsure.Severity);

        var slower = analyzer.Compare("LatencyMs", baseline, Normal(7, 100, 16, 0.3), launchValues: new[] { 10.0 });
        Assert.Equal(ComparisonVerdict.Slower, slower.Verdict);
    }

    [Fact]
    public void WhenTheBaselineHasSeveralLaunches_OnlyASlowdownBeyondTheWorstLaunchIsSlower()
    {
        var analyzer = new RegressionAnalyzer();
        var baseline = Normal(8, 100, 10, 0.3);

        // Launches of 9.5 to 11.5 ms: 13 ms is within 11.5 * 1.2 = 13.8, so the spread between launches can explain it.
        var launches = new[] { 9.5, 10.0, 11.5 };
        Assert.Equal(ComparisonVerdict.Unsure, analyzer.Compare("LatencyMs", baseline, Normal(9, 100, 13, 0.3), launchValues: launches).Verdict);

        // 14.5 ms is beyond it: Slower, with the severity of its change from the pooled median.
        var slower = analyzer.Compare("LatencyMs", baseline, Normal(10, 100, 14.5, 0.3), launchValues: launches);
        Assert.Equal(ComparisonVerdict.Slower, slower.Verdict);
        Assert.Equal(RegressionSeverity.Medium, slower.Severity);

        // Launches that agree closely let a smaller slowdown count.
        var tight = new[] { 9.9, 10.0, 10.1 };
        Assert.Equal(ComparisonVerdict.Slower, analyzer.Compare("LatencyMs", baseline, Normal(11, 100, 13, 0.3), launchValues: tight).Verdict);
    }

    [Fact]
    public void WhenTheCurrentRunHadAFastRound_ItIsJudgedByItNotByItsSlowRounds()
    {
        // Recorded on a shared 2-core machine: Planted/Loop ran at 0.083-0.088 ms per round in the baseline's launches;
        // an unchanged run met a slow stretch in two of its three rounds (0.14 ms), which pooled is +60 %.
        var analyzer = new RegressionAnalyzer();
        var baseline = Normal(30, 300, 0.085, 0.002);
        var launches = new[] { 0.083, 0.085, 0.088 };
        var unchanged = Normal(31, 100, 0.14, 0.003).Concat(Normal(32, 100, 0.084, 0.002)).Concat(Normal(33, 100, 0.141, 0.003)).ToArray();
        var judged = analyzer.Compare("LatencyMs", baseline, unchanged, launchValues: launches, currentLaunchValues: new[] { 0.084 });
        Assert.InRange(judged.ChangePercent, 50, 70);
        Assert.Equal(ComparisonVerdict.Unsure, judged.Verdict);

        // Without its rounds the same run would be a false alarm.
        Assert.Equal(ComparisonVerdict.Slower, analyzer.Compare("LatencyMs", baseline, unchanged, launchValues: launches).Verdict);

        // A planted 50 % slowdown is slower in its fastest round too: still Slower.
        var planted = Normal(34, 300, 0.125, 0.003);
        Assert.Equal(ComparisonVerdict.Slower, analyzer.Compare("LatencyMs", baseline, planted, launchValues: launches, currentLaunchValues: new[] { 0.122 }).Verdict);

        // Against a baseline of one launch the fastest round is what the allowance is measured from.
        Assert.Equal(ComparisonVerdict.Unsure, analyzer.Compare("LatencyMs", baseline, unchanged, launchValues: new[] { 0.085 }, currentLaunchValues: new[] { 0.084 }).Verdict);
    }

    [Fact]
    public void WhenTheBaselineHasSeveralLaunches_AnImprovementMustBeatTheBestLaunch()
    {
        var analyzer = new RegressionAnalyzer();
        var baseline = Normal(12, 100, 10, 0.3);
        Assert.Equal(ComparisonVerdict.Same, analyzer.Compare("LatencyMs", baseline, Normal(13, 100, 8.5, 0.3), launchValues: new[] { 8.0, 10.0, 11.0 }).Verdict);
        Assert.Equal(ComparisonVerdict.Faster, analyzer.Compare("LatencyMs", baseline, Normal(14, 100, 7.5, 0.3), launchValues: new[] { 8.0, 10.0, 11.0 }).Verdict);
    }

    [Fact]
    public void WhenThroughputFallsWithinTheLaunches_ItIsUnsure()
    {
        var analyzer = new RegressionAnalyzer();
        var launches = new[] { 80.0, 100.0, 105.0 };
        var result = analyzer.Compare("OpsPerSecond", Normal(15, 100, 100, 2), Normal(16, 100, 75, 2), higherIsBetter: true, launchValues: launches);
        Assert.Equal(ComparisonVerdict.Unsure, result.Verdict);
        Assert.Equal(ComparisonVerdict.Slower, analyzer.Compare("OpsPerSecond", Normal(15, 100, 100, 2), Normal(17, 100, 60, 2), higherIsBetter: true, launchValues: launches).Verdict);
    }

    [Fact]
    public void WhenAChangeIsSignificantButSmall_ItStaysSame()
    {
        // 5 % slower, clearly significant with 200 tight samples, but under the 20 % threshold.
        var result = new RegressionAnalyzer().Compare("LatencyMs", Normal(5, 200, 10, 0.1), Normal(6, 200, 10.5, 0.1));
        Assert.True(result.PValue < 0.001);
        Assert.Equal(ComparisonVerdict.Same, result.Verdict);
    }

    [Fact]
    public void WhenSamplesAreTooNoisy_ALargeMedianShiftIsNotCalled()
    {
        // A 25 % shift of the median drowned in noise: few, widely spread samples.
        var result = new RegressionAnalyzer().Compare("LatencyMs", new double[] { 4, 15, 8, 20, 10 }, new double[] { 5, 22, 12.5, 9, 18 });
        Assert.True(result.PValue > 0.01);
        Assert.Equal(ComparisonVerdict.Same, result.Verdict);
    }

    [Fact]
    public void WhenTheDifferenceIsBelowTheNoiseFloor_ItStaysSame()
    {
        var result = new RegressionAnalyzer().Compare("LatencyMs", Normal(7, 100, 0.001, 0.00001), Normal(8, 100, 0.002, 0.00001), noiseFloor: 0.01);
        Assert.Equal(ComparisonVerdict.Same, result.Verdict);
    }

    [Fact]
    public void WhenThroughputRises_ItIsFasterBecauseHigherIsBetter()
    {
        var analyzer = new RegressionAnalyzer();
        var faster = analyzer.Compare("OpsPerSecond", Normal(9, 100, 1000, 10), Normal(10, 100, 1200, 10), higherIsBetter: true);
        Assert.Equal(ComparisonVerdict.Faster, faster.Verdict);
        Assert.InRange(faster.ChangePercent, 15, 25);
        var slower = analyzer.Compare("OpsPerSecond", Normal(11, 100, 1000, 10), Normal(12, 100, 700, 10), higherIsBetter: true);
        Assert.Equal(ComparisonVerdict.Slower, slower.Verdict);
    }

    [Fact]
    public void WhenLatencyDropsBy10PercentOrLess_ItIsNotAnImprovement()
    {
        var analyzer = new RegressionAnalyzer();
        Assert.Equal(ComparisonVerdict.Same, analyzer.Compare("LatencyMs", Normal(13, 100, 10, 0.05), Normal(14, 100, 9.2, 0.05)).Verdict);
        Assert.Equal(ComparisonVerdict.Faster, analyzer.Compare("LatencyMs", Normal(15, 100, 10, 0.05), Normal(16, 100, 8.5, 0.05)).Verdict);
    }

    [Fact]
    public void WhenTheBaselineIsZero_TheChangeIsFinite()
    {
        var result = new RegressionAnalyzer().Compare("AllocatedBytesPerOp", new double[] { 0, 0, 0 }, new double[] { 0, 0, 0 });
        Assert.Equal(0, result.ChangePercent);
        Assert.Equal(ComparisonVerdict.Same, result.Verdict);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionAnalyzer(regressionThresholdPercent: 0));
    }
}
