using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Measures benchmarks one at a time: setup; a pilot that picks how many invocations make one iteration (so that
/// sub-microsecond operations are measurable); warm-up iterations of that size; calibration of the invocation overhead with an empty twin
/// of the workload; the iterations; validation and teardown. Only the operation is inside the timed window:
/// allocation and collection counters are read before and after the iterations, validation after. A failing
/// iteration is counted, not timed; the time limit is checked before every iteration, and when it runs out the
/// samples taken so far are kept.
/// </summary>
public sealed class BenchmarkEngine
{
    private readonly IClock _clock;
    private readonly IAllocationProbe _allocations;

    /// <summary>Creates an engine; tests pass a fake clock and probe.</summary>
    public BenchmarkEngine(IClock? clock = null, IAllocationProbe? allocations = null)
    {
        _clock = clock ?? SystemClock.Instance;
        _allocations = allocations ?? RuntimeAllocationProbe.Instance;
    }

    /// <summary>The shortest time one measured iteration should take; the pilot sizes iterations to reach it.</summary>
    public TimeSpan MinimumIterationTime { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The shortest warm-up of a benchmark that has warm-up iterations (its iterations are run at least).</summary>
    public TimeSpan MinimumWarmupTime { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest warm-up of a benchmark that warms up until stable.</summary>
    public TimeSpan MaximumWarmupTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One window of the warm-up-until-stable phase: its median is compared with the best so far.</summary>
    public TimeSpan WarmupWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Windows in a row that must not improve on the best for the warm-up to count as stable.</summary>
    public int StableWindows { get; set; } = 5;

    /// <summary>The most warm-up iterations the minimum warm-up time may add.</summary>
    public int MaximumWarmupIterations { get; set; } = 1000;

    /// <summary>The most invocations the pilot puts in one iteration.</summary>
    public long MaximumInvocationsPerIteration { get; set; } = 1L << 24;

    /// <summary>
    /// Exceptions that stop the whole run instead of failing an iteration (a host's "pipeline stopped", say). They
    /// propagate after teardown; <see cref="OperationCanceledException"/> always does.
    /// </summary>
    public Func<Exception, bool>? IsFatal { get; set; }

    /// <summary>A clock timestamp <paramref name="timeout"/> from now, for <see cref="Run"/>'s deadline.</summary>
    public long DeadlineAfter(TimeSpan timeout) => _clock.Timestamp + Ticks(timeout);

    /// <summary>True once the clock has passed <paramref name="deadline"/>.</summary>
    public bool IsPast(long deadline) => _clock.Timestamp >= deadline;

    /// <summary>
    /// Measures one benchmark within its own timeout (and <paramref name="deadline"/>, a clock timestamp, if sooner).
    /// <paramref name="cancellation"/> is checked before every run of the operation and stops the benchmark with an
    /// <see cref="OperationCanceledException"/> after its teardown.
    /// </summary>
    public BenchmarkMeasurement Run(BenchmarkSpec spec, long? deadline = null, CancellationToken cancellation = default)
    {
        (spec ?? throw new ArgumentNullException(nameof(spec))).Validate();
        var start = _clock.Timestamp;
        var limit = start + Ticks(spec.Timeout);
        if (deadline is { } suiteDeadline && suiteDeadline < limit)
        {
            limit = suiteDeadline;
        }

        string? error = null;
        var planner = new IterationPlanner(this, _clock);
        var samples = new List<double>(spec.Iterations);
        var allocationSamples = new List<double>(spec.TrackMemory ? spec.Iterations : 0);
        var attempts = 0;
        var timedOut = false;
        long invocations = 1;
        double overhead = 0;
        double? allocatedPerOp = null;
        var collections = new double[3];
        long peakHeapGrowth = 0;
        long? retained = null;
        double? reportedMemory = null;
        double? hitRatio = null;
        string? note = null;
        var metrics = spec.Workload as IBenchmarkMetrics;

        try
        {
            spec.Workload.Setup();
        }
        catch (Exception ex) when (!Fatal(ex))
        {
            error = "Setup failed: " + ex.Message;
            Teardown(spec.Workload, ref error);
            return new BenchmarkMeasurement(spec, samples, allocationSamples, 0, error, false, invocations, 0, null, collections, Elapsed(start));
        }

        try
        {
            // The pilot sizes the iterations first, so that the warm-up runs whole iterations as the measurement will.
            cancellation.ThrowIfCancellationRequested();
            invocations = spec.InvocationsPerIteration is { } given
                ? planner.FitToLimit(spec.Workload, given, limit, ref error, ref note)
                : planner.Pilot(spec.Workload, limit, ref error);
            timedOut = !planner.WarmUp(spec, invocations, limit, cancellation, ref error);
            if (!timedOut && error is null && spec.InvocationsPerIteration is null && spec.WarmupIterations > 0)
            {
                // Pilot again on the warmed-up operation. A first call that compiles (a script block, say) can alone
                // outlast the minimum iteration time, which left the count at 1: the iterations then timed mostly the
                // cost of calling, so a fresh process measured the same loop 1.7x slower than a warm one.
                var resized = planner.Pilot(spec.Workload, limit, ref error, invocations);
                if (resized > invocations && error is null)
                {
                    invocations = resized;
                    timedOut = !planner.WarmUp(spec, invocations, limit, cancellation, ref error);
                }
            }

            // The empty twin is measured between the iterations rather than once before them: PowerShell compiles
            // script blocks in the background and the JIT re-tiers, so the cost of an invocation drifts during a
            // run, and only a calibration spread over the same period subtracts the same overhead.
            var twin = timedOut ? null : spec.Overhead;
            var twinSamples = new List<double>();
            var twinEvery = twin is null ? 0 : Math.Max(1, (int)Math.Ceiling(spec.Iterations / (double)(spec.CalibrationIterations ?? spec.Iterations)));
            twin?.Setup();
            try
            {
                twin?.Run(invocations); // unrecorded: warms the twin up as the warm-up warmed the operation
                metrics?.BeginMeasurement();
                var track = spec.TrackMemory;

                // The benchmark's memory: what is live above this baseline, at its highest. Live means after a
                // collection: right after each collection that happens during the iterations (the transient peak),
                // and after a full one at the end (what it keeps). Heap growth read between iterations would count
                // garbage not yet collected, which says more about the GC's budget than about the benchmark.
                var liveBefore = track ? _allocations.LiveHeapBytes() : 0;
                var lastCollection = track ? _allocations.LastCollection?.Index : null;
                var ticksPerMs = _clock.TimestampFrequency / 1000.0;
                var rawSamples = new List<double>(spec.Iterations);
                long operations = 0;
                var gcBefore = new int[3];
                while (!timedOut && attempts < spec.Iterations)
                {
                    if (_clock.Timestamp >= limit)
                    {
                        timedOut = true;
                        break;
                    }

                    cancellation.ThrowIfCancellationRequested();
                    attempts++;

                    // Counters are read before the first timestamp and after the second: outside the timed window, and
                    // around the operation only (never around the twin).
                    var iterationBytes = track ? _allocations.AllocatedBytes : null;
                    for (var g = 0; track && g < 3; g++)
                    {
                        gcBefore[g] = _allocations.CollectionCount(g);
                    }

                    var before = _clock.Timestamp;
                    var failed = false;
                    try
                    {
                        spec.Workload.Run(invocations);
                    }
                    catch (Exception ex) when (!Fatal(ex))
                    {
                        error ??= ex.Message;
                        failed = true; // counted as an attempt, not timed
                    }

                    var after = _clock.Timestamp;
                    if (track)
                    {
                        var endBytes = _allocations.AllocatedBytes;
                        for (var g = 0; g < 3; g++)
                        {
                            collections[g] += _allocations.CollectionCount(g) - gcBefore[g];
                        }

                        operations += invocations;
                        if (!failed && iterationBytes is { } startBytes && endBytes is { } stopBytes)
                        {
                            allocationSamples.Add(Math.Max(0, stopBytes - startBytes) / (double)invocations);
                        }

                        if (lastCollection is { } seen && _allocations.LastCollection is { } last && last.Index > seen)
                        {
                            peakHeapGrowth = Math.Max(peakHeapGrowth, last.HeapBytes - liveBefore);
                            lastCollection = last.Index;
                        }
                    }

                    if (!failed)
                    {
                        rawSamples.Add((spec.Workload is ISelfTimedWorkload { LastRunMs: >= 0 } timed ? timed.LastRunMs : (after - before) / ticksPerMs) / invocations);
                    }

                    if (twin is not null && (attempts - 1) % twinEvery == 0 && _clock.Timestamp < limit)
                    {
                        var twinStart = _clock.Timestamp;
                        twin.Run(invocations);
                        twinSamples.Add((_clock.Timestamp - twinStart) / ticksPerMs / invocations);
                    }
                }

                if (track)
                {
                    retained = _allocations.LiveHeapBytes() - liveBefore;
                    peakHeapGrowth = Math.Max(peakHeapGrowth, retained.Value);
                }

                overhead = twinSamples.Count == 0 ? 0 : SampleStatistics.From(twinSamples).Median;
                // A time is never negative: an iteration that calibration takes below zero was as fast as invoking
                // nothing at all, and is recorded as zero (see also the warning when the noise hides the operation).
                samples.AddRange(rawSamples.Select(x => Math.Max(0, x - overhead)));
                if (track && operations > 0)
                {
                    allocatedPerOp = allocationSamples.Count > 0 ? allocationSamples.Average() : null;
                    for (var g = 0; g < 3; g++)
                    {
                        collections[g] = collections[g] * 1000 / operations;
                    }
                }
            }
            finally
            {
                twin?.Teardown();
            }

            if (metrics is not null)
            {
                reportedMemory = metrics.MemoryMB;
                hitRatio = metrics.HitRatio;
            }

            if (samples.Count > 0 && spec.Workload.Validate() is { } invalid)
            {
                error ??= "Validation failed: " + invalid;
            }
        }
        catch (Exception ex) when (!Fatal(ex))
        {
            error ??= ex.Message;
        }
        finally
        {
            Teardown(spec.Workload, ref error);
        }

        return new BenchmarkMeasurement(spec, samples, allocationSamples, attempts, error, timedOut, invocations, overhead, allocatedPerOp, collections, Elapsed(start))
        {
            PeakMemoryMB = reportedMemory ?? peakHeapGrowth / Units.BytesPerMB,
            RetainedMemoryMB = reportedMemory is null && retained is { } kept ? kept / Units.BytesPerMB : null,
            HitRatio = hitRatio,
            Note = note,
        };
    }

    /// <summary>
    /// Runs benchmarks in order within <paramref name="suiteTimeout"/>: when it runs out, the running benchmark stops
    /// (keeping its samples), the rest are not started, and every finished result is returned.
    /// </summary>
    public BenchmarkSuiteRun RunSuite(IEnumerable<BenchmarkSpec> specs, TimeSpan suiteTimeout, Action<BenchmarkSpec, int>? starting = null)
    {
        var all = (specs ?? throw new ArgumentNullException(nameof(specs))).ToList();
        var deadline = DeadlineAfter(suiteTimeout);
        return RunSuite(all, deadline, s => s.Name, s => Run(s, deadline), starting);
    }

    /// <summary>
    /// Runs <paramref name="items"/> in order with <paramref name="measure"/> until the clock passes
    /// <paramref name="deadline"/> (see <see cref="SuiteRunner"/>).
    /// </summary>
    internal BenchmarkSuiteRun RunSuite<T>(
        IReadOnlyList<T> items, long deadline, Func<T, string> name, Func<T, BenchmarkMeasurement> measure,
        Action<T, int>? starting = null, Action<BenchmarkMeasurement>? finished = null) =>
        SuiteRunner.Run(items, () => IsPast(deadline), name, measure, starting, finished);

    private void Teardown(IBenchmarkWorkload workload, ref string? error)
    {
        try
        {
            workload.Teardown();
        }
        catch (Exception ex) when (!Fatal(ex))
        {
            error ??= "Teardown failed: " + ex.Message;
        }
    }

    /// <summary>True for an exception that must end the run rather than count as the benchmark's failure.</summary>
    internal bool Fatal(Exception ex) => ex is OperationCanceledException || (IsFatal?.Invoke(ex) ?? false);

    private long Ticks(TimeSpan span) => _clock.ToTimestampTicks(span);

    private TimeSpan Elapsed(long start) => _clock.Since(start);
}
