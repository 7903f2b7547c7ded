using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Benchmarking;

public class BenchmarkRunTests
{
    private static readonly BenchmarkEnvironment s_environment = new("7.6.9", "Core", "0.1.0");

    [Fact]
    public void WhenJobsRunOneAtATime_ResultsComeInOrderOnTheCallersThreadAndTheFileIsWritten()
    {
        var directory = Path.Combine(Path.GetTempPath(), "revitperf-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            var observer = new Observer();
            var options = Options();
            options.ResultsDirectory = directory;
            var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000), new FakeAllocationProbe()));
            run.Run(Jobs(3), new FakeWorker());
            var summary = run.Finish();

            Assert.Equal(new[] { "b0", "b1", "b2" }, observer.Results.Select(r => r.Name));
            Assert.Equal(new[] { "Suite/b0", "Suite/b1", "Suite/b2" }, observer.Started);
            Assert.All(observer.Threads, id => Assert.Equal(Environment.CurrentManagedThreadId, id));
            Assert.Equal(3, summary.Results.Count);
            Assert.True(File.Exists(summary.ResultsFile));
            Assert.Null(summary.ResultsFileError);
            Assert.Empty(summary.NotRun);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void WhenJobsRunInParallel_ResultsComeInListOrderOnTheCallersThreadWhateverOrderTheyFinish()
    {
        var observer = new Observer();
        var options = Options();
        options.Parallel = true;
        options.ThrottleLimit = 3;
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000)));
        var created = 0;
        var jobs = Jobs(6);

        // The first jobs take longest, so they finish last.
        run.Run(jobs, new FakeWorker(), () => { Interlocked.Increment(ref created); return new FakeWorker(job => (6 - Index(job)) * 15); });

        Assert.Equal(jobs.Select(j => j.Name), observer.Results.Select(r => r.Name));
        Assert.All(observer.Threads, id => Assert.Equal(Environment.CurrentManagedThreadId, id));
        Assert.InRange(created, 1, 3);
        Assert.Contains(observer.Warnings, w => w.Contains("6 benchmarks 3 at a time", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAParallelWorkerFails_ThatJobIsReportedAndTheOthersFinish()
    {
        var observer = new Observer();
        var options = Options();
        options.Parallel = true;
        options.ThrottleLimit = 2;
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000)));
        run.Run(Jobs(4), new FakeWorker(), () => new FakeWorker(fail: "b2"));
        Assert.Equal(new[] { "b0", "b1", "b3" }, observer.Results.Select(r => r.Name));
        var (job, error) = Assert.Single(observer.Failures);
        Assert.Equal("b2", job.Name);
        Assert.Equal("runspace broke", error.Message);
    }

    [Fact]
    public void WhenTheSuiteTimeRunsOut_TheRestIsNotRunNamedInAWarningAndTheFinishedResultsAreKept()
    {
        var clock = new ManualClock(1_000_000_000);
        var observer = new Observer();
        var options = Options();
        options.Configuration.Benchmark.TimeoutSeconds = 1;
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(clock));
        run.Run(Jobs(3), new FakeWorker(onMeasured: () => clock.Timestamp += 2_000_000_000));
        var summary = run.Finish();
        Assert.Equal(new[] { "b0" }, summary.Results.Select(r => r.Name));
        Assert.Equal(new[] { "Suite/b1", "Suite/b2" }, summary.NotRun);
        Assert.Contains(observer.Warnings, w => w.Contains("not run: Suite/b1, Suite/b2", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenABaselineIsGiven_ASlowerBenchmarkIsWarnedAboutAndRecordsTheVerdict()
    {
        var observer = new Observer();
        var options = Options();
        options.Baseline = new[] { new BenchmarkSamples("b0", "Suite", Enumerable.Repeat(0.001, 30).Select((v, i) => v + (i * 1e-6)).ToArray()) };
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000)));
        run.Run(Jobs(1), new FakeWorker(nanosPerOp: 5_000));
        var summary = run.Finish();
        Assert.Equal("Slower", summary.Results[0].BaselineVerdict);
        Assert.NotEmpty(summary.Comparisons);
        Assert.Contains(observer.Warnings, w => w.Contains("Suite/b0: LatencyMs changed by", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WhenATargetIsMissed_AStrictRunFailsAndAnotherOneWarns(bool strict)
    {
        var observer = new Observer();
        var options = Options();
        options.Strict = strict;
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000)));
        run.Run(Jobs(1, new BenchmarkTargets { LatencyMs = 0.000_001 }), new FakeWorker());
        var summary = run.Finish();
        Assert.Single(summary.Misses);
        Assert.Equal(strict, summary.FailsRun);
        Assert.Equal(!strict, observer.Warnings.Any(w => w.Contains("missed a target", StringComparison.Ordinal)));
    }

    [Fact]
    public void WhenAParallelRunIsCancelled_ItStopsWaitingAndTheResultsSoFarAreKept()
    {
        using var cancellation = new CancellationTokenSource();
        var observer = new Observer { OnCompleted = _ => cancellation.Cancel() };
        var options = Options();
        options.Parallel = true;
        options.ThrottleLimit = 1;
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000)));
        Assert.ThrowsAny<OperationCanceledException>(() => run.Run(Jobs(4), new FakeWorker(), () => new FakeWorker(), cancellation.Token));
        Assert.Equal(new[] { "b0" }, run.Finish().Results.Select(r => r.Name));
    }

    [Fact]
    public void WhenARunTakesRounds_TheBenchmarksTakeThemInTurnAndEachResultPoolsItsRounds()
    {
        var observer = new Observer();
        var options = Options();
        options.Rounds = 3;
        var calls = 0;
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000)));

        // Every round of b1 runs at a different speed: its round medians keep them apart, in run order.
        run.Run(Jobs(2), new FakeWorker(nanosPerOp: job => job.Name == "b1" ? 1_000 * ++calls : 1_000));
        var summary = run.Finish();

        Assert.Equal(new[] { "Suite/b0", "Suite/b1", "Suite/b0", "Suite/b1", "Suite/b0", "Suite/b1" }, observer.Started);
        Assert.Equal(new[] { "b0", "b1" }, observer.Results.Select(r => r.Name));
        Assert.All(summary.Results, r => Assert.Equal(3, r.Rounds));
        Assert.All(summary.Results, r => Assert.Equal(90, r.Iterations));
        Assert.Equal(new[] { 0.001, 0.002, 0.003 }, summary.Results[1].GetRoundMediansMs().Select(m => Math.Round(m, 9)));
        Assert.Equal(new[] { 0.001 }, BenchmarkSamples.From(summary.Results[1]).LaunchMediansMs.Select(m => Math.Round(m, 9)));
    }

    [Fact]
    public void WhenARoundFailsOrTheBenchmarkStartsProcesses_ItTakesNoFurtherRound()
    {
        var observer = new Observer();
        var options = Options();
        options.Rounds = 3;
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000)));
        run.Run(Jobs(3), new FakeWorker(failSetup: "b0", singleRound: "b2"));
        var summary = run.Finish();
        Assert.Equal(new[] { "Suite/b0", "Suite/b1", "Suite/b2", "Suite/b1", "Suite/b1" }, observer.Started);
        Assert.Equal(new[] { 1, 3, 1 }, summary.Results.Select(r => r.Rounds));
        Assert.Contains("no model open", summary.Results[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenARunOfRoundsIsStopped_WhatWasMeasuredIsKeptWithoutWritingToTheCaller()
    {
        using var cancellation = new CancellationTokenSource();
        var observer = new Observer();
        var options = Options();
        options.Rounds = 2;
        var measured = 0;
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000)));

        // Stopped after b0's second round: b0 is complete and written; b1 has its first round, kept for the results file.
        Assert.ThrowsAny<OperationCanceledException>(() => run.Run(Jobs(2), new FakeWorker(onMeasured: () =>
        {
            if (++measured == 3)
            {
                cancellation.Cancel();
            }
        }), null, cancellation.Token));
        var summary = run.Finish();
        Assert.Equal(new[] { "b0" }, observer.Results.Select(r => r.Name));
        Assert.Equal(new[] { "b0", "b1" }, summary.Results.Select(r => r.Name));
        Assert.Equal(new[] { 2, 1 }, summary.Results.Select(r => r.Rounds));
        Assert.Empty(summary.NotRun);
    }

    [Fact]
    public void WhenAParallelRunTakesRounds_EachWorkerTakesItsBenchmarksRoundsInARow()
    {
        var observer = new Observer();
        var options = Options();
        options.Parallel = true;
        options.ThrottleLimit = 2;
        options.Rounds = 3;
        var run = new BenchmarkRun(options, observer, new BenchmarkEngine(new ManualClock(1_000_000_000)));
        run.Run(Jobs(3), new FakeWorker(), () => new FakeWorker(singleRound: "b2"));
        var summary = run.Finish();
        Assert.Equal(new[] { 3, 3, 1 }, summary.Results.Select(r => r.Rounds));
        Assert.Equal(new[] { 90, 90, 30 }, summary.Results.Select(r => r.Iterations));
    }

    private static int Index(BenchmarkJob job) => int.Parse(job.Name.Substring(1), System.Globalization.CultureInfo.InvariantCulture);

    private static BenchmarkRunOptions Options()
    {
        var configuration = new PerformanceConfiguration();
        configuration.Benchmark.SaveResults = false;
        return new BenchmarkRunOptions(configuration, s_environment) { Rounds = 1 };
    }

    private static List<BenchmarkJob> Jobs(int count, BenchmarkTargets? targets = null) =>
        Enumerable.Range(0, count).Select(i => new BenchmarkJob("Suite", "b" + i, targets ?? new BenchmarkTargets())).ToList();

    /// <summary>Measures a job on a clock of its own (so parallel workers never share one), after an optional real wait.</summary>
    private sealed class FakeWorker : IBenchmarkWorker
    {
        private readonly Func<BenchmarkJob, int>? _waitMs;
        private readonly string? _fail;
        private readonly Func<BenchmarkJob, long> _nanosPerOp;
        private readonly Action? _onMeasured;
        private readonly string? _failSetup;
        private readonly string? _singleRound;

        public FakeWorker(
            Func<BenchmarkJob, int>? waitMs = null, string? fail = null, long nanosPerOp = 1_000, Action? onMeasured = null, string? failSetup = null, string? singleRound = null)
            : this(_ => nanosPerOp, waitMs, fail, onMeasured, failSetup, singleRound)
        {
        }

        public FakeWorker(Func<BenchmarkJob, long> nanosPerOp, Func<BenchmarkJob, int>? waitMs = null, string? fail = null, Action? onMeasured = null, string? failSetup = null, string? singleRound = null)
        {
            _waitMs = waitMs;
            _fail = fail;
            _nanosPerOp = nanosPerOp;
            _onMeasured = onMeasured;
            _failSetup = failSetup;
            _singleRound = singleRound;
        }

        public BenchmarkMeasurement Measure(BenchmarkJob job, BenchmarkOverrides overrides, long deadline, CancellationToken cancellation)
        {
            if (job.Name == _fail)
            {
                throw new InvalidOperationException("runspace broke");
            }

            Thread.Sleep(_waitMs?.Invoke(job) ?? 0);
            var clock = new ManualClock(1_000_000_000);
            var spec = new BenchmarkSpec(job.Name, new FakeWorkload(clock, _nanosPerOp(job)) { FailSetup = job.Name == _failSetup })
            {
                SingleRound = job.Name == _singleRound,
                Suite = job.Suite,
                Iterations = 30,
                WarmupIterations = 0,
                InvocationsPerIteration = 1,
                Targets = (BenchmarkTargets)job.Payload,
            };
            var measurement = new BenchmarkEngine(clock, new FakeAllocationProbe()).Run(spec, null, cancellation);
            _onMeasured?.Invoke();
            return measurement;
        }

        public void Dispose()
        {
        }
    }

    private sealed class Observer : IBenchmarkRunObserver
    {
        public List<string> Started { get; } = new();

        public List<BenchmarkResult> Results { get; } = new();

        public List<string> Warnings { get; } = new();

        public List<(BenchmarkJob Job, Exception Error)> Failures { get; } = new();

        public ConcurrentBag<int> Threads { get; } = new();

        public Action<BenchmarkResult>? OnCompleted { get; set; }

        public void Starting(BenchmarkJob job, int done, int total)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            Started.Add(job.Label);
        }

        public void Completed(BenchmarkResult result)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            Results.Add(result);
            OnCompleted?.Invoke(result);
        }

        public void Warning(string message) => Warnings.Add(message);

        public void Failed(BenchmarkJob job, Exception error) => Failures.Add((job, error));
    }
}
