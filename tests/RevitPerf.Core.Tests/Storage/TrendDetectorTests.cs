using System;
using System.Collections.Generic;
using System.Linq;
using RevitPerf.Core.Storage;

namespace RevitPerf.Core.Tests.Storage;

public class TrendDetectorTests
{
    [Fact]
    public void WhenASeriesStepsUpByAQuarter_TheStepIsFoundOnceAtTheRunWhereItHappened()
    {
        var rows = Rows(StorageFixtures.Series("BATCH01", 60, 4, stepAt: 31, stepPercent: 25));
        var step = Assert.Single(TrendDetector.Find(rows));
        Assert.Equal(StorageFixtures.Start.AddHours(12 * 31), step.Time);
        Assert.Equal(("Open", "Api", "BATCH01", "Up"), (step.Name, step.Suite, step.Machine, step.Direction));
        Assert.InRange(step.ChangePercent, 18, 32);
        Assert.True(step.PValue < TrendDetector.Alpha);
        Assert.Equal((10, 10), (step.RunsBefore, step.RunsAfter));
    }

    [Fact]
    public void WhenASeriesIsFlatButNoisy_NoStepIsReported()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            Assert.Empty(TrendDetector.Find(Rows(StorageFixtures.Series("BATCH01", 80, 8, seed: seed))));
        }
    }

    [Fact]
    public void WhenOneMachineStepsDownAndAnotherDoesNot_OnlyThatMachineIsNamed()
    {
        var rows = Rows(StorageFixtures.Series("FAST", 40, 3, stepAt: 20, stepPercent: -30, seed: 3))
            .Concat(Rows(StorageFixtures.Series("SLOW", 40, 3, seed: 4)));
        var step = Assert.Single(TrendDetector.Find(rows));
        Assert.Equal(("FAST", "Down"), (step.Machine, step.Direction));
        Assert.Equal(StorageFixtures.Start.AddHours(12 * 20), step.Time);
    }

    [Fact]
    public void WhenAStepIsSmallerThanTheMinimum_ItIsNotReported() =>
        Assert.Empty(TrendDetector.Find(Rows(StorageFixtures.Series("BATCH01", 60, 1, stepAt: 30, stepPercent: 5)), minimumChangePercent: 10));

    [Fact]
    public void WhenThereAreTooFewRuns_NothingIsReported() =>
        Assert.Empty(TrendDetector.Find(Rows(StorageFixtures.Series("BATCH01", 9, 1, stepAt: 5, stepPercent: 50))));

    [Fact]
    public void WhenOneRunIsWildlySlow_ItIsNoStep()
    {
        var runs = StorageFixtures.Series("BATCH01", 40, 3, seed: 9);
        runs[20] = StorageFixtures.Run("BATCH01", 20, 100);
        Assert.Empty(TrendDetector.Find(Rows(runs)));
    }

    private static IEnumerable<BenchmarkHistoryRow> Rows(IEnumerable<ResultsRun> runs) =>
        runs.SelectMany(r => r.Benchmarks.Where(b => b.Name == "Open").Select(b => BenchmarkHistoryRow.Of(r, b))).ToList();
}
