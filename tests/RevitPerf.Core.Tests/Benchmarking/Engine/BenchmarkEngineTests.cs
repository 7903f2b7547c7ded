using System;
using System.IO;
using System.Linq;
using RevitPerf.Core.Benchmarking;
using RevitPerf.Core.Configuration;
using RevitPerf.Core.Tests.Fakes;

namespace RevitPerf.Core.Tests.Benchmarking;

public class BenchmarkEngineTests
{
    private static (BenchmarkEngine Engine, ManualClock Clock, FakeAllocationProbe Probe) NewEngine()
    {
        var clock = new ManualClock(1_000_000_000);
        var probe = new FakeAllocationProbe();
        return (new BenchmarkEngine(clock, probe) { MinimumIterationTime = TimeSpan.FromMilliseconds(1), MinimumWarmupTime = TimeSpan.Zero, MaximumWarmupTime = TimeSpan.Zero }, clock, probe);
    }

    [Fact]
    public void WhenAnOperationIsFast_ThePilotPutsEnoughInvocationsInAnIterationToReachTheMinimumTime()
    {
        var (engine, clock, _) = NewEngine();
        var workload = new FakeWorkload(clock, nanosPerInvocation: 300);
        var result = engine.Run(new BenchmarkSpec("fast", workload) { Iterations = 5, WarmupIterations = 2 });
        Assert.True(result.InvocationsPerIteration * 300 >= 1_000_000);
        Assert.True(result.InvocationsPerIteration * 300 < 16_000_000);
        Assert.Equal(5, result.Successes);
        Assert.All(result.SamplesMs, s => Assert.Equal(0.0003, s, 12));
        Assert.Equal(1, workload.Runs[0]); // warm-up runs single invocations
        Assert.Equal(1000 / 0.0003, result.OpsPerSecond, 3); // 300 ns per operation is 3.33 M operations per second
    }

    [Fact]
    public void WhenAnOverheadTwinIsGiven_ItsTimeIsSubtractedFromEverySample()
    {
        var (engine, clock, _) = NewEngine();
        var spec = new BenchmarkSpec("calibrated", new FakeWorkload(clock, 1_000))
        {
            Overhead = new FakeWorkload(clock, 700),
            Iterations = 10,
            InvocationsPerIteration = 100,
        };
        var result = engine.Run(spec);
        Assert.Equal(0.0007, result.OverheadMsPerOp, 12);
        Assert.All(result.SamplesMs, s => Assert.Equal(0.0003, s, 12));
    }

    [Fact]
    public void WhenTheOperationIsEmpty_TheCalibratedResultIsZero()
    {
        var (engine, clock, _) = NewEngine();
        var spec = new BenchmarkSpec("empty", new FakeWorkload(clock, 650)) { Overhead = new FakeWorkload(clock, 650), Iterations = 20 };
        var stats = engine.Run(spec).Statistics!;
        Assert.Equal(0, stats.Mean, 12);
        Assert.Equal(0, stats.Max, 12);
    }

    [Fact]
    public void WhenIterationsFail_TheyAreCountedNotTimedAndTheSuccessfulSamplesStay()
    {
        var (engine, clock, _) = NewEngine();
        var workload = new FakeWorkload(clock, 1_000_000);
        workload.FailOnRun.Add(3);
        workload.FailOnRun.Add(7);
        var result = engine.Run(new BenchmarkSpec("flaky", workload) { Iterations = 10, WarmupIterations = 0, InvocationsPerIteration = 1 });
        Assert.Equal(10, result.Attempts);
        Assert.Equal(8, result.Successes);
        Assert.Equal(2, result.Failures);
        Assert.Equal(0.8, result.SuccessRate, 12);
        Assert.Equal("element was deleted", result.Error);
        Assert.Equal(8, result.SamplesMs.Count);
        Assert.True(workload.TornDown);
    }

