using System;
using System.Collections.Generic;
using System.Threading;
using RevitPerf.Core.Kernel;

namespace RevitPerf.Core.Memory;

/// <summary>
/// Runs an operation repeatedly and samples the managed heap retained after a forced full collection every
/// <see cref="CollectionInterval"/> operations (RevitPy's GC_TRIGGER_INTERVAL, 50), starting after
/// <see cref="WarmupRuns"/> runs whose sample is the baseline: first calls fill caches (JIT data, PowerShell's
/// compiled script blocks, built in the background after a block's first runs) that are not leaks.
/// </summary>
public sealed class LeakTest
{
    private readonly IMemoryProbe _probe;
    private readonly IClock _clock;

    /// <summary>Creates a leak test; tests pass a scripted probe and clock.</summary>
    public LeakTest(IMemoryProbe? probe = null, IClock? clock = null)
    {
        _probe = probe ?? ProcessMemoryProbe.Instance;
        _clock = clock ?? CoarseClock.Instance;
    }

    /// <summary>Operations between forced collections.</summary>
    public int CollectionInterval { get; set; } = LeakAnalysis.CollectionInterval;

    /// <summary>Operations before the first (baseline) sample.</summary>
    public int WarmupRuns { get; set; } = 2 * LeakAnalysis.CollectionInterval;

    /// <summary>The fewest operations a test runs: the warm-up, then three more samples after the baseline.</summary>
    public int MinimumIterations => WarmupRuns + (3 * CollectionInterval);

    /// <summary>
    /// Runs <paramref name="operation"/> <paramref name="iterations"/> times, or until <paramref name="duration"/> has
    /// passed (whichever is given; with both, whichever comes first), but always at least
    /// <see cref="MinimumIterations"/> (four samples). An exception from the operation stops the test and propagates.
    /// </summary>
    public LeakTestResult Run(string name, Action operation, int? iterations, TimeSpan? duration, CancellationToken cancellation = default, Action<int>? progress = null)
    {
        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        if (iterations is null && duration is null)
        {
            throw new ArgumentException("Give a number of iterations, a duration, or both.", nameof(iterations));
        }

        var minimum = MinimumIterations;
        if (iterations is { } count && count < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), count, $"At least {minimum} iterations are needed: {WarmupRuns} to warm up, then a sample every {CollectionInterval}, four samples in all.");
        }

        var start = _clock.Timestamp;
        var end = duration is { } span ? start + _clock.ToTimestampTicks(span) : long.MaxValue;
        var samplesAt = new List<double>();
        var retained = new List<double>();
        var done = 0;
        while (true)
        {
            var enough = done >= minimum;
            if (enough && ((iterations is { } limit && done >= limit) || _clock.Timestamp >= end))
            {
                break;
            }

            cancellation.ThrowIfCancellationRequested();
            operation();
            done++;
            if (done >= WarmupRuns && (done - WarmupRuns) % CollectionInterval == 0)
            {
                _probe.CollectGarbage();
                samplesAt.Add(done);
                retained.Add(_probe.ManagedHeapBytes);
                progress?.Invoke(done);
            }
        }

        return new LeakTestResult(name ?? string.Empty, done, _clock.Since(start), LeakAnalysis.Analyze(samplesAt, retained));
    }
}
