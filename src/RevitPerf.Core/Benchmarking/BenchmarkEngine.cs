using System;
using System.Collections.Generic;
using System.Linq;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// Measures benchmarks one at a time: setup; warm-up; a pilot that picks how many invocations make one iteration
/// (so that sub-microsecond operations are measurable); calibration of the invocation overhead with an empty twin
/// of the workload; the iterations; validation and teardown. Only the operation is inside the timed window:
/// allocation and collection counters are read before and after the iterations, validation after. A failing
/// iteration is counted, not timed; the time limit is checked before every iteration, and when it runs out the
/// samples taken so far are kept.
/// </summary>
public sealed class BenchmarkEngine
{
    private readonly IBenchmarkClock _clock;
    private readonly IAllocationProbe _allocations;

    /// <summary>Creates an engine; tests pass a fake clock and probe.</summary>
    public BenchmarkEngine(IBenchmarkClock? clock = null, IAllocationProbe? allocations = null)
    {
        _clock = clock ?? StopwatchClock.Instance;
        _allocations = allocations ?? RuntimeAllocationProbe.Instance;
    }

    /// <summary>The shortest time one measured iteration should take; the pilot sizes iterations to reach it.</summary>
    public TimeSpan MinimumIterationTime { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The most invocations the pilot puts in one iteration.</summary>
    public long MaximumInvocationsPerIteration { get; set; } = 1L << 24;

    /// <summary>Iterations of the empty twin measured for the overhead calibration (their median is used).</summary>
    public int CalibrationIterations { get; set; } = 15;

    /// <summary>Measures one benchmark within its own timeout (and <paramref name="deadline"/>, a clock timestamp, if sooner).</summary>
    public BenchmarkMeasurement Run(BenchmarkSpec spec, long? deadline = null)
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
        double? reportedMemory = null;
        double? hitRatio = null;
        var metrics = spec.Workload as IBenchmarkMetrics;

        try
        {
            spec.Workload.Setup();
        }
        catch (Exception ex)
        {
            error = "Setup failed: " + ex.Message;
            Teardown(spec.Workload, ref error);
            return new BenchmarkMeasurement(spec, samples, allocationSamples, 0, error, false, invocations, 0, null, collections, Elapsed(start));
        }

        try
        {
            for (var i = 0; i < spec.WarmupIterations; i++)
            {
                if (_clock.Timestamp >= limit)
                {
                    timedOut = true;
                    break;
                }

                Guard(() => spec.Workload.Run(1), ref error);
            }

            invocations = spec.InvocationsPerIteration ?? (timedOut ? 1 : Pilot(spec.Workload, limit, ref error));
            if (spec.Overhead is not null && !timedOut)
            {
                overhead = Calibrate(spec.Overhead, invocations, spec.CalibrationIterations ?? CalibrationIterations, limit);
            }

            metrics?.BeginMeasurement();
            var track = spec.TrackMemory;
            var bytesBefore = track ? _allocations.AllocatedBytes : null;
            var gcBefore = track ? Enumerable.Range(0, 3).Select(_allocations.CollectionCount).ToArray() : new int[3];
            var heapBefore = track ? _allocations.ManagedHeapBytes : 0;
            var ticksPerMs = _clock.TicksPerSecond / 1000;
            while (!timedOut && attempts < spec.Iterations)
            {
                if (_clock.Timestamp >= limit)
                {
                    timedOut = true;
                    break;
                }

                attempts++;

                // Read before the first timestamp and after the second: the counters stay outside the timed window.
                var iterationBytes = track ? _allocations.AllocatedBytes : null;
                var before = _clock.Timestamp;
                try
                {
                    spec.Workload.Run(invocations);
                }
                catch (Exception ex)
                {
                    error ??= ex.Message;
                    continue; // counted as an attempt, not timed
                }

                var after = _clock.Timestamp;
                samples.Add(((after - before) / ticksPerMs / invocations) - overhead);
                if (track)
                {
                    if (iterationBytes is { } startBytes && _allocations.AllocatedBytes is { } endBytes)
                    {
                        allocationSamples.Add(Math.Max(0, endBytes - startBytes) / (double)invocations);
                    }

                    // How far the managed heap grew at its highest, read between iterations.
                    peakHeapGrowth = Math.Max(peakHeapGrowth, _allocations.ManagedHeapBytes - heapBefore);
                }
            }

            // Counters are read outside the timed window, once for all iterations.
            var operations = (double)attempts * invocations;
            if (operations > 0 && track)
            {
                var bytesAfter = _allocations.AllocatedBytes;
                allocatedPerOp = bytesBefore is { } b && bytesAfter is { } a ? Math.Max(0, a - b) / operations : null;
                for (var g = 0; g < 3; g++)
                {
                    collections[g] = (_allocations.CollectionCount(g) - gcBefore[g]) * 1000 / operations;
                }
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
        catch (Exception ex)
        {
            error ??= ex.Message;
        }
        finally
        {
            Teardown(spec.Workload, ref error);
        }

        return new BenchmarkMeasurement(spec, samples, allocationSamples, attempts, error, timedOut, invocations, overhead, allocatedPerOp, collections, Elapsed(start))
        {
            PeakMemoryMB = reportedMemory ?? peakHeapGrowth / (1024.0 * 1024.0),
            HitRatio = hitRatio,
        };
    }

    /// <summary>
    /// Runs benchmarks in order within <paramref name="suiteTimeout"/>: when it runs out, the running benchmark stops
    /// (keeping its samples), the rest are not started, and every finished result is returned.
    /// </summary>
    public BenchmarkSuiteRun RunSuite(IEnumerable<BenchmarkSpec> specs, TimeSpan suiteTimeout, Action<BenchmarkSpec, int>? starting = null)
    {
        var all = (specs ?? throw new ArgumentNullException(nameof(specs))).ToList();
        var deadline = _clock.Timestamp + Ticks(suiteTimeout);
        var results = new List<BenchmarkMeasurement>();
        foreach (var spec in all)
        {
            if (_clock.Timestamp >= deadline)
            {
                return new BenchmarkSuiteRun(results, all.Skip(results.Count).Select(s => s.Name).ToList(), timedOut: true);
            }

            starting?.Invoke(spec, results.Count);
            results.Add(Run(spec, deadline));
        }

        return new BenchmarkSuiteRun(results, Array.Empty<string>(), timedOut: _clock.Timestamp >= deadline && results.Any(r => r.TimedOut));
    }

    private long Pilot(IBenchmarkWorkload workload, long limit, ref string? error)
    {
        // Double the invocations until one iteration lasts MinimumIterationTime; a failing pilot keeps 1.
        var target = Ticks(MinimumIterationTime);
        long invocations = 1;
        while (invocations < MaximumInvocationsPerIteration && _clock.Timestamp < limit)
        {
            var before = _clock.Timestamp;
            try
            {
                workload.Run(invocations);
            }
            catch (Exception ex)
            {
                error ??= ex.Message;
                return 1;
            }

            var elapsed = _clock.Timestamp - before;
            if (elapsed >= target)
            {
                break;
            }

            // Jump close to the target when the measurement is meaningful, but never more than 16x at once.
            var factor = elapsed > 0 ? Math.Min(16, Math.Max(2, (double)target / elapsed)) : 16;
            invocations = Math.Min(MaximumInvocationsPerIteration, (long)Math.Ceiling(invocations * factor));
        }

        return invocations;
    }

    private double Calibrate(IBenchmarkWorkload overhead, long invocations, int iterations, long limit)
    {
        var perOp = new List<double>(iterations);
        var ticksPerMs = _clock.TicksPerSecond / 1000;
        try
        {
            overhead.Setup();
            for (var i = 0; i < iterations && _clock.Timestamp < limit; i++)
            {
                var before = _clock.Timestamp;
                overhead.Run(invocations);
                perOp.Add((_clock.Timestamp - before) / ticksPerMs / invocations);
            }
        }
        finally
        {
            overhead.Teardown();
        }

        return perOp.Count == 0 ? 0 : SampleStatistics.From(perOp).Median;
    }

    private static void Guard(Action action, ref string? error)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            error ??= ex.Message;
        }
    }

    private static void Teardown(IBenchmarkWorkload workload, ref string? error)
    {
        try
        {
            workload.Teardown();
        }
        catch (Exception ex)
        {
            error ??= "Teardown failed: " + ex.Message;
        }
    }

    private long Ticks(TimeSpan span) => (long)Math.Min(long.MaxValue / 4, span.TotalSeconds * _clock.TicksPerSecond);

    private TimeSpan Elapsed(long start) => TimeSpan.FromSeconds((_clock.Timestamp - start) / _clock.TicksPerSecond);
}
