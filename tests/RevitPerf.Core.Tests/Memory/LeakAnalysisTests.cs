using System;
using System.Linq;
using RevitPerf.Core.Memory;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Tests.Memory;

public class LeakAnalysisTests
{
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
