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
                ? FitToLimit(spec.Workload, given, limit, ref error, ref note)
                : Pilot(spec.Workload, limit, ref error);
            timedOut = !WarmUp(spec, invocations, limit, cancellation, ref error);

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
    /// <paramref name="deadline"/>: the rest are not started and are named (by <paramref name="name"/>) in the
    /// result, and every finished measurement is kept. <paramref name="measure"/> should pass the deadline on to
    /// <see cref="Run"/>, so that the benchmark running when it passes stops too. <paramref name="finished"/> sees
    /// each measurement as it completes.
    /// </summary>
    internal BenchmarkSuiteRun RunSuite<T>(
        IReadOnlyList<T> items, long deadline, Func<T, string> name, Func<T, BenchmarkMeasurement> measure,
        Action<T, int>? starting = null, Action<BenchmarkMeasurement>? finished = null)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (measure is null)
        {
            throw new ArgumentNullException(nameof(measure));
        }

        var results = new List<BenchmarkMeasurement>();
        for (var i = 0; i < items.Count; i++)
        {
            if (IsPast(deadline))
            {
                return new BenchmarkSuiteRun(results, items.Skip(i).Select(name).ToList(), timedOut: true);
            }

            starting?.Invoke(items[i], i);
            var measurement = measure(items[i]);
            results.Add(measurement);
            finished?.Invoke(measurement);
        }

        return new BenchmarkSuiteRun(results, Array.Empty<string>(), timedOut: IsPast(deadline) && results.Any(r => r.TimedOut));
    }

    // An iteration is timed as a whole and cannot be interrupted: invocations asked for that one call could not finish
    // within the time limit (say long.MaxValue of them) are lowered to what fits, timed on one untimed invocation.
    private long FitToLimit(IBenchmarkWorkload workload, long invocations, long limit, ref string? error, ref string? note)
    {
        if (invocations == 1)
        {
            return 1;
        }

        var before = _clock.Timestamp;
        try
        {
            workload.Run(1);
        }
        catch (Exception ex) when (!Fatal(ex))
        {
            error ??= ex.Message;
            return 1;
        }

        var after = _clock.Timestamp;
        var perInvocation = Math.Max(1, after - before);

        // A quarter of the time left for one iteration: the warm-up and the measured iterations need the rest.
        var fits = Math.Max(1, (limit - after) / perInvocation / 4);
        if (invocations <= fits)
        {
            return invocations;
        }

        note = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "InvocationsPerIteration lowered from {0:N0} to {1:N0}: one iteration of {0:N0} would outlast the time limit",
            invocations, fits);
        return fits;
    }

    private long Pilot(IBenchmarkWorkload workload, long limit, ref string? error)
    {
        // Grow the invocations until one iteration lasts MinimumIterationTime, and confirm it with a second run at
        // the same count: early runs are slow (JIT, PowerShell compiling a block after its first calls), and a count
        // sized on them would leave steady-state iterations far below the minimum time. A failing pilot keeps 1.
        var target = Ticks(MinimumIterationTime);
        long invocations = 1;
        var confirming = false;
        while (invocations < MaximumInvocationsPerIteration && _clock.Timestamp < limit)
        {
            var before = _clock.Timestamp;
            try
            {
                workload.Run(invocations);
            }
            catch (Exception ex) when (!Fatal(ex))
            {
                error ??= ex.Message;
                return 1;
            }

            var elapsed = _clock.Timestamp - before;
            if (elapsed >= target)
            {
                if (confirming)
                {
                    break;
                }

                confirming = true;
                continue;
            }

            // Jump close to the target when the measurement is meaningful, but never more than 16x at once.
            confirming = false;
            var factor = elapsed > 0 ? Math.Min(16, Math.Max(2, (double)target / elapsed)) : 16;
            invocations = Math.Min(MaximumInvocationsPerIteration, (long)Math.Ceiling(invocations * factor));
        }

        return invocations;
    }

    /// <summary>
    /// Runs the warm-up: the spec's iterations and, unless they are zero, at least <see cref="MinimumWarmupTime"/>;
    /// then, for a spec that asks for it, windows of at least <see cref="WarmupWindow"/> until the operation stops
    /// getting faster. .NET re-compiles methods with optimizations (and again with profile data) only after 30
    /// calls and a quiet 100 ms each time, so a fresh process keeps speeding up for seconds; measuring before it has
    /// settled made two unchanged runs differ by 2x. Returns false when the time limit ran out.
    /// </summary>
    private bool WarmUp(BenchmarkSpec spec, long invocations, long limit, CancellationToken cancellation, ref string? error)
    {
        if (spec.WarmupIterations == 0)
        {
            return true;
        }

        var start = _clock.Timestamp;
        var minimumEnd = start + Ticks(MinimumWarmupTime);
        for (var i = 0; i < spec.WarmupIterations || (_clock.Timestamp < minimumEnd && error is null && i < MaximumWarmupIterations); i++)
        {
            if (!RunUntimed(spec.Workload, invocations, limit, cancellation, ref error))
            {
                return false;
            }
        }

        if (!spec.WarmupUntilStable || error is not null)
        {
            return true;
        }

        // Stable: StableWindows windows in a row no more than 3 % faster than the best window so far.
        var end = start + Ticks(MaximumWarmupTime);
        var window = Ticks(WarmupWindow);
        var best = double.MaxValue;
        var calm = 0;
        var iterations = spec.WarmupIterations;
        var times = new List<double>();
        while (calm < StableWindows && _clock.Timestamp < end && iterations < MaximumWarmupIterations)
        {
            times.Clear();
            var windowEnd = _clock.Timestamp + window;
            while (_clock.Timestamp < windowEnd && iterations < MaximumWarmupIterations)
            {
                var before = _clock.Timestamp;
                if (!RunUntimed(spec.Workload, invocations, limit, cancellation, ref error))
                {
                    return false;
                }

                if (error is not null)
                {
                    return true;
                }

                times.Add(_clock.Timestamp - before);
                iterations++;
            }

            var median = SampleStatistics.From(times).Median;
            calm = median < best * 0.97 ? 0 : calm + 1;
            best = Math.Min(best, median);
        }

        return true;
    }

    private bool RunUntimed(IBenchmarkWorkload workload, long invocations, long limit, CancellationToken cancellation, ref string? error)
    {
        if (_clock.Timestamp >= limit)
        {
            return false;
        }

        cancellation.ThrowIfCancellationRequested();
        Guard(() => workload.Run(invocations), ref error);
        return true;
    }

    private void Guard(Action action, ref string? error)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (!Fatal(ex))
        {
            error ??= ex.Message;
        }
    }

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

    private bool Fatal(Exception ex) => ex is OperationCanceledException || (IsFatal?.Invoke(ex) ?? false);

    private long Ticks(TimeSpan span) => _clock.ToTimestampTicks(span);

    private TimeSpan Elapsed(long start) => _clock.Since(start);
}
