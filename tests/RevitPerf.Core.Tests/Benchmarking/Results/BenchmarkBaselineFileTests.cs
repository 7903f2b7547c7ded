using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Benchmarking;

public class BenchmarkBaselineFileTests
{
    private static readonly BenchmarkEnvironment s_environment = new("7.6.9", "Core", "0.1.0");

    private static BenchmarkResult Result(string name, double nanosPerOp, long bytesPerOp = 0, BenchmarkTargets? targets = null, int failOn = 0)
    {
        var clock = new ManualClock(1_000_000_000);
        var probe = new FakeAllocationProbe();
        var workload = new FakeWorkload(clock, (long)nanosPerOp, probe) { BytesPerInvocation = bytesPerOp };
        if (failOn > 0)
        {
            workload.FailOnRun.Add(failOn);
        }

        var measurement = new BenchmarkEngine(clock, probe)
            .Run(new BenchmarkSpec(name, workload) { Suite = "Api", Iterations = 20, WarmupIterations = 0, InvocationsPerIteration = 10, Targets = targets });
        return new BenchmarkResult(measurement, null, s_environment, new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void WhenABaselineIsSavedAndRead_TheSamplesComeBackAndAnExistingFileIsKept()
    {
        var path = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N"), "baseline.json");
        var results = new[] { Result("Simple", 1_000, 48), Result("Complex", 50_000) };
        BenchmarkBaselineFile.Write(path, results, DateTime.UtcNow, overwrite: false);
        var read = BenchmarkBaselineFile.Read(path);
        Assert.Equal(new[] { "Simple", "Complex" }, read.Select(r => r.Name));
        Assert.Equal(results[0].GetSamplesMs(), read[0].LatencyMs);
        Assert.Equal(results[0].GetAllocatedBytesSamples(), read[0].AllocatedBytesPerOp);
        Assert.All(read[0].AllocatedBytesPerOp, b => Assert.Equal(48, b));

        var before = File.ReadAllText(path);
        Assert.Throws<IOException>(() => BenchmarkBaselineFile.Write(path, results.Take(1).ToList(), DateTime.UtcNow, overwrite: false));
        Assert.Equal(before, File.ReadAllText(path));
        BenchmarkBaselineFile.Write(path, results.Take(1).ToList(), DateTime.UtcNow, overwrite: true);
        Assert.Single(BenchmarkBaselineFile.Read(path));
    }

    [Fact]
    public void WhenSeveralRunsOfABenchmarkAreSaved_TheyAreItsLaunches_PooledWithEachMedianKept()
    {
        var path = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N"), "baseline.json");
        var runs = new[] { Result("Simple", 1_000), Result("Complex", 50_000), Result("simple", 1_200), Result("Simple", 900) };
        BenchmarkBaselineFile.Write(path, runs, DateTime.UtcNow, overwrite: false);

        var read = BenchmarkBaselineFile.Read(path);
        Assert.Equal(new[] { "Simple", "Complex" }, read.Select(r => r.Name));
        Assert.Equal(60, read[0].LatencyMs.Count);
        Assert.Equal(new[] { 0.001, 0.0012, 0.0009 }, read[0].LaunchMediansMs.Select(m => Math.Round(m, 6)));
        Assert.Equal(new[] { 0.05 }, read[1].LaunchMediansMs.Select(m => Math.Round(m, 6)));

        // Every launch's full result is kept, so nothing measured is lost by pooling.
        var text = File.ReadAllText(path);
        Assert.Contains("\"runs\"", text);
        Assert.Contains("\"launches\": 3", text);
    }

    [Fact]
    public void WhenAFileRecordsNoLaunches_ItsSamplesAreOneLaunch()
    {
        var json = "{\"schema\": \"RevitPerf.BenchmarkBaseline\", \"schema_version\": 1, \"benchmarks\": [{\"name\": \"A\", \"suite\": \"S\", \"samples_ms\": [1, 2, 3]}]}";
        var read = BenchmarkBaselineFile.Parse("old.json", json);
        Assert.Equal(new[] { 2.0 }, read[0].LaunchMediansMs);
    }

    [Fact]
    public void WhenAResultsFileIsRead_ItServesAsABaselineToo()
    {
        var directory = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N"));
        var results = new[] { Result("Simple", 1_000) };
        var file = BenchmarkResultsFile.Write(directory, DateTime.UtcNow, new PerformanceConfiguration(), results, 1.5);
        var read = BenchmarkBaselineFile.Read(file);
        Assert.Equal("Api", read[0].Suite);
        Assert.Equal(20, read[0].LatencyMs.Count);
    }

    [Fact]
    public void WhenARunTookRounds_ItsFilesKeepEachRoundAndItStandsForItselfByItsFastestRound()
    {
        // Three rounds of one benchmark at 1.5, 1.0 and 2.0 µs per operation.
        var clock = new ManualClock(1_000_000_000);
        var engine = new BenchmarkEngine(clock, new FakeAllocationProbe());
        var rounds = new[] { 1_500L, 1_000L, 2_000L }
            .Select(n => engine.Run(new BenchmarkSpec("Simple", new FakeWorkload(clock, n)) { Suite = "Api", Iterations = 20, WarmupIterations = 0, InvocationsPerIteration = 10 }))
            .ToList();
        var result = new BenchmarkResult(BenchmarkMeasurement.Combine(rounds), null, s_environment, DateTime.UtcNow);
        Assert.Equal(3, result.Rounds);
        Assert.Equal(60, result.Iterations);
        Assert.Equal(new[] { 0.0015, 0.001, 0.002 }, result.GetRoundMediansMs().Select(m => Math.Round(m, 9)));

        var directory = Path.Combine(Path.GetTempPath(), "revitperf-" + Guid.NewGuid().ToString("N"));
        try
        {
            // A results file keeps the rounds; read as a baseline, its launch is the fastest round.
            var file = BenchmarkResultsFile.Write(directory, DateTime.UtcNow, new PerformanceConfiguration(), new[] { result }, 1.5);
            Assert.Contains("\"round_medians_ms\"", File.ReadAllText(file));
            Assert.Equal(new[] { 0.001 }, BenchmarkBaselineFile.Read(file)[0].LaunchMediansMs.Select(m => Math.Round(m, 9)));

            // A baseline of that run and one other keeps each run's fastest round as its launch.
            var baseline = Path.Combine(directory, "baseline.json");
            BenchmarkBaselineFile.Write(baseline, new[] { result, Result("Simple", 1_200) }, DateTime.UtcNow, overwrite: false);
            Assert.Equal(new[] { 0.001, 0.0012 }, BenchmarkBaselineFile.Read(baseline)[0].LaunchMediansMs.Select(m => Math.Round(m, 9)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void WhenRoundsAreCombined_TheirFiguresAddUpAndTheFirstErrorAndHighestMemoryStay()
    {
        var clock = new ManualClock(1_000_000_000);
        var engine = new BenchmarkEngine(clock, new FakeAllocationProbe());
        BenchmarkMeasurement Round(long nanos, bool fail = false) =>
            engine.Run(new BenchmarkSpec("B", new FakeWorkload(clock, nanos) { FailSetup = fail }) { Suite = "S", Iterations = 5, WarmupIterations = 0, InvocationsPerIteration = 1 });
        var rounds = new[] { Round(1_000), Round(3_000), Round(2_000, fail: true) };
        rounds[0].PeakMemoryMB = 2;
        rounds[1].PeakMemoryMB = 7;
        var combined = BenchmarkMeasurement.Combine(rounds);
        Assert.Equal(3, combined.Rounds);
        Assert.Equal(10, combined.Successes);
        Assert.Equal(10, combined.Attempts);
        Assert.Equal(new[] { 0.001, 0.003 }, combined.RoundMediansMs.Select(m => Math.Round(m, 9)));
        Assert.Contains("no model open", combined.Error, StringComparison.Ordinal);
        Assert.Equal(7, combined.PeakMemoryMB);
        Assert.Equal(rounds[0].SamplesMs.Concat(rounds[1].SamplesMs), combined.SamplesMs);
        Assert.Same(rounds[0], BenchmarkMeasurement.Combine(rounds.Take(1).ToList()));
        Assert.Throws<ArgumentException>(() => BenchmarkMeasurement.Combine(Array.Empty<BenchmarkMeasurement>()));
    }

    [Theory]
    [InlineData("{\"benchmarks\": [", "malformed JSON")]
    [InlineData("[1, 2]", "one JSON object")]
    [InlineData("{\"timestamp\": 1}", "no 'benchmarks' list")]
    [InlineData("{\"schema_version\": 2, \"benchmarks\": []}", "baseline schema 2")]
    [InlineData("{\"benchmarks\": [{\"name\": \"a\"}]}", "no 'samples_ms'")]
    [InlineData("{\"benchmarks\": [{\"name\": \"a\", \"samples_ms\": [1, \"x\"]}]}", "not a number")]
    public void WhenAFileIsNotABenchmarkFile_TheErrorSaysWhy(string text, string expected)
    {
        var ex = Assert.Throws<BenchmarkFileException>(() => BenchmarkBaselineFile.Parse("b.json", text));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("b.json", ex.Path);
    }

    [Fact]
    public void WhenAFileNestsFiftyThousandLevelsDeep_ItIsRefusedNotAStackOverflow()
    {
        var json = "{\"benchmarks\": " + new string('[', 50_000) + new string(']', 50_000) + "}";
        var ex = Assert.Throws<BenchmarkFileException>(() => BenchmarkBaselineFile.Parse("deep.json", json));
        Assert.Contains("nests deeper than 64 levels", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[-0.5, 1]", "cannot be negative")]
    [InlineData("[\"1.5\", \"2\"]", "not a number")]
    [InlineData("[]", "has no samples")]
    public void WhenSamplesAreNegativeTextOrMissing_TheFileIsRefusedNamingTheFieldAndTheBenchmark(string samples, string expected)
    {
        var json = "{\"schema\": \"RevitPerf.BenchmarkBaseline\", \"schema_version\": 1, \"benchmarks\": [{\"name\": \"a\", \"samples_ms\": " + samples + "}]}";
        var ex = Assert.Throws<BenchmarkFileException>(() => BenchmarkBaselineFile.Parse("base.json", json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("base.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"schema\": \"Something.Else\", ", "is not 'RevitPerf.BenchmarkBaseline'")]
    [InlineData("\"schema\": 7, ", "is not 'RevitPerf.BenchmarkBaseline'")]
    [InlineData("", "has no 'schema'")]
    public void WhenTheSchemaIsWrongOrMissing_TheFileIsRefused(string schema, string expected)
    {
        var json = "{" + schema + "\"benchmarks\": [{\"name\": \"a\", \"samples_ms\": [1, 2]}]}";
        var ex = Assert.Throws<BenchmarkFileException>(() => BenchmarkBaselineFile.Parse("base.json", json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
