using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Storage;
using RevitPerf.Core.Tests.Reporting;

namespace RevitPerf.Core.Tests.Storage;

public class RunFileTests
{
    [Fact]
    public void WhenARunIsWrittenAndReadBack_EverythingComesBack()
    {
        var run = StorageFixtures.Run("BATCH01", 3, 12.5, new[] { "commit=abc123", "models=towers" });
        var back = RunFile.Parse("run.json", RunFile.Serialize(run)).Single();
        Assert.Equal(run.RunId, back.RunId);
        Assert.Equal(run.TimeUtc, back.TimeUtc);
        Assert.Equal(DateTimeKind.Utc, back.TimeUtc.Kind);
        Assert.Equal(("BATCH01", "ci", "7.6.9", "Core", "0.1.0", "2025"), (back.Machine, back.User, back.PowerShellVersion, back.PowerShellEdition, back.ModuleVersion, back.RevitVersion));
        Assert.Equal(new[] { "commit=abc123", "models=towers" }, back.Tags);
        Assert.Equal(run.Benchmarks[0].SamplesMs, back.Benchmarks[0].SamplesMs);
        Assert.Null(back.Benchmarks[1].AllocatedBytesPerOp);
        Assert.Equal(run.RunId, ResultsRun.IdOf(back.Machine, back.TimeUtc, back.Benchmarks));
    }

    [Fact]
    public void WhenAResultsFileIsRead_ItsBenchmarksMakeTheSameRunAsTheObjectsDid()
    {
        var results = new[] { ReportFixtures.Result("One", 1_000_000), ReportFixtures.Result("Two", 2_000_000) };
        var fromObjects = ResultsRun.FromResults(results, "me", null, null).Single();
        var text = BenchmarkResultsFile.Serialize(results[0].Timestamp, new PerformanceConfiguration(), results, 1);
        var fromFile = RunFile.Parse("benchmark_results_x.json", text).Single();
        Assert.Equal(fromObjects.RunId, fromFile.RunId);
        Assert.Equal(2, fromFile.Benchmarks.Count);
        Assert.Equal(results[1].GetSamplesMs(), fromFile.Benchmarks[1].SamplesMs);
    }

    [Theory]
    [InlineData("{ \"benchmarks\": [ { \"name\": \"x\", \"mean_ms\": \"fast\" } ] }", "is not a number")]
    [InlineData("{ \"results\": [] }", "no 'benchmarks' list")]
    [InlineData("{ \"benchmarks\": [", "malformed JSON")]
    [InlineData("[ 1, 2 ]", "one JSON object")]
    public void WhenAFileIsDamaged_ReadingItFailsNamingIt(string text, string reason)
    {
        var ex = Assert.Throws<InvalidDataException>(() => RunFile.Parse("spool/run_1.json", text));
        Assert.Contains("spool/run_1.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenResultsComeFromTwoRuns_TheyMakeTwoRunsWithStableIds()
    {
        var a = ReportFixtures.Result("One", 1_000_000);
        var runs = ResultsRun.FromResults(new[] { a }, "me", new[] { "x", "X", " y " }, "2026");
        Assert.Equal(new[] { "x", "y" }, runs[0].Tags);
        Assert.Equal(runs[0].RunId, ResultsRun.FromResults(new[] { a }, "someone else", null, null)[0].RunId);
        Assert.Matches("^[0-9a-f]{32}$", runs[0].RunId);
    }
}