    [Fact]
    public void WhenEveryIterationFails_TheSuccessRateIsZeroNeverNegative()
    {
        var (engine, clock, _) = NewEngine();
        var workload = new FakeWorkload(clock, 10);
        foreach (var i in Enumerable.Range(1, 100))
        {
            workload.FailOnRun.Add(i);
        }

        var result = engine.Run(new BenchmarkSpec("broken", workload) { Iterations = 5, WarmupIterations = 2 });
        Assert.Equal(0, result.SuccessRate);
        Assert.Null(result.Statistics);
        Assert.Equal(0, result.OpsPerSecond);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void WhenTheTimeoutRunsOut_TheBenchmarkStopsAndKeepsItsSamples()
    {
        var (engine, clock, _) = NewEngine();
        var workload = new FakeWorkload(clock, 1_000_000_000); // one second per invocation
        workload.FailOnRun.Add(4);
        var result = engine.Run(new BenchmarkSpec("slow", workload)
        {
            Iterations = 100, WarmupIterations = 0, InvocationsPerIteration = 1, Timeout = TimeSpan.FromSeconds(10),
        });
        Assert.True(result.TimedOut);
        Assert.Equal(10, result.Attempts); // checked before every iteration, failed ones included
        Assert.Equal(9, result.Successes);
        Assert.All(result.SamplesMs, s => Assert.Equal(1000, s, 9));
        Assert.True(workload.TornDown);
    }

    [Fact]
    public void WhenSetupFails_NothingIsMeasuredAndTeardownStillRuns()
    {
        var (engine, clock, _) = NewEngine();
        var workload = new FakeWorkload(clock, 10) { FailSetup = true };
        var result = engine.Run(new BenchmarkSpec("nomodel", workload));
        Assert.Equal("Setup failed: no model open", result.Error);
        Assert.Equal(0, result.Attempts);
        Assert.Empty(workload.Runs);
        Assert.True(workload.TornDown);
    }

    [Fact]
    public void WhenValidationFails_TheResultSaysSoAfterMeasuring()
    {
        var (engine, clock, _) = NewEngine();
        var workload = new FakeWorkload(clock, 10) { Invalid = "expected 42 walls, got 41" };
        var result = engine.Run(new BenchmarkSpec("counted", workload) { Iterations = 3 });
        Assert.Equal("Validation failed: expected 42 walls, got 41", result.Error);
        Assert.Equal(3, result.Successes);
    }

    [Fact]
    public void WhenTheOperationAllocates_BytesPerOperationAreReadOutsideTheTimedWindow()
    {
        var (engine, clock, probe) = NewEngine();
        var workload = new FakeWorkload(clock, 1_000, probe) { BytesPerInvocation = 48 };
        var result = engine.Run(new BenchmarkSpec("alloc", workload) { Iterations = 10, InvocationsPerIteration = 50, WarmupIterations = 0 });
        Assert.Equal(48, result.AllocatedBytesPerOp);
        probe.AllocatedBytes = null;
        Assert.Null(engine.Run(new BenchmarkSpec("unknown", new FakeWorkload(clock, 1_000)) { Iterations = 2 }).AllocatedBytesPerOp);
    }

    [Fact]
    public void WhenTheWorkloadKeepsMemory_TheLiveGrowthOfTheManagedHeapIsItsMemory()
    {
        var (engine, clock, probe) = NewEngine();
        probe.ManagedHeapBytes = 500L << 20; // the rest of the process: not the benchmark's
        var workload = new FakeWorkload(clock, 1_000, probe) { RetainedBytesPerRun = 1L << 20 };
        var result = engine.Run(new BenchmarkSpec("holds", workload) { Iterations = 8, WarmupIterations = 0, InvocationsPerIteration = 1 });
        Assert.Equal(8, result.PeakMemoryMB, 9);
    }

    [Fact]
    public void WhenTheSuiteTimeoutRunsOut_FinishedResultsStayAndTheRestIsNotStarted()
    {
        var (engine, clock, _) = NewEngine();
        BenchmarkSpec Spec(string name) => new(name, new FakeWorkload(clock, 1_000_000_000))
        {
            Iterations = 6, WarmupIterations = 0, InvocationsPerIteration = 1,
        };

        var started = new System.Collections.Generic.List<string>();
        var run = engine.RunSuite(new[] { Spec("a"), Spec("b"), Spec("c") }, TimeSpan.FromSeconds(10), (spec, _) => started.Add(spec.Name));
        Assert.True(run.TimedOut);
        Assert.Equal(new[] { "a", "b" }, run.Results.Select(r => r.Name));
        Assert.False(run.Results[0].TimedOut);
        Assert.Equal(6, run.Results[0].Successes);
        Assert.True(run.Results[1].TimedOut);
        Assert.Equal(4, run.Results[1].Successes);
        Assert.Equal(new[] { "c" }, run.NotRun);
        Assert.Equal(new[] { "a", "b" }, started);
    }

    [Fact]
    public void WhenASpecIsInvalid_ItIsRefused()
    {
        var (engine, clock, _) = NewEngine();
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Run(new BenchmarkSpec("x", new FakeWorkload(clock, 1)) { Iterations = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Run(new BenchmarkSpec("x", new FakeWorkload(clock, 1)) { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new BenchmarkSpec(" ", new FakeWorkload(clock, 1)));
    }

    [Fact]
    public void WhenRunWithTheRealClock_AnActionWorkloadIsMeasured()
    {
        var engine = new BenchmarkEngine { MinimumIterationTime = TimeSpan.FromMilliseconds(0.2) };
        var result = engine.Run(new BenchmarkSpec("real", new ActionWorkload(() => Math.Sqrt(2))) { Iterations = 5, WarmupIterations = 1 });
        Assert.Equal(5, result.Successes);
        Assert.True(result.InvocationsPerIteration > 1);
        Assert.True(result.Statistics!.Mean >= 0);
        Assert.NotNull(result.AllocatedBytesPerOp);
    }

    private sealed class ActionWorkload : IBenchmarkWorkload
    {
        private readonly Func<double> _operation;

        public ActionWorkload(Func<double> operation) => _operation = operation;

        public void Setup()
        {
        }

        public void Run(long invocations)
        {
            for (long i = 0; i < invocations; i++)
            {
                _operation();
            }
        }

        public string? Validate() => null;

        public void Teardown()
        {
        }
    }

    [Fact]
    public void WhenAWarmUpIsShorterThanTheMinimumTime_ItRunsMoreIterationsUntilTheTimeIsUp()
    {
        var (engine, clock, _) = NewEngine();
        engine.MinimumWarmupTime = TimeSpan.FromMilliseconds(10);
        var workload = new FakeWorkload(clock, 1_000_000); // 1 ms per run
        engine.Run(new BenchmarkSpec("jit", workload) { Iterations = 3, WarmupIterations = 2, InvocationsPerIteration = 1 });
        Assert.Equal(10 + 3, workload.Runs.Count); // 10 warm-up runs fill 10 ms, then the 3 measured ones

        var none = new FakeWorkload(clock, 1_000_000);
        engine.Run(new BenchmarkSpec("cold", none) { Iterations = 3, WarmupIterations = 0, InvocationsPerIteration = 1 });
        Assert.Equal(3, none.Runs.Count); // a warm-up switched off stays off
    }

    [Fact]
    public void WhenTheRunIsCancelledOrAFatalErrorOccurs_ItPropagatesAfterTheTeardown()
    {
        var (engine, clock, _) = NewEngine();
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();
        var workload = new FakeWorkload(clock, 1_000);
        Assert.Throws<OperationCanceledException>(() => engine.Run(new BenchmarkSpec("stop", workload) { InvocationsPerIteration = 1 }, null, cancelled.Token));
        Assert.True(workload.TornDown);

        engine.IsFatal = ex => ex is InvalidOperationException;
        var failing = new FakeWorkload(clock, 1_000);
        failing.FailOnRun.Add(1);
        Assert.Throws<InvalidOperationException>(() => engine.Run(new BenchmarkSpec("fatal", failing) { InvocationsPerIteration = 1, WarmupIterations = 0 }));
        Assert.True(failing.TornDown);
    }

    [Fact]
    public void WhenAnOperationKeepsGettingFaster_TheWarmUpGoesOnUntilItIsStable()
    {
        var (engine, clock, _) = NewEngine();
        engine.MaximumWarmupTime = TimeSpan.FromSeconds(10);
        engine.WarmupWindow = TimeSpan.FromMilliseconds(10);

        // Each of the first 50 runs is faster than the one before (JIT tiering), from 2 ms down to 1 ms: the warm-up
        // must go on until it levels off, not stop after its 2 iterations.
        var workload = new TieringWorkload(clock);
        var result = engine.Run(new BenchmarkSpec("tiering", workload) { Iterations = 5, WarmupIterations = 2, InvocationsPerIteration = 1 });
        Assert.True(workload.Runs > 45 + 5, $"the warm-up stopped after {workload.Runs - 5} runs");
        Assert.All(result.SamplesMs, s => Assert.InRange(s, 1, 1.1));

        // A spec that opts out stops after its iterations.
        var fixedRuns = new TieringWorkload(clock);
        engine.Run(new BenchmarkSpec("fixed", fixedRuns) { Iterations = 5, WarmupIterations = 2, InvocationsPerIteration = 1, WarmupUntilStable = false });
        Assert.Equal(2 + 5, fixedRuns.Runs);
    }

    [Fact]
    public void WhenTheFirstCallsCompile_TheEngineSizesTheIterationsAgainOnTheWarmedUpOperation()
    {
        var (engine, clock, _) = NewEngine();
        engine.MinimumWarmupTime = TimeSpan.FromMilliseconds(20);

        // The first 3 calls compile and last 3 ms each whatever they run, longer than the 1 ms minimum iteration by
        // themselves; then an invocation costs 10 µs. Sized on the cold calls, an iteration would hold 1 invocation.
        var workload = new CompilingWorkload(clock, coldCalls: 3, coldTicks: 3_000_000, ticksPerInvocation: 10_000);
        var result = engine.Run(new BenchmarkSpec("compiling", workload) { Iterations = 5, WarmupIterations = 2 });
        Assert.True(result.InvocationsPerIteration >= 100, $"{result.InvocationsPerIteration} invocations per iteration");
        Assert.All(result.SamplesMs, s => Assert.Equal(0.01, s, 9));

        // A given count is kept as it is.
        var given = new CompilingWorkload(clock, 3, 3_000_000, 10_000);
        Assert.Equal(7, engine.Run(new BenchmarkSpec("given", given) { Iterations = 5, WarmupIterations = 2, InvocationsPerIteration = 7 }).InvocationsPerIteration);
    }

    private sealed class CompilingWorkload : IBenchmarkWorkload
    {
        private readonly ManualClock _clock;
        private readonly int _coldCalls;
        private readonly long _coldTicks;
        private readonly long _ticksPerInvocation;
        private int _calls;

        public CompilingWorkload(ManualClock clock, int coldCalls, long coldTicks, long ticksPerInvocation)
        {
            _clock = clock;
            _coldCalls = coldCalls;
            _coldTicks = coldTicks;
            _ticksPerInvocation = ticksPerInvocation;
        }

        public void Setup()
        {
        }

        public void Run(long invocations) =>
            _clock.Timestamp += ++_calls <= _coldCalls ? _coldTicks : _ticksPerInvocation * invocations;

        public string? Validate() => null;

        public void Teardown()
        {
        }
    }

    private sealed class TieringWorkload : IBenchmarkWorkload
    {
        private readonly ManualClock _clock;

        public TieringWorkload(ManualClock clock) => _clock = clock;

        public int Runs { get; private set; }

        public void Setup()
        {
        }

        public void Run(long invocations)
        {
            Runs++;
            _clock.Timestamp += (1_000_000 + (20_000 * Math.Max(0, 50 - Runs))) * invocations;
        }

        public string? Validate() => null;

        public void Teardown()
        {
        }
    }

    [Fact]
    public void WhenACollectionDuringTheIterationsSeesMoreLiveMemory_ThatTransientPeakIsTheMemory()
    {
        var (engine, clock, probe) = NewEngine();
        probe.ManagedHeapBytes = 500L << 20;
        probe.LastCollection = (10, 500L << 20);
        var workload = new PeakingWorkload(clock, probe);
        var result = engine.Run(new BenchmarkSpec("peaks", workload) { Iterations = 4, WarmupIterations = 0, InvocationsPerIteration = 1 });
        Assert.Equal(30, result.PeakMemoryMB, 9); // the model was live at a collection mid-run, then dropped
    }

    private sealed class PeakingWorkload : IBenchmarkWorkload
    {
        private readonly ManualClock _clock;
        private readonly FakeAllocationProbe _probe;
        private int _runs;

        public PeakingWorkload(ManualClock clock, FakeAllocationProbe probe)
        {
            _clock = clock;
            _probe = probe;
        }

        public void Setup()
        {
        }

        public void Run(long invocations)
        {
            _clock.Timestamp += 1_000;

            // The second run sees a collection while 30 MB are live; afterwards nothing is kept.
            if (++_runs == 2)
            {
                _probe.LastCollection = (11, (500L + 30) << 20);
            }
        }

        public string? Validate() => null;

        public void Teardown()
        {
        }
    }

    private static readonly BenchmarkEnvironment s_environment = new("7.6.9", "Core", "0.1.0");

    [Fact]
    public void WhenAWorkloadReportsMetrics_TheyCoverOnlyTheMeasuredIterations()
    {
        var clock = new ManualClock(1_000_000_000);
        var workload = new CountingMetricsWorkload(clock);
        var measurement = new BenchmarkEngine(clock, new FakeAllocationProbe())
            .Run(new BenchmarkSpec("m", workload) { Iterations = 4, WarmupIterations = 3, InvocationsPerIteration = 2, Targets = new BenchmarkTargets { HitRatio = 0.5 } });
        Assert.Equal(8, workload.Counted); // 4 iterations x 2 invocations; the 3 warm-up runs were forgotten
        Assert.Equal(0.75, measurement.HitRatio);
        Assert.Equal(12.5, measurement.PeakMemoryMB);
        var result = new BenchmarkResult(measurement, null, s_environment, DateTime.UtcNow);
        Assert.True(result.MetHitRatioTarget);
        Assert.Equal(0.5, result.TargetHitRatio);
    }

    private sealed class CountingMetricsWorkload : IBenchmarkWorkload, IBenchmarkMetrics
    {
        private readonly ManualClock _clock;

        public CountingMetricsWorkload(ManualClock clock) => _clock = clock;

        public int Counted { get; private set; }

        public double? MemoryMB => 12.5;

        public double? HitRatio => 0.75;

        public void BeginMeasurement() => Counted = 0;

        public void Setup()
        {
        }

        public void Run(long invocations)
        {
            _clock.Timestamp += 1_000 * invocations;
            Counted += (int)invocations;
        }

        public string? Validate() => null;

        public void Teardown()
        {
        }
    }

    [Fact]
    public void WhenAskedForMoreInvocationsThanTheTimeLimitHolds_TheIterationIsLoweredToFitAndTheRunEnds()
    {
        var clock = new ManualClock(1_000_000_000);
        var workload = new FakeWorkload(clock, 1_000); // 1 us an invocation
        var measurement = new BenchmarkEngine(clock, new FakeAllocationProbe()).Run(new BenchmarkSpec("huge", workload)
        {
            InvocationsPerIteration = long.MaxValue,
            Timeout = TimeSpan.FromSeconds(1),
            Iterations = 3,
            WarmupIterations = 0,
        });
        Assert.True(measurement.InvocationsPerIteration < 1_000_000);
        Assert.Contains("lowered from", measurement.Note, StringComparison.Ordinal);
        Assert.True(measurement.Successes >= 1);
        Assert.True(clock.Timestamp <= 2_000_000_000, "the run outlasted its time limit by far");
    }

    [Fact]
    public void WhenAWorkloadTimesItself_ItsTimeIsTheSampleWhateverTheClockSaw()
    {
        var clock = new ManualClock(1_000_000_000);
        var workload = new SelfTimed(clock);
        var measurement = new BenchmarkEngine(clock, new FakeAllocationProbe())
            .Run(new BenchmarkSpec("import", workload) { Iterations = 4, WarmupIterations = 0, InvocationsPerIteration = 1 });
        Assert.All(measurement.SamplesMs, ms => Assert.Equal(42, ms));
        Assert.Equal(0, measurement.OverheadMsPerOp);
    }

    private sealed class SelfTimed : ISelfTimedWorkload
    {
        private readonly ManualClock _clock;

        public SelfTimed(ManualClock clock) => _clock = clock;

        public double LastRunMs { get; private set; }

        public void Setup()
        {
        }

        // The launch around it takes a second on the clock; the operation inside took 42 ms.
        public void Run(long invocations)
        {
            _clock.Timestamp += 1_000_000_000 * invocations;
            LastRunMs = 42 * invocations;
        }

        public string? Validate() => null;

        public void Teardown()
        {
        }
    }
}
