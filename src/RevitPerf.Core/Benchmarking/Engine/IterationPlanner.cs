using System;
using System.Collections.Generic;
using System.Threading;
using RevitPerf.Core.Kernel;
using RevitPerf.Core.Statistics;

namespace RevitPerf.Core.Benchmarking;

/// <summary>
/// How the engine prepares a benchmark's iterations before it measures them: the pilot that sizes the invocations per
/// iteration, the fit of a given count to the time limit, and the warm-up until the JIT has settled.
/// </summary>
internal sealed class IterationPlanner
{
    private readonly BenchmarkEngine _engine;
    private readonly IClock _clock;

    public IterationPlanner(BenchmarkEngine engine, IClock clock)
    {
        _engine = engine;
        _clock = clock;
    }

    // An iteration is timed as a whole and cannot be interrupted: invocations asked for that one call could not finish
    // within the time limit (say long.MaxValue of them) are lowered to what fits, timed on one untimed invocation.
    public long FitToLimit(IBenchmarkWorkload workload, long invocations, long limit, ref string? error, ref string? note)
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
        catch (Exception ex) when (!_engine.Fatal(ex))
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

    public long Pilot(IBenchmarkWorkload workload, long limit, ref string? error, long start = 1)
    {
        // Grow the invocations from start until one iteration lasts _engine.MinimumIterationTime, and confirm it with a
        // second run at the same count: early runs are slow (JIT, PowerShell compiling a block after its first calls),
        // and a count sized on them would leave steady-state iterations far below the minimum time. A failing pilot
        // keeps start. The engine pilots again after the warm-up, from the count it warmed up with: a first call that
        // compiles can last longer than the minimum by itself, and only the warmed-up operation shows the real size.
        var target = Ticks(_engine.MinimumIterationTime);
        var invocations = Math.Max(1, start);
        var confirming = false;
        while (invocations < _engine.MaximumInvocationsPerIteration && _clock.Timestamp < limit)
        {
            var before = _clock.Timestamp;
            try
            {
                workload.Run(invocations);
            }
            catch (Exception ex) when (!_engine.Fatal(ex))
            {
                error ??= ex.Message;
                return Math.Max(1, start);
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
            invocations = Math.Min(_engine.MaximumInvocationsPerIteration, (long)Math.Ceiling(invocations * factor));
        }

        return invocations;
    }

    /// <summary>
    /// Runs the warm-up: the spec's iterations and, unless they are zero, at least <see cref="BenchmarkEngine.MinimumWarmupTime"/>;
    /// then, for a spec that asks for it, windows of at least <see cref="BenchmarkEngine.WarmupWindow"/> until the operation stops
    /// getting faster. .NET re-compiles methods with optimizations (and again with profile data) only after 30
    /// calls and a quiet 100 ms each time, so a fresh process keeps speeding up for seconds; measuring before it has
    /// settled made two unchanged runs differ by 2x. Returns false when the time limit ran out.
    /// </summary>
    public bool WarmUp(BenchmarkSpec spec, long invocations, long limit, CancellationToken cancellation, ref string? error)
    {
        if (spec.WarmupIterations == 0)
        {
            return true;
        }

        var start = _clock.Timestamp;
        var minimumEnd = start + Ticks(_engine.MinimumWarmupTime);
        for (var i = 0; i < spec.WarmupIterations || (_clock.Timestamp < minimumEnd && error is null && i < _engine.MaximumWarmupIterations); i++)
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

        // Stable: _engine.StableWindows windows in a row no more than 3 % faster than the best window so far.
        var end = start + Ticks(_engine.MaximumWarmupTime);
        var window = Ticks(_engine.WarmupWindow);
        var best = double.MaxValue;
        var calm = 0;
        var iterations = spec.WarmupIterations;
        var times = new List<double>();
        while (calm < _engine.StableWindows && _clock.Timestamp < end && iterations < _engine.MaximumWarmupIterations)
        {
            times.Clear();
            var windowEnd = _clock.Timestamp + window;
            while (_clock.Timestamp < windowEnd && iterations < _engine.MaximumWarmupIterations)
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
        catch (Exception ex) when (!_engine.Fatal(ex))
        {
            error ??= ex.Message;
        }
    }

    private long Ticks(TimeSpan span) => _clock.ToTimestampTicks(span);
}
